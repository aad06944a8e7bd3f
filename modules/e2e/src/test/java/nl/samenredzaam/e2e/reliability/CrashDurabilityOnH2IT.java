package nl.samenredzaam.e2e.reliability;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.RunningPlatform;

/**
 * {@code kill -9} during a stream of writes on the embedded H2 database (the default without
 * {@code SAMENREDZAAM_DB_URL}): after the restart every write the platform acknowledged is there. Two platform
 * starts: before and after the kill.
 */
class CrashDurabilityOnH2IT {

    static RunningPlatform platform;

    @BeforeAll
    static void start() {
        platform = RunningPlatform.builder().name("crash-h2").demo()
                .env("SAMENREDZAAM_ADMIN_PASSWORD", Reliability.OPERATOR_PASSWORD).build().start();
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKill9OnH2() throws Exception {
        CrashDurability.killDuringWritesAndCheck(platform, "H2");
    }
}
