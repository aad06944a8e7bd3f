package nl.samenredzaam.e2e.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Upgrade safety (issue 11): a database made by an earlier release, with the Lindeholt demo data,
 * is taken over by the current platform jar, on H2 and on PostgreSQL. For each release in
 * {@code src/test/resources/nl/samenredzaam/e2e/upgrade/releases.txt} the test loads that release's
 * dump into a fresh database and starts the current jar on it (no {@code --demo}); then
 *
 * <ul>
 * <li>every module that was on for Lindeholt is active and still on, and no migration failed (an
 * edited released changeset fails Liquibase's checksum validation, so its module does not start);</li>
 * <li>every notice, activity, help request, Wmo file and referral of the dump is readable through
 * the API, with the stored title, description or name;</li>
 * <li>after the platform stopped, every row of every table of the dump is still there with the
 * same values in the columns it had (new columns and new rows are fine; a column that was empty
 * may have been filled, as the reminder jobs do), including the Liquibase history of the released
 * changesets, so a migration that drops or rewrites data fails the test. Tables the platform
 * itself rewrites as it runs (sessions, tokens, jobs, outboxes, migration state, locks) are left
 * out.</li>
 * </ul>
 *
 * How to add the dumps of a new release: {@link ReleaseDumpIT} and docs/reliability.md.
 */
class UpgradeFromReleaseIT {

    static final String DEMO_PASSWORD = "lindeholt-demo";
    static final String SLUG = "lindeholt";
    /** Rewritten by the running platform by design; their rows may change or go. */
    static final Set<String> VOLATILE_TABLES = Set.of("databasechangeloglock", "platform_migration_state", "platform_job_run",
            "platform_mail_outbox", "platform_bundle", "identity_session", "identity_token", "calendar_event_outbox");

    static Stream<Arguments> releases() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (String release : Dumps.releases()) {
            out.add(Arguments.of(release, "H2"));
            out.add(Arguments.of(release, "PostgreSQL"));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("releases")
    void aDatabaseOfAnEarlierReleaseMigratesWithItsDataIntact(String release, String database) throws Exception {
        Path work = Files.createDirectories(Path.of("target", "upgrade")).resolve(release + "-" + database + "-" + System.nanoTime())
                .toAbsolutePath();
        Path dataDir = Files.createDirectories(work.resolve("data"));
        if (database.equals("H2")) {
            Dumps.loadH2(dataDir, Dumps.resource(release, "h2.sql"));
            Map<String, Dumps.Table> before;
            try (Connection c = DriverManager.getConnection(Dumps.h2Url(dataDir), "sa", "")) {
                before = Dumps.read(c);
            }
            RunningPlatform platform = RunningPlatform.builder().name("upgrade-" + release + "-h2").dataDir(dataDir).build().start();
            try {
                checkThroughTheApi(platform, before);
            } finally {
                platform.stop();
            }
            try (Connection c = DriverManager.getConnection(Dumps.h2Url(dataDir), "sa", "")) {
                compare(before, Dumps.read(c));
            }
        } else {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(Files.createDirectories(work.resolve("pg")))
                    .setCleanDataDirectory(true).start()) {
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("create database samenredzaam");
                }
                Map<String, Dumps.Table> before;
                try (Connection c = pg.getDatabase("postgres", "samenredzaam").getConnection()) {
                    Dumps.loadPostgres(c, Dumps.resource(release, "postgresql.sql"));
                    before = Dumps.read(c);
                }
                RunningPlatform platform = RunningPlatform.builder().name("upgrade-" + release + "-pg").dataDir(dataDir)
                        .env("SAMENREDZAAM_DB_URL", pg.getJdbcUrl("postgres", "samenredzaam"))
                        .env("SAMENREDZAAM_DB_USER", "postgres").env("SAMENREDZAAM_DB_PASSWORD", "postgres").build().start();
                try {
                    checkThroughTheApi(platform, before);
                } finally {
                    platform.stop();
                }
                try (Connection c = pg.getDatabase("postgres", "samenredzaam").getConnection()) {
                    compare(before, Dumps.read(c));
                }
            }
        }
    }

    /** The modules are on and their data reads back through the API, as the people who may see it. */
    private static void checkThroughTheApi(RunningPlatform platform, Map<String, Dumps.Table> before) {
        String log = platform.log();
        assertFalse(log.contains("Migration of"), () -> "a migration failed:\n" + String.join("\n", log.lines()
                .filter(l -> l.contains("Migration of") || l.contains(" was: ") || l.contains("Validation Failed")).distinct()
                .limit(20).toList()));
        HttpJson http = platform.http();
        HttpJson beheerder = signIn(http, "beheerder");

        JsonResponse modules = beheerder.get("/api/v1/" + SLUG + "/modules");
        assertEquals(200, modules.status(), modules.toString());
        long initiative = Long.parseLong(before.get("platform_initiative").rows().values().stream()
                .filter(r -> SLUG.equals(r.get("slug"))).findFirst().orElseThrow().get("id"));
        for (Map<String, String> sw : before.get("platform_module_switch").rows().values()) {
            if (Long.parseLong(sw.get("initiative_id")) != initiative || !isTrue(sw.get("enabled"))) {
                continue;
            }
            String id = sw.get("module_id");
            JsonNode m = find(modules.json(), id);
            assertTrue(m != null, "module " + id + " is gone: " + modules.body());
            assertEquals("ACTIVE", m.path("state").asText(), id + ": " + m + "\n" + platform.logTail(80));
            assertTrue(m.path("enabled").asBoolean(), id + " is no longer on: " + m);
        }

        List<HttpJson> people = List.of(beheerder, signIn(http, "coordinator"), signIn(http, "professional"));
        readable(people, before, "buurtnieuws_item", "/buurtnieuws/items/", "title", "title");
        readable(people, before, "calendar_activity", "/calendar/activities/", "title", "title");
        readable(people, before, "volunteering_request", "/volunteering/requests/", "description", "description");
        readable(people, before, "wmo_intake_file", "/wmo-intake/files/", "id", "id");
        readable(people, before, "referral_referral", "/referral/referrals/", "patient_name", "patientName");
    }

    /** Every row of a module's main table answers 200 for one of the people, with the stored value. */
    private static void readable(List<HttpJson> people, Map<String, Dumps.Table> before, String table, String path, String column,
            String field) {
        Dumps.Table t = before.get(table);
        if (t == null) {
            return; // the release did not have this module
        }
        for (Map<String, String> row : t.rows().values()) {
            if (!row.containsKey("initiative_id")) {
                continue;
            }
            String url = "/api/v1/" + SLUG + path + row.get("id");
            JsonResponse found = null;
            List<String> answers = new ArrayList<>();
            for (HttpJson person : people) {
                JsonResponse r = person.get(url);
                answers.add(Integer.toString(r.status()));
                if (r.status() == 200) {
                    found = r;
                    break;
                }
            }
            assertTrue(found != null, url + " is not readable after the upgrade: " + answers);
            String stored = row.get(column);
            JsonNode value = found.json().path(field);
            assertEquals(stored, value.isNumber() ? value.asText() : value.asText(null), url + " " + field);
        }
        assertTrue(t.rows().size() > 0, "the dump has rows in " + table);
    }

    /** Every row of the dump is still there, with the same values in the columns it had. */
    private static void compare(Map<String, Dumps.Table> before, Map<String, Dumps.Table> after) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Dumps.Table> e : before.entrySet()) {
            String table = e.getKey();
            if (VOLATILE_TABLES.contains(table)) {
                continue;
            }
            Dumps.Table now = after.get(table);
            if (now == null) {
                problems.add("table " + table + " was dropped");
                continue;
            }
            for (Map.Entry<String, Map<String, String>> row : e.getValue().rows().entrySet()) {
                Map<String, String> was = row.getValue();
                Map<String, String> is = e.getValue().key().isEmpty() ? was : now.rows().get(row.getKey());
                if (e.getValue().key().isEmpty() ? !now.rows().containsKey(row.getKey()) : is == null) {
                    problems.add(table + " lost row " + row.getKey());
                    continue;
                }
                for (Map.Entry<String, String> col : was.entrySet()) {
                    if (!is.containsKey(col.getKey())) {
                        problems.add(table + "." + col.getKey() + " was dropped");
                    } else if (col.getValue() != null && !col.getValue().equals(is.get(col.getKey()))) {
                        // a stored value must stay; an empty one may be filled (the platform's jobs record
                        // reminders they send, e.g. referral_follow_up.reminded_at; a migration may backfill)
                        problems.add(table + " row " + row.getKey() + " column " + col.getKey() + ": " + col.getValue() + " -> "
                                + is.get(col.getKey()));
                    }
                }
            }
        }
        assertEquals(List.of(), problems.stream().distinct().limit(50).toList(), "data changed by the upgrade");
    }

    private static HttpJson signIn(HttpJson http, String username) {
        JsonResponse r = http.post("/api/v1/auth/token", Map.of("username", username, "password", DEMO_PASSWORD));
        assertEquals(200, r.status(), "sign-in of " + username + " with the password stored by the earlier release: " + r);
        return http.withBearer(r.json().get("token").asText());
    }

    private static JsonNode find(JsonNode list, String id) {
        for (JsonNode m : list) {
            if (id.equals(m.path("id").asText())) {
                return m;
            }
        }
        return null;
    }

    private static boolean isTrue(String v) {
        return v != null && (v.equalsIgnoreCase("true") || v.equals("t") || v.equals("1"));
    }
}
