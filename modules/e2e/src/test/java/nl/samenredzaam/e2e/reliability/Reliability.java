package nl.samenredzaam.e2e.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/** Shared set-up of the reliability tests: a real PostgreSQL that a test can stop and start, and demo sign-in. */
final class Reliability {

    static final String DEMO_PASSWORD = "lindeholt-demo";
    static final String OPERATOR_PASSWORD = "operator-e2e-secret-2026";

    private Reliability() {
    }

    /** Starts PostgreSQL on this data directory and port, keeping what is already there. */
    static EmbeddedPostgres postgres(Path dataDir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    /**
     * A fresh PostgreSQL with an empty {@code samenredzaam} database in {@code dataDir} (which must not exist yet).
     * The data directory is kept on close (zonky deletes it when "clean" is on), so it can be started again.
     */
    static EmbeddedPostgres freshPostgres(Path dataDir) throws Exception {
        Files.createDirectories(dataDir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start();
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("create database samenredzaam");
        }
        return pg;
    }

    static RunningPlatform.Builder onPostgres(String name, EmbeddedPostgres pg) {
        return RunningPlatform.builder().name(name).demo()
                .env("SAMENREDZAAM_DB_URL", pg.getJdbcUrl("postgres", "samenredzaam"))
                .env("SAMENREDZAAM_DB_USER", "postgres").env("SAMENREDZAAM_DB_PASSWORD", "postgres")
                .env("SAMENREDZAAM_ADMIN_PASSWORD", OPERATOR_PASSWORD);
    }

    /** The demo administrator of Lindeholt with a bearer token, with buurtnieuws switched on. */
    static HttpJson beheerderWithBuurtnieuws(HttpJson http) {
        JsonResponse r = http.post("/api/v1/auth/token", Map.of("username", "beheerder", "password", DEMO_PASSWORD));
        if (r.status() != 200) {
            throw new IllegalStateException("sign-in of beheerder failed: " + r);
        }
        HttpJson beheerder = http.withBearer(r.json().get("token").asText());
        JsonResponse on = beheerder.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", true));
        if (on.status() != 200) {
            throw new IllegalStateException("cannot switch on buurtnieuws: " + on);
        }
        return beheerder;
    }

    static Path target(String name) throws Exception {
        return Files.createDirectories(Path.of("target", "reliability")).resolve(name + "-" + ProcessHandle.current().pid() + "-" + System.nanoTime())
                .toAbsolutePath();
    }
}
