package nl.samenredzaam.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Turns {@link LaunchOptions} into the system properties the framework and the bundles read, and prepares the data
 * directory. Environment variables (database URL, admin password) are read by the bundles, not here.
 */
public final class LaunchSettings {

    public static final String HTTP_PORT = "org.osgi.service.http.port";
    public static final String DATA_DIR = "samenredzaam.data.dir";
    public static final String DEMO = "samenredzaam.demo";
    public static final String FILEINSTALL_DIR = "felix.fileinstall.dir";
    public static final String FILEINSTALL_POLL = "felix.fileinstall.poll";
    public static final String FILEINSTALL_LOG_LEVEL = "felix.fileinstall.log.level";
    public static final String FRAMEWORK_STORAGE = "org.osgi.framework.storage";
    public static final String FRAMEWORK_STORAGE_CLEAN = "org.osgi.framework.storage.clean";
    /** bnd's launcher: the storage folder it empties at every start (it never keeps it: -runkeep is off). */
    public static final String LAUNCH_STORAGE_DIR = "launch.storage.dir";
    public static final String LOGBACK_CONFIGURATION = "logback.configurationFile";
    /** Core's property for the migrated H2 database of a first start (core's H2Template). */
    public static final String H2_TEMPLATE = "samenredzaam.h2.template";
    /** Where runtime/pom.xml puts that template in samenredzaam.jar (built by core's H2TemplateBuilder). */
    static final String H2_TEMPLATE_RESOURCE = "/samenredzaam-h2-template.mv.db";

    /** The framework cache below the data dir. Emptied at every start: core restores uploaded bundles. */
    public static final String FRAMEWORK_CACHE_NAME = "felix-cache";
    /** A user's own Logback configuration in the data dir; used instead of the shipped default when present. */
    public static final String USER_LOGBACK_NAME = "logback.xml";
    /** The shipped default, written at every start so that an upgrade brings the new default. */
    public static final String DEFAULT_LOGBACK_NAME = "logback-default.xml";
    static final String DEFAULT_LOGBACK_RESOURCE = "logback.xml";

    /** FileInstall's poll interval in milliseconds: bounds how long a dropped jar waits. */
    static final String POLL_MILLIS = "500";
    /** FileInstall logs errors and warnings only (1 = error, 2 = warning, 3 = info, 4 = debug). */
    static final String FILEINSTALL_LOG_LEVEL_VALUE = "2";

    private LaunchSettings() {
    }

    /**
     * The system properties to set for these options. Pure: it reads the current system properties only to respect
     * what the user set with {@code -D}, and touches no file.
     *
     * @param options the parsed command line
     * @param current the system properties as the JVM was started
     */
    public static Map<String, String> systemProperties(LaunchOptions options, Properties current) {
        Map<String, String> p = new LinkedHashMap<>();
        String userPort = current.getProperty(HTTP_PORT);
        p.put(HTTP_PORT, options.portGiven() || userPort == null ? Integer.toString(options.port()) : userPort);
        p.put(DATA_DIR, options.dataDir().toString());
        p.put(DEMO, Boolean.toString(options.demo()));
        p.put(FILEINSTALL_DIR, options.deployDir().toString());
        p.put(FILEINSTALL_POLL, POLL_MILLIS);
        p.put(FILEINSTALL_LOG_LEVEL, FILEINSTALL_LOG_LEVEL_VALUE);
        String cache = frameworkCache(options).toString();
        p.put(FRAMEWORK_STORAGE, cache);
        p.put(LAUNCH_STORAGE_DIR, cache);
        p.put(FRAMEWORK_STORAGE_CLEAN, "onFirstInit");
        String userLogback = current.getProperty(LOGBACK_CONFIGURATION);
        p.put(LOGBACK_CONFIGURATION, userLogback != null ? userLogback : logbackConfiguration(options).toString());
        java.net.URL template = LaunchSettings.class.getResource(H2_TEMPLATE_RESOURCE);
        if (template != null && current.getProperty(H2_TEMPLATE) == null) {
            p.put(H2_TEMPLATE, template.toString());
        }
        return p;
    }

    public static Path frameworkCache(LaunchOptions options) {
        return options.dataDir().resolve(FRAMEWORK_CACHE_NAME);
    }

    /** The Logback configuration used when the user set none: {@code <data-dir>/logback.xml} if present, else the default. */
    public static Path logbackConfiguration(LaunchOptions options) {
        Path user = options.dataDir().resolve(USER_LOGBACK_NAME);
        return Files.isRegularFile(user) ? user : options.dataDir().resolve(DEFAULT_LOGBACK_NAME);
    }

    /**
     * Creates the data and deploy directories (FileInstall does not create its folder) and writes the default Logback
     * configuration into the data directory.
     */
    public static void prepareDirectories(LaunchOptions options) throws IOException {
        Files.createDirectories(options.dataDir());
        Files.createDirectories(options.deployDir());
        try (InputStream in = LaunchSettings.class.getResourceAsStream(DEFAULT_LOGBACK_RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("default logback.xml missing from the launcher"));
            }
            Files.copy(in, options.dataDir().resolve(DEFAULT_LOGBACK_NAME), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
