package nl.samenredzaam.e2e.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.testing.PlatformJar;

/**
 * The backup and restore procedure of docs/operations.md, run by {@code runtime/scripts/backup-restore-test.sh}:
 * demo data, back up, wipe, restore, start without {@code --demo}, and the same data through the API.
 */
class BackupRestoreIT {

    static final Path JAR = PlatformJar.locate();
    static final Path SCRIPT = JAR.getParent().getParent().resolve("scripts/backup-restore-test.sh");

    @Test
    void h2BackupIsRestoredIntoAnEmptyDataDirectory() throws Exception {
        Result result = run(Map.of(), "h2");
        assertEquals(0, result.exit, result.output);
        assertTrue(result.output.contains("backup-restore h2: OK"), result.output);
    }

    @Test
    void postgresqlDumpTakenOnlineIsRestoredIntoAFreshDatabase() throws Exception {
        assumeTrue(onPath("pg_dump") && onPath("pg_restore") && onPath("psql"),
                "pg_dump, pg_restore and psql are needed (apt-get install -y postgresql-client)");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database samenredzaam_backup_test");
            }
            Result result = run(Map.of("PGHOST", "localhost", "PGPORT", Integer.toString(postgres.getPort()),
                    "PGUSER", "postgres", "PGPASSWORD", "postgres", "PGDATABASE", "samenredzaam_backup_test"),
                    "postgresql");
            assertEquals(0, result.exit, result.output);
            assertTrue(result.output.contains("backup-restore postgresql: OK"), result.output);
        }
    }

    record Result(int exit, String output) {
    }

    static Result run(Map<String, String> env, String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "-j", JAR.toString(), mode));
        Path log = Files.createTempFile(Files.createDirectories(Path.of("target")), "backup-restore-" + mode, ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SAMENREDZAAM_") || k.startsWith("PG"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroy();
            p.waitFor(30, TimeUnit.SECONDS);
            p.destroyForcibly();
            return new Result(-1, "timed out\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
