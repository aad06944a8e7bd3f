package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.Eventually;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * A generated authorization matrix: every route of every running module (as the platform lists
 * them, so routes added later are covered without touching this test) is called by a visitor who
 * is not signed in, by an admin of another initiative, and by a resident where residents lack the
 * permission. None may get a 2xx, and none may cause a 5xx.
 */
class RouteMatrixIT {

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("route-matrix").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD).build();

    static HttpJson operator;
    static List<JsonNode> routes = new ArrayList<>();
    static Set<String> modules;

    @BeforeAll
    static void prepare() {
        operator = Fixtures.operator(platform.http());
        for (JsonNode r : operator.get("/api/v1/platform/routes").json()) {
            routes.add(r);
        }
        modules = new java.util.TreeSet<>();
        routes.forEach(r -> modules.add(r.get("module").asText()));
        assertEquals(201, operator.post("/api/v1/platform/initiatives", Map.of("slug", "rens", "name", "WIJ SamenVitaal Rens")).status());
        for (String m : modules) {
            assertEquals(200, operator.put("/api/v1/rens/modules/" + m, Map.of("enabled", true)).status());
        }
        HttpJson beheerder = Fixtures.signedIn(platform.http(), "beheerder", Fixtures.DEMO_PASSWORD);
        Eventually.within(Duration.ofSeconds(60)).until(() -> {
            for (JsonNode m : beheerder.get("/api/v1/lindeholt/modules").json()) {
                if (modules.contains(m.get("id").asText()) && !m.get("enabled").asBoolean()) {
                    return false;
                }
            }
            return true;
        }, "the demo initiative has every module enabled");
    }

    @Test
    void everyModuleContributesRoutes() {
        assertTrue(modules.containsAll(Set.of("buurtnieuws", "calendar", "volunteering", "wmo-intake", "referral")), modules.toString());
        assertTrue(routes.size() > 40, "routes listed: " + routes.size());
    }

    @Test
    void visitorsWhoAreNotSignedInGetNoProtectedRoute() {
        HttpJson anonymous = platform.http().newSession();
        List<String> wrong = new ArrayList<>();
        for (JsonNode r : protectedRoutes()) {
            JsonResponse answer = call(anonymous, "lindeholt", r);
            boolean loginRedirect = answer.status() == 303 && answer.header("Location").orElse("").startsWith("/login");
            if (!(answer.status() == 401 || answer.status() == 403 || answer.status() == 404 || loginRedirect)) {
                wrong.add(describe(r) + " -> " + answer.status());
            }
        }
        assertTrue(wrong.isEmpty(), "routes open to visitors who are not signed in:\n" + String.join("\n", wrong));
    }

    @Test
    void anAdminOfAnotherInitiativeGetsNothing() {
        HttpJson outsider = Fixtures.signedIn(platform.http(), "beheerder", Fixtures.DEMO_PASSWORD);
        List<String> wrong = new ArrayList<>();
        for (JsonNode r : protectedRoutes()) {
            JsonResponse answer = call(outsider, "rens", r);
            if (answer.status() != 403 && answer.status() != 404) {
                wrong.add(describe(r) + " -> " + answer.status());
            }
        }
        assertTrue(wrong.isEmpty(), "routes of initiative rens open to an admin of lindeholt:\n" + String.join("\n", wrong));
    }

    @Test
    void aResidentGetsNoRouteOfAPermissionResidentsLack() {
        HttpJson resident = Fixtures.signedIn(platform.http(), "resident", Fixtures.DEMO_PASSWORD);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (JsonNode r : protectedRoutes()) {
            String permission = r.get("permission").asText();
            boolean residentsHaveIt = permission.equals("member") || r.get("defaultRoles").toString().contains("RESIDENT");
            if (residentsHaveIt) {
                continue;
            }
            checked++;
            JsonResponse answer = call(resident, "lindeholt", r);
            if (answer.status() != 403 && answer.status() != 404) {
                wrong.add(describe(r) + " -> " + answer.status());
            }
        }
        assertTrue(checked > 10, "routes checked for residents: " + checked);
        assertTrue(wrong.isEmpty(), "routes open to a resident without the permission:\n" + String.join("\n", wrong));
    }

    static List<JsonNode> protectedRoutes() {
        return routes.stream().filter(r -> !r.get("permission").asText().equals("public")).toList();
    }

    static JsonResponse call(HttpJson http, String slug, JsonNode route) {
        String path = route.get("path").asText().replaceAll("\\{[^}]+}", "1");
        String module = route.get("module").asText();
        String url = route.get("kind").asText().equals("API") ? "/api/v1/" + slug + "/" + module + path : "/" + slug + "/" + module + path;
        String method = route.get("method").asText();
        JsonResponse answer = method.equals("GET") || method.equals("DELETE")
                ? http.send(method, url, BodyPublishers.noBody(), null)
                : http.send(method, url, BodyPublishers.ofString("{}"), "application/json");
        if (answer.status() >= 500) {
            throw new AssertionError(describe(route) + " answered " + answer.status() + " for " + url + ": " + answer.body());
        }
        return answer;
    }

    static String describe(JsonNode r) {
        return r.get("module").asText() + " " + r.get("kind").asText() + " " + r.get("method").asText() + " " + r.get("path").asText()
                + " [" + r.get("permission").asText() + "]";
    }
}
