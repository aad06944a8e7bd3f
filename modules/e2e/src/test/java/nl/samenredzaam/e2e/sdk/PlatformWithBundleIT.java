package nl.samenredzaam.e2e.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * The test support's way for a module developer to start the platform with their own bundle in it
 * ({@code RunningPlatform.builder().bundle(jar)}): the bundle is installed as a drop-in and its module runs.
 */
class PlatformWithBundleIT {

    static final String OPERATOR_PASSWORD = "operator-e2e-secret-2026";
    static final Path HELLO = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .map(Path::of).filter(p -> p.getFileName().toString().startsWith("nl.samenredzaam.fixture.hello"))
            .findFirst().orElseThrow(() -> new IllegalStateException("the hello fixture is not on the class path"));

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("with-bundle").bundle(HELLO)
            .env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD).build();

    @Test
    void theBundleGivenToTheBuilderRunsAsAModule(HttpJson http) {
        JsonResponse token = http.post("/api/v1/auth/token", Map.of("username", "admin", "password", OPERATOR_PASSWORD));
        assertEquals(200, token.status(), token.toString());
        HttpJson operator = http.withBearer(token.json().get("token").asText());
        Eventually.within(Duration.ofSeconds(60)).until(() -> helloState(operator).equals("ACTIVE"),
                () -> "the hello module is not ACTIVE: " + operator.get("/api/v1/platform/modules").body());
    }

    static String helloState(HttpJson operator) {
        JsonResponse modules = operator.get("/api/v1/platform/modules");
        for (JsonNode m : modules.json()) {
            if (m.get("id").asText().equals("hello")) {
                return m.get("state").asText();
            }
        }
        return "absent";
    }
}
