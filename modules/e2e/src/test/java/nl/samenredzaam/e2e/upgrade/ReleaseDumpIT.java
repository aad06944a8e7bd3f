package nl.samenredzaam.e2e.upgrade;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Makes the dumps of a release for {@link UpgradeFromReleaseIT}; runs only when asked, once per
 * release, with the release's own platform jar:
 *
 * <pre>
 * mvn -B -f modules/e2e/pom.xml verify -Dit.test=ReleaseDumpIT -Dsamenredzaam.release.version=0.2.0 \
 *     -Dsamenredzaam.jar=/path/to/samenredzaam-0.2.0.jar \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 *
 * For H2 and for PostgreSQL (embedded, version 14) it starts that jar with {@code --demo}, adds a
 * few rows the demo does not make (an API token, a notice, an audit entry), stops it and writes
 * {@code src/test/resources/nl/samenredzaam/e2e/upgrade/<version>/h2.sql} (H2's {@code SCRIPT})
 * and {@code postgresql.sql} ({@code pg_dump}, which must be on the PATH), and adds the version to
 * {@code releases.txt}. Commit the three files.
 */
@EnabledIfSystemProperty(named = "samenredzaam.release.version", matches = "\\d+\\.\\d+\\.\\d+.*")
class ReleaseDumpIT {

    static final String DEMO_PASSWORD = "lindeholt-demo";

    @Test
    void writeTheDumpsOfThisRelease() throws Exception {
        String version = System.getProperty("samenredzaam.release.version");
        Path resources = Path.of("src", "test", "resources").resolve(Dumps.RESOURCES);
        Path out = Files.createDirectories(resources.resolve(version));
        Path work = Files.createDirectories(Path.of("target", "release-dump")).resolve(version + "-" + System.nanoTime())
                .toAbsolutePath();

        // H2
        Path h2Data = Files.createDirectories(work.resolve("h2"));
        RunningPlatform h2 = RunningPlatform.builder().name("release-dump-h2").demo().dataDir(h2Data).build().start();
        try {
            touch(h2.http());
        } finally {
            h2.stop();
        }
        Dumps.dumpH2(h2Data, out.resolve("h2.sql"));

        // PostgreSQL
        Path pgData = Files.createDirectories(work.resolve("pg"));
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(pgData).setCleanDataDirectory(true).start()) {
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create database samenredzaam");
            }
            RunningPlatform onPg = RunningPlatform.builder().name("release-dump-pg").demo()
                    .dataDir(Files.createDirectories(work.resolve("pg-platform")))
                    .env("SAMENREDZAAM_DB_URL", pg.getJdbcUrl("postgres", "samenredzaam"))
                    .env("SAMENREDZAAM_DB_USER", "postgres").env("SAMENREDZAAM_DB_PASSWORD", "postgres").build().start();
            try {
                touch(onPg.http());
            } finally {
                onPg.stop();
            }
            Dumps.dumpPostgres("localhost", pg.getPort(), "samenredzaam", out.resolve("postgresql.sql"));
        }

        Path releases = resources.resolve("releases.txt");
        if (!Files.exists(releases) || Files.readAllLines(releases).stream().map(String::strip).noneMatch(version::equals)) {
            Files.writeString(releases, version + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
    }

    /** A few rows the demo data does not make: a token, a notice, audit entries. Best effort: an older API may differ. */
    private static void touch(HttpJson http) {
        JsonResponse token = http.post("/api/v1/auth/token", Map.of("username", "beheerder", "password", DEMO_PASSWORD));
        if (token.status() != 200) {
            return;
        }
        HttpJson beheerder = http.withBearer(token.json().get("token").asText());
        beheerder.put("/api/v1/lindeholt/modules/buurtnieuws", Map.of("enabled", true));
        beheerder.post("/api/v1/lindeholt/buurtnieuws/items", Map.of("title", "Snoeiavond bij de Linde",
                "body", "Donderdag snoeien we samen de fruitbomen. Neem handschoenen mee."));
        for (String path : new String[] {"/api/v1/lindeholt/referral/referrals/1", "/api/v1/lindeholt/volunteering/requests/1",
            "/api/v1/lindeholt/wmo-intake/files/1"}) {
            beheerder.get(path);
        }
    }
}
