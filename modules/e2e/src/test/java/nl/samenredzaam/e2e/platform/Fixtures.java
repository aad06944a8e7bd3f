package nl.samenredzaam.e2e.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;

/** The fixture bundles (modules/fixtures) as bytes, and variants of them with a changed manifest. */
final class Fixtures {

    static final String OPERATOR_PASSWORD = "operator-e2e-secret-2026";
    static final String DEMO_PASSWORD = "lindeholt-demo";

    private Fixtures() {
    }

    /** The jar of a fixture module from the test class path (the reactor puts the packaged jar there). */
    static byte[] jar(String artifactPrefix) {
        String entry = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                // "<artifactId>-<version>.jar": the dash keeps ...fixture.blocking from matching ...fixture.blockingactivator
                .filter(p -> Path.of(p).getFileName().toString().startsWith(artifactPrefix + "-") && p.endsWith(".jar"))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(artifactPrefix + " jar not on the test class path; build the reactor first"));
        try {
            return Files.readAllBytes(Path.of(entry));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hello() {
        return jar("nl.samenredzaam.fixture.hello");
    }

    static byte[] faulty() {
        return jar("nl.samenredzaam.fixture.faulty");
    }

    /** A module whose activation never returns (and ignores interrupts). */
    static byte[] blocking() {
        return jar("nl.samenredzaam.fixture.blocking");
    }

    /** A bundle whose BundleActivator.start never returns (Felix then holds its bundle lock). */
    static byte[] blockingActivator() {
        return jar("nl.samenredzaam.fixture.blockingactivator");
    }

    /** A module that starts a thread in activation and never stops it. */
    static byte[] leaky() {
        return jar("nl.samenredzaam.fixture.leaky");
    }

    /** The same bundle with another version, e.g. to update it. */
    static byte[] withVersion(byte[] jar, String version) {
        return rewrite(jar, "Bundle-Version", version);
    }

    /** The same bundle under another symbolic name and module id. */
    static byte[] asModule(byte[] jar, String symbolicName, String moduleId) {
        return rewrite(rewrite(jar, "Bundle-SymbolicName", symbolicName), "Samenredzaam-Module", moduleId);
    }

    /** The same bundle with one more package import that nothing provides. */
    static byte[] needingMissingPackage(byte[] jar, String pkg) {
        Manifest m = manifest(jar);
        String imports = m.getMainAttributes().getValue("Import-Package");
        return rewrite(jar, "Import-Package", (imports == null ? "" : imports + ",") + pkg + ";version=\"[1.0,2)\"");
    }

    static Manifest manifest(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            return in.getManifest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] rewrite(byte[] jar, String header, String value) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest m = new Manifest(in.getManifest());
            m.getMainAttributes().putValue(header, value);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream out = new JarOutputStream(bytes, m)) {
                JarEntry e;
                while ((e = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A client signed in with a bearer token. */
    static HttpJson signedIn(HttpJson http, String username, String password) {
        return http.withBearer(token(http, username, password));
    }

    static String token(HttpJson http, String username, String password) {
        JsonResponse r = http.post("/api/v1/auth/token", java.util.Map.of("username", username, "password", password));
        if (r.status() != 200) {
            throw new IllegalStateException("sign-in of " + username + " failed: " + r);
        }
        return r.json().get("token").asText();
    }

    static HttpJson operator(HttpJson http) {
        return signedIn(http, "admin", OPERATOR_PASSWORD);
    }
}
