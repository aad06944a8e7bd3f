package nl.samenredzaam.launcher;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * The command line of {@code java -jar samenredzaam.jar}, parsed.
 *
 * @param port       the HTTP port ({@code --port}, default 8080)
 * @param dataDir    where the embedded database, uploaded bundles and logs live ({@code --data-dir}, default
 *                   {@code ./data}); absolute and normalised
 * @param deployDir  the folder FileInstall watches for bundles ({@code --deploy-dir}, default
 *                   {@code <data-dir>/deploy}); absolute and normalised
 * @param portGiven  whether {@code --port} was on the command line (otherwise a {@code -Dorg.osgi.service.http.port}
 *                   the user set still counts)
 * @param demo       {@code --demo}: fill a fictional initiative with realistic data
 * @param help       {@code --help}: print the usage and stop
 */
public record LaunchOptions(int port, Path dataDir, Path deployDir, boolean portGiven, boolean demo, boolean help) {

    public static final int DEFAULT_PORT = 8080;
    public static final String DEFAULT_DATA_DIR = "data";
    public static final String DEPLOY_DIR_NAME = "deploy";

    /**
     * Parses the arguments. Options take their value as the next argument or after {@code =}
     * ({@code --port 9000}, {@code --port=9000}).
     *
     * @throws UsageException on an unknown option, a missing or malformed value, or an option given twice
     */
    public static LaunchOptions parse(String... args) throws UsageException {
        Integer port = null;
        String dataDir = null;
        String deployDir = null;
        boolean demo = false;
        boolean help = false;
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String inlineValue = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                inlineValue = arg.substring(eq + 1);
            }
            String key = "-h".equals(name) ? "--help" : name;
            if (!seen.add(key) && isKnown(key)) {
                throw new UsageException(
                        "Optie " + key + " staat er twee keer in.",
                        "Option " + key + " is given twice.");
            }
            switch (key) {
                case "--port" -> {
                    String value = inlineValue != null ? inlineValue : next(args, ++i, key);
                    port = parsePort(value);
                }
                case "--data-dir" -> dataDir = requireNonBlank(inlineValue != null ? inlineValue : next(args, ++i, key), key);
                case "--deploy-dir" -> deployDir = requireNonBlank(inlineValue != null ? inlineValue : next(args, ++i, key), key);
                case "--demo" -> {
                    noValue(key, inlineValue);
                    demo = true;
                }
                case "--help" -> {
                    noValue(key, inlineValue);
                    help = true;
                }
                default -> throw new UsageException(
                        "Onbekende optie: " + arg,
                        "Unknown option: " + arg);
            }
        }

        Path data = Path.of(dataDir != null ? dataDir : DEFAULT_DATA_DIR).toAbsolutePath().normalize();
        Path deploy = deployDir != null
                ? Path.of(deployDir).toAbsolutePath().normalize()
                : data.resolve(DEPLOY_DIR_NAME);
        return new LaunchOptions(port != null ? port : DEFAULT_PORT, data, deploy, port != null, demo, help);
    }

    private static boolean isKnown(String key) {
        return switch (key) {
            case "--port", "--data-dir", "--deploy-dir", "--demo", "--help" -> true;
            default -> false;
        };
    }

    private static String next(String[] args, int i, String option) throws UsageException {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(
                    "Optie " + option + " verwacht een waarde.",
                    "Option " + option + " expects a value.");
        }
        return args[i];
    }

    private static void noValue(String option, String inlineValue) throws UsageException {
        if (inlineValue != null) {
            throw new UsageException(
                    "Optie " + option + " heeft geen waarde.",
                    "Option " + option + " takes no value.");
        }
    }

    private static String requireNonBlank(String value, String option) throws UsageException {
        if (value.isBlank()) {
            throw new UsageException(
                    "Optie " + option + " verwacht een map, geen lege waarde.",
                    "Option " + option + " expects a directory, not an empty value.");
        }
        return value;
    }

    private static int parsePort(String value) throws UsageException {
        int port;
        try {
            port = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 1 || port > 65535) {
            throw new UsageException(
                    "--port verwacht een poortnummer van 1 tot en met 65535, niet '" + value + "'.",
                    "--port expects a port number from 1 to 65535, not '" + value + "'.");
        }
        return port;
    }
}
