package nl.samenredzaam.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar samenredzaam.jar}: reads the command line, prepares the data directory, sets the system properties
 * the bundles read, and hands over to bnd's embedded launcher, which starts Felix with the bundles packed in the jar.
 * A plain {@code java -jar} does that in a second JVM with start-up settings a jar cannot carry, and waits for it
 * ({@link TunedJvm}).
 * <p>
 * The runtime module copies this package into the jar that bnd exports and makes this class its {@code Main-Class}
 * (see runtime/pom.xml). Nothing here may use OSGi or any bundle: only the JDK is on the class path at this point.
 */
public final class Main {

    /** Exit code for a command line the launcher cannot use. */
    public static final int EXIT_USAGE = 2;
    /** Exit code when the data directory cannot be prepared. */
    public static final int EXIT_ENVIRONMENT = 1;

    static final String BND_LAUNCHER = "aQute.launcher.pre.EmbeddedLauncher";

    private Main() {
    }

    public static void main(String[] args) throws Throwable {
        String childOf = System.getProperty(TunedJvm.CHILD_OF);
        int status = prepare(args, System.out, System.err, childOf == null);
        if (status >= 0) {
            System.exit(status);
        }
        if (childOf != null) {
            TunedJvm.watchParent(Long.parseLong(childOf), System.err);
        } else {
            Optional<List<String>> tuned = TunedJvm.command(Path.of(System.getProperty("java.home")), ownJar(),
                    ManagementFactory.getRuntimeMXBean().getInputArguments(), System.getenv(),
                    System.getProperties(), ProcessHandle.current().pid(), args);
            if (tuned.isPresent()) {
                System.exit(TunedJvm.run(tuned.get(), System.err));
            }
        }
        quietJavaUtilLogging();
        preinitialise();
        launch(args);
    }

    /**
     * Warms up, on the second core, a part of the JDK that a bundle would otherwise initialise on the
     * framework's single start-level thread, while this thread installs the bundles (the same idea as
     * Spring Boot's BackgroundPreinitializer). Jetty's {@code MimeTypes} calls
     * {@code Locale.getAvailableLocales()}, which reads every locale the JDK knows: 0.1-0.2 s of the
     * start-level thread in the start-up profile (docs/performance.md). Purely a head start: nothing
     * waits for it, and the result is the JDK's own cache.
     */
    static Thread preinitialise() {
        Thread thread = new Thread(java.util.Locale::getAvailableLocales, "samenredzaam-preinit");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Everything before the framework starts.
     *
     * @return an exit code to stop with, or -1 to go on and start the framework
     */
    static int prepare(String[] args, PrintStream out, PrintStream err) {
        return prepare(args, out, err, true);
    }

    /**
     * @param announce whether to print the "starting on" line (the JVM that {@code java -jar} started already did,
     *                 when this one runs the platform for it: {@link TunedJvm})
     */
    static int prepare(String[] args, PrintStream out, PrintStream err, boolean announce) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (UsageException e) {
            err.println(e.getMessage());
            err.println("Zie --help voor de opties. / See --help for the options.");
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.print(Usage.TEXT);
            return 0;
        }
        try {
            LaunchSettings.prepareDirectories(options);
        } catch (IOException | RuntimeException e) {
            err.println("Kan de gegevensmap niet voorbereiden / Cannot prepare the data directory "
                    + options.dataDir() + ": " + e);
            return EXIT_ENVIRONMENT;
        }
        Map<String, String> properties = LaunchSettings.systemProperties(options, System.getProperties());
        String port = properties.get(LaunchSettings.HTTP_PORT);
        if (!portIsFree(port)) {
            err.println("Poort " + port + " is al in gebruik: kies een andere met --port.");
            err.println("Port " + port + " is already in use: choose another one with --port.");
            return EXIT_ENVIRONMENT;
        }
        properties.forEach(System::setProperty);
        if (announce) {
            out.println("Samenredzaam starting on http://localhost:" + properties.get(LaunchSettings.HTTP_PORT)
                    + "/ (data: " + options.dataDir() + ", deploy: " + options.deployDir() + ")");
        }
        return -1;
    }

    /** The jar this class was loaded from, or null when it was not loaded from a file (a class folder is fine). */
    static Path ownJar() {
        try {
            java.security.CodeSource source = Main.class.getProtectionDomain().getCodeSource();
            return source == null ? null : Path.of(source.getLocation().toURI());
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Jetty would log a bind failure and leave a running JVM that serves nothing; say so before starting instead.
     * Binds the wildcard address, as Jetty does.
     */
    static boolean portIsFree(String port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(Integer.parseInt(port)));
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    /**
     * Until the boot activator routes java.util.logging to Logback (once the logging bundles are active), JUL prints to
     * the console itself: keep that to warnings, so the start-up chatter of libraries that log through JUL stays out of
     * the console.
     */
    private static void quietJavaUtilLogging() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    private static void launch(String[] args) throws Throwable {
        try {
            Class.forName(BND_LAUNCHER)
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) args);
        } catch (ClassNotFoundException e) {
            System.err.println("This jar holds no OSGi runtime (" + BND_LAUNCHER + " missing): run the jar that "
                    + "runtime/ builds, runtime/target/samenredzaam.jar.");
            System.exit(EXIT_ENVIRONMENT);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
