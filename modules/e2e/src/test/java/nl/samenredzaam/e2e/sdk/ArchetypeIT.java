package nl.samenredzaam.e2e.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * The path of docs/module-guide.md, end to end: generate a module project from the archetype in an
 * empty folder outside this repository, build it with Maven (offline, as a child process), check
 * that the bundle declares its module and imports only the platform API, then upload it to a
 * running platform, enable it for the demo initiative and use its page and API endpoint; then update
 * it, have a broken update rolled back, and uninstall and reinstall it with its switch kept.
 *
 * <p>Needs {@code nl.samenredzaam:nl.samenredzaam.module-archetype} and {@code nl.samenredzaam.api}
 * in the local Maven repository: the reactor builds modules/archetype before modules/e2e.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArchetypeIT {

    static final String OPERATOR_PASSWORD = "operator-e2e-secret-2026";
    static final String DEMO_PASSWORD = "lindeholt-demo";
    static final String VERSION = System.getProperty("samenredzaam.version", "0.1.0-SNAPSHOT");
    static final String MODULE = "prikbord";

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("archetype").demo()
            .env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD).build();

    @TempDir
    static Path work;

    static Path jar;

    @Test
    @Order(1)
    void aGeneratedProjectBuildsOutsideTheRepositoryIntoAModuleBundle() throws IOException {
        Maven.succeed(work, "org.apache.maven.plugins:maven-archetype-plugin:3.4.1:generate", "-DarchetypeCatalog=local",
                "-DarchetypeGroupId=nl.samenredzaam", "-DarchetypeArtifactId=nl.samenredzaam.module-archetype",
                "-DarchetypeVersion=" + VERSION, "-DgroupId=org.example", "-DartifactId=" + MODULE,
                "-Dversion=1.0.0", "-Dpackage=org.example." + MODULE, "-DmoduleId=" + MODULE,
                "-DsamenredzaamVersion=" + VERSION);
        Path project = work.resolve(MODULE);
        assertTrue(Files.isRegularFile(project.resolve("pom.xml")), "generated project");
        assertTrue(Files.readString(project.resolve("pom.xml")).contains("<artifactId>nl.samenredzaam.api</artifactId>"));
        assertTrue(!Files.readString(project.resolve("pom.xml")).contains("<parent>"), "standalone: no parent pom");
        assertTrue(Files.isRegularFile(project.resolve("src/main/resources/db/" + MODULE + "/changelog.sql")));

        String pom = Files.readString(project.resolve("pom.xml"));
        assertTrue(pom.contains("<artifactId>nl.samenredzaam.bom</artifactId>") && pom.contains("<scope>import</scope>"),
                "the generated project imports the platform's BOM");

        String build = Maven.succeed(project, "verify");
        assertTrue(build.contains("Tests run: 8, Failures: 0, Errors: 0"), "the generated unit tests (module and handlers, 8) run and pass:\n" + build);
        String inFramework = inFrameworkReport(project, "1.0.0");
        assertTrue(inFramework.contains("tests=\"3\" skipped=\"0\" failures=\"0\" errors=\"0\""),
                "the generated in-framework test (Felix, SCR, the API bundle) runs 3 tests and passes:\n"
                        + inFramework.substring(0, Math.min(400, inFramework.length())));

        jar = project.resolve("target/" + MODULE + "-1.0.0.jar");
        assertTrue(Files.isRegularFile(jar), "bundle built");
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
            assertNotNull(file.getEntry("org/example/" + MODULE + "/internal/templates/JtelistGenerated.class"),
                    "the template is precompiled into the bundle");
            assertNotNull(file.getEntry("gg/jte/TemplateEngine.class"), "the jte runtime is embedded");
        }
        var main = manifest.getMainAttributes();
        assertEquals(MODULE, main.getValue("Samenredzaam-Module"));
        assertEquals("db/" + MODULE + "/changelog.sql", main.getValue("Samenredzaam-Migrations"));
        List<String> imports = packages(main.getValue("Import-Package"));
        assertTrue(imports.contains("nl.samenredzaam.api.web"), imports.toString());
        for (String imported : imports) {
            assertTrue(imported.startsWith("nl.samenredzaam.api.") || imported.startsWith("org.osgi.")
                    || imported.equals("gg.jte.compiler"), "imports only the platform API: " + imported);
        }
        assertTrue(main.getValue("Import-Package").contains("gg.jte.compiler;resolution:=optional"));
    }

    @Test
    @Order(2)
    void theBundleInstallsIsEnabledForAnInitiativeAndServesItsPageAndEndpoint(HttpJson http) throws IOException {
        assertNotNull(jar, "built by the first test");
        HttpJson operator = signedIn(http, "admin", OPERATOR_PASSWORD);
        HttpJson beheerder = signedIn(http, "beheerder", DEMO_PASSWORD);
        HttpJson coordinator = signedIn(http, "coordinator", DEMO_PASSWORD);
        HttpJson resident = signedIn(http, "resident", DEMO_PASSWORD);

        JsonResponse installed = operator.send("POST", "/api/v1/platform/bundles",
                BodyPublishers.ofByteArray(Files.readAllBytes(jar)), "application/java-archive");
        assertEquals(201, installed.status(), installed.toString());
        assertEquals("ACTIVE", installed.json().get("state").asText(), installed.toString());
        assertEquals(MODULE, installed.json().get("moduleId").asText());
        assertEquals("org.example." + MODULE, installed.json().get("symbolicName").asText());

        // A normal initiative starts with the new module off (the demo initiative switches every module on as it arrives).
        assertEquals(201, operator.post("/api/v1/platform/initiatives", Map.of("slug", "vlist", "name", "Zorgzaam Vlist")).status());
        assertEquals(404, http.get("/vlist/" + MODULE).status(), "installed, not enabled for this initiative");
        assertEquals(404, operator.get("/api/v1/vlist/" + MODULE + "/notes").status(), "installed, not enabled for this initiative");
        JsonResponse enabled = beheerder.put("/api/v1/lindeholt/modules/" + MODULE, Map.of("enabled", true));
        assertEquals(200, enabled.status(), enabled.toString());
        assertTrue(enabled.json().get("enabled").asBoolean(), enabled.toString());

        JsonResponse page = http.get("/lindeholt/" + MODULE);
        assertEquals(200, page.status(), page.toString());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("Er zijn nog geen notities.") || page.body().contains("There are no notes yet."),
                "the module's template inside the layout:\n" + page.body());

        JsonResponse notes = coordinator.get("/api/v1/lindeholt/" + MODULE + "/notes");
        assertEquals(200, notes.status(), notes.toString());
        assertTrue(notes.json().isArray(), notes.toString());
        assertEquals(401, http.get("/api/v1/lindeholt/" + MODULE + "/notes").status(), "the endpoint needs a sign-in");
        assertEquals(403, resident.get("/api/v1/lindeholt/" + MODULE + "/notes").status(),
                "a resident lacks the module's permission");

        JsonResponse routes = operator.get("/api/v1/platform/routes");
        assertTrue(routes.body().contains("\"" + MODULE + ".read\""), "its permission is known to the platform");
    }

    @Test
    @Order(3)
    void anUpdateServesABrokenUpdateIsRolledBackAndUninstallKeepsTheSwitch(HttpJson http) throws IOException {
        assertNotNull(jar, "installed by the tests before");
        HttpJson operator = signedIn(http, "admin", OPERATOR_PASSWORD);
        Path project = work.resolve(MODULE);
        Path pom = project.resolve("pom.xml");
        String original = Files.readString(pom);
        assertTrue(original.contains("<version>1.0.0</version>"));

        Files.writeString(pom, original.replace("<version>1.0.0</version>", "<version>1.0.1</version>"));
        Maven.succeed(project, "verify");
        JsonResponse updated = upload(operator, project.resolve("target/" + MODULE + "-1.0.1.jar"));
        assertEquals(200, updated.status(), updated.toString());
        assertEquals("1.0.1", updated.json().get("version").asText());
        assertEquals(200, http.get("/lindeholt/" + MODULE).status(), "the update serves, still enabled");

        // A component that fails only inside OSGi (its activate method throws): the unit tests pass, the
        // generated in-framework test must fail the build.
        Path module = project.resolve("src/main/java/org/example/" + MODULE + "/internal/NoteModule.java");
        String source = Files.readString(module);
        String activateThrows = source.replace("    @Override\n    public String id() {",
                "    @org.osgi.service.component.annotations.Activate\n    void activate() {\n"
                        + "        throw new IllegalStateException(\"broken on purpose\");\n    }\n\n"
                        + "    @Override\n    public String id() {");
        assertTrue(!activateThrows.equals(source), "the test can break the generated module");
        Files.writeString(module, activateThrows);
        Files.writeString(pom, original.replace("<version>1.0.0</version>", "<version>1.0.2</version>"));
        Maven.Result tested = Maven.run(project, "verify");
        assertTrue(tested.exitCode() != 0, "the in-framework test catches a module that does not start:\n" + tested.tail());
        assertTrue(tested.output().contains("Tests run: 8, Failures: 0, Errors: 0"), "the unit tests still pass");
        String failed = inFrameworkReport(project, "1.0.2");
        assertTrue(failed.contains("theModuleIsAServiceWithAPageAndAnEndpoint")
                && (failed.contains("<failure") || failed.contains("<error")),
                "the failing in-framework test is the one that waits for the module service:\n" + failed);

        Files.writeString(module, source.replace("NoteRepository repository = new NoteRepository();",
                "if (ID.length() > 0) { throw new IllegalStateException(\"broken on purpose\"); }\n"
                        + "        NoteRepository repository = new NoteRepository();"));
        Maven.succeed(project, "verify", "-DskipTests");
        JsonResponse broken = upload(operator, project.resolve("target/" + MODULE + "-1.0.2.jar"));
        assertEquals(422, broken.status(), broken.toString());
        JsonResponse bundle = operator.get("/api/v1/platform/bundles/org.example." + MODULE);
        assertEquals("1.0.1", bundle.json().get("version").asText(), "rolled back: " + bundle);
        assertEquals("ACTIVE", bundle.json().get("state").asText(), bundle.toString());
        assertEquals(200, http.get("/lindeholt/" + MODULE).status(), "the previous version serves again");

        assertEquals(204, operator.delete("/api/v1/platform/bundles/org.example." + MODULE).status());
        assertEquals(404, http.get("/lindeholt/" + MODULE).status(), "uninstalled: gone");
        assertEquals(200, http.get("/lindeholt/buurtnieuws").status(), "other modules keep serving");
        assertEquals(201, upload(operator, project.resolve("target/" + MODULE + "-1.0.1.jar")).status());
        assertEquals(200, http.get("/lindeholt/" + MODULE).status(), "reinstalled: its switch (data) was kept");
    }

    /** The report bnd-testing-maven-plugin writes for the generated project's in-framework test run. */
    static String inFrameworkReport(Path project, String version) throws IOException {
        Path report = project.resolve("target/test-reports/test/TEST-" + MODULE + "-tests-" + version + ".xml");
        assertTrue(Files.isRegularFile(report), "no in-framework test report at " + report);
        return Files.readString(report);
    }

    static JsonResponse upload(HttpJson operator, Path jar) throws IOException {
        return operator.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(Files.readAllBytes(jar)),
                "application/java-archive");
    }

    static HttpJson signedIn(HttpJson http, String username, String password) {
        JsonResponse r = http.post("/api/v1/auth/token", Map.of("username", username, "password", password));
        assertEquals(200, r.status(), "sign-in of " + username + ": " + r);
        return http.withBearer(r.json().get("token").asText());
    }

    /** Package names of an Import-Package header (attributes and directives dropped). */
    static List<String> packages(String header) {
        List<String> result = new ArrayList<>();
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                result.add(clause.toString().split(";")[0].trim());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return result;
    }
}
