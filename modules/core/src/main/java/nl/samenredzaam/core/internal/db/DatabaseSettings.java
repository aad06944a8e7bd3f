package nl.samenredzaam.core.internal.db;

import java.nio.file.Path;
import java.util.function.Function;

import nl.samenredzaam.api.data.Sql.Dialect;

/**
 * Where the database is. PostgreSQL when {@code SAMENREDZAAM_DB_URL} (or the framework property
 * {@code samenredzaam.db.url}) is set; otherwise an H2 file database under the data directory.
 *
 * <p>H2 runs with {@code WRITE_DELAY=0}: every commit is written to the file before the call
 * returns, so a killed process loses no acknowledged write. H2 does not fsync each commit; a power
 * failure can lose the last commits (see docs/operations.md). Use PostgreSQL where that matters.
 */
public record DatabaseSettings(String url, String user, String password, Dialect dialect, int poolSize) {

    static DatabaseSettings from(Function<String, String> property) {
        String url = firstNonBlank(property.apply("samenredzaam.db.url"), System.getenv("SAMENREDZAAM_DB_URL"));
        int pool = Integer.parseInt(firstNonBlank(property.apply("samenredzaam.db.pool"),
                System.getenv("SAMENREDZAAM_DB_POOL"), "10"));
        if (url != null) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException("SAMENREDZAAM_DB_URL must be a jdbc:postgresql: URL");
            }
            return new DatabaseSettings(url,
                    firstNonBlank(property.apply("samenredzaam.db.user"), System.getenv("SAMENREDZAAM_DB_USER")),
                    firstNonBlank(property.apply("samenredzaam.db.password"), System.getenv("SAMENREDZAAM_DB_PASSWORD")),
                    Dialect.POSTGRESQL, pool);
        }
        return h2(h2File(property), pool);
    }

    /** The H2 database file, without H2's {@code .mv.db} extension: {@code <data dir>/samenredzaam}. */
    static Path h2File(Function<String, String> property) {
        Path dataDir = Path.of(firstNonBlank(property.apply("samenredzaam.data.dir"), "data")).toAbsolutePath();
        return dataDir.resolve("samenredzaam");
    }

    /** The H2 URL for a database file (without extension); public so that test support uses the very same settings. */
    public static String h2Url(Path file) {
        // "async:" (AsynchronousFileChannel): a thread interrupted during a write (a request
        // cancelled, a bundle stopping) does not close the database file as FileChannel would.
        return "jdbc:h2:async:" + file + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
    }

    static DatabaseSettings h2(Path file, int pool) {
        return new DatabaseSettings(h2Url(file), "sa", "", Dialect.H2, pool);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        // never the password
        return dialect + " " + url.replaceAll("password=[^&;]*", "password=***");
    }
}
