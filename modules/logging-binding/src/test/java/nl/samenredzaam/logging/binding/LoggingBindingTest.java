package nl.samenredzaam.logging.binding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.jar.Manifest;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The fragment names a class that exists in the Logback version we ship, that is an SLF4J 2
 * provider, and imports that class's package: a Logback upgrade that moves the provider fails here,
 * not silently in production (SLF4J would fall back to its no-op logger). That the platform's log
 * lines really reach Logback is checked against the running jar (LoggingIT in modules/e2e).
 */
class LoggingBindingTest {

    private static final String SERVICE_FILE = "META-INF/services/" + SLF4JServiceProvider.class.getName();

    @Test
    void theServicesFileNamesLogbacksProvider() throws Exception {
        String named;
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources", SERVICE_FILE))) {
            named = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
        Class<?> provider = Class.forName(named);
        assertTrue(SLF4JServiceProvider.class.isAssignableFrom(provider), named + " is not an SLF4J 2 provider");
        assertEquals(provider.getPackageName() + ";version=\"[1.5,2)\"", importOf(named));
    }

    @Test
    void theBundleIsAFragmentOfSlf4jApi() throws IOException {
        Manifest manifest = builtManifest();
        assertEquals("slf4j.api", manifest.getMainAttributes().getValue("Fragment-Host"));
    }

    private static String importOf(String className) throws IOException {
        String imports = builtManifest().getMainAttributes().getValue("Import-Package");
        assertNotNull(imports, "the fragment imports nothing");
        return imports.trim();
    }

    private static Manifest builtManifest() throws IOException {
        // bnd-maven-plugin writes the manifest before the tests run
        Path manifest = Path.of("target/classes/META-INF/MANIFEST.MF");
        assertTrue(Files.exists(manifest), "no manifest at " + manifest.toAbsolutePath());
        try (InputStream in = Files.newInputStream(manifest)) {
            return new Manifest(in);
        }
    }
}
