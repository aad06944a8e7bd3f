package nl.samenredzaam.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchSettingsTest {

    @TempDir
    Path tmp;

    @Test
    void propertiesForTheFrameworkAndTheBundles() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--port", "9000", "--data-dir", tmp.toString(), "--demo");
        Map<String, String> p = LaunchSettings.systemProperties(o, new Properties());

        assertEquals("9000", p.get("org.osgi.service.http.port"));
        assertEquals(tmp.toString(), p.get("samenredzaam.data.dir"));
        assertEquals("true", p.get("samenredzaam.demo"));
        assertEquals(tmp.resolve("deploy").toString(), p.get("felix.fileinstall.dir"));
        assertEquals("500", p.get("felix.fileinstall.poll"));
        assertEquals(tmp.resolve("felix-cache").toString(), p.get("org.osgi.framework.storage"));
        assertEquals(tmp.resolve("felix-cache").toString(), p.get("launch.storage.dir"));
        assertEquals("onFirstInit", p.get("org.osgi.framework.storage.clean"));
        assertEquals(tmp.resolve("logback-default.xml").toString(), p.get("logback.configurationFile"));
    }

    @Test
    void theMigratedDatabaseInTheJarIsPassedToCoreUnlessTheUserSetOne() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--data-dir", tmp.toString());
        String template = LaunchSettings.systemProperties(o, new Properties()).get(LaunchSettings.H2_TEMPLATE);
        assertTrue(template != null && template.endsWith("/samenredzaam-h2-template.mv.db"), String.valueOf(template));

        Properties current = new Properties();
        current.setProperty(LaunchSettings.H2_TEMPLATE, ""); // -Dsamenredzaam.h2.template= : migrate instead
        assertFalse(LaunchSettings.systemProperties(o, current).containsKey(LaunchSettings.H2_TEMPLATE),
                "the user's value stays as it is");
    }

    @Test
    void demoIsFalseUnlessAsked() throws Exception {
        LaunchOptions o = LaunchOptions.parse("--data-dir", tmp.toString());
        assertEquals("false", LaunchSettings.systemProperties(o, new Properties()).get("samenredzaam.demo"));
    }

    @Test
    void userSetPortAndLogbackAreKept() throws Exception {
        Properties current = new Properties();
        current.setProperty("org.osgi.service.http.port", "7000");
        current.setProperty("logback.configurationFile", "/etc/sr/logback.xml");
        LaunchOptions o = LaunchOptions.parse("--data-dir", tmp.toString());

        Map<String, String> p = LaunchSettings.systemProperties(o, current);
        assertEquals("7000", p.get("org.osgi.service.http.port"));
        assertEquals("/etc/sr/logback.xml", p.get("logback.configurationFile"));
    }

    @Test
    void portOnTheCommandLineBeatsTheSystemProperty() throws Exception {
        Properties current = new Properties();
        current.setProperty("org.osgi.service.http.port", "7000");
        LaunchOptions o = LaunchOptions.parse("--port", "7001", "--data-dir", tmp.toString());
        assertEquals("7001", LaunchSettings.systemProperties(o, current).get("org.osgi.service.http.port"));
    }

    @Test
    void logbackXmlInTheDataDirWins() throws Exception {
        Files.writeString(tmp.resolve("logback.xml"), "<configuration/>");
        LaunchOptions o = LaunchOptions.parse("--data-dir", tmp.toString());
        assertEquals(tmp.resolve("logback.xml").toString(),
                LaunchSettings.systemProperties(o, new Properties()).get("logback.configurationFile"));
    }

    @Test
    void prepareCreatesTheFoldersAndWritesTheDefaultLogging() throws Exception {
        Path data = tmp.resolve("nested/data");
        Path deploy = tmp.resolve("elsewhere/deploy");
        LaunchOptions o = LaunchOptions.parse("--data-dir", data.toString(), "--deploy-dir", deploy.toString());

        LaunchSettings.prepareDirectories(o);

        assertTrue(Files.isDirectory(data));
        assertTrue(Files.isDirectory(deploy));
        String logback = Files.readString(data.resolve("logback-default.xml"));
        assertTrue(logback.contains("<root level=\"INFO\">"), logback);
        assertTrue(logback.contains("org.eclipse.jetty\" level=\"WARN\""), logback);
    }
}
