package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.PlatformJar;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * A bundle shipped in the jar that cannot start (here: it imports a package nobody exports, as a
 * module built against a newer API would) must not keep the platform from serving. It is started by
 * the framework's start-level thread before identity, web and the feature modules; core's
 * StartLevelReadiness counts it as failed from the framework's ERROR event. (It once missed that
 * event: created lazily by the health servlet, after the failure, it kept /health at 503 for ever.)
 */
class ShippedUnresolvableBundleIT {

    static final String BSN = "nl.samenredzaam.fixture.unresolvable";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("shipped-unresolvable").demo().jar(platformWithIt())
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD).build();

    static Path platformWithIt() {
        try {
            Path dir = Files.createTempDirectory("samenredzaam-shipped-unresolvable");
            Path jar = dir.resolve("samenredzaam.jar");
            dir.toFile().deleteOnExit();
            jar.toFile().deleteOnExit();
            return ShippedBundleJar.copyWith(PlatformJar.locate(), unresolvableBundle(), "unresolvable.jar", 20, jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] unresolvableBundle() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", BSN);
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("Import-Package", "nl.samenredzaam.api.data;version=\"[9.0,10)\"");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
            out.flush();
        }
        return bytes.toByteArray();
    }

    @Test
    void thePlatformServesAndShowsTheBundleWithTheResolversReason(HttpJson http) {
        // the extension waited for /health 200 before this test: the failed bundle held nothing up
        JsonResponse health = http.get("/health");
        assertEquals(200, health.status(), health.toString());
        assertTrue(platform.log().contains("Unable to resolve " + BSN), "the framework tried it first:\n" + platform.logTail(40));

        HttpJson operator = Fixtures.operator(http);
        JsonResponse bundle = operator.get("/api/v1/platform/bundles/" + BSN);
        assertEquals(200, bundle.status(), bundle.toString());
        assertEquals("INSTALLED", bundle.json().get("state").asText(), bundle.toString());

        // every module after it started: the demo initiative is served by the last ones too
        assertEquals(200, http.get("/lindeholt/").status());
        assertEquals(200, http.get("/api/v1/lindeholt/buurtnieuws/items").status());
        JsonResponse modules = operator.get("/api/v1/lindeholt/modules");
        assertEquals(200, modules.status(), modules.toString());
        assertTrue(modules.body().contains("\"wmo-intake\""), modules.toString());
    }
}
