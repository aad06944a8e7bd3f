package nl.samenredzaam.e2e.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * {@code kill -9} during a stream of writes on PostgreSQL: after the restart every write the platform acknowledged
 * (HTTP 201) is there. Two platform starts: before and after the kill.
 */
class CrashDurabilityIT {

    static EmbeddedPostgres postgres;
    static RunningPlatform platform;

    @BeforeAll
    static void start() throws Exception {
        postgres = Reliability.freshPostgres(Reliability.target("crash-pg"));
        platform = Reliability.onPostgres("crash-postgres", postgres).build().start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (platform != null) {
            platform.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKill9OnPostgres() throws Exception {
        CrashDurability.killDuringWritesAndCheck(platform, "PostgreSQL");
    }
}
