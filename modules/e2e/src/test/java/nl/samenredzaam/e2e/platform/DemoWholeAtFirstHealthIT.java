package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.samenredzaam.testing.RunningPlatform;

/**
 * With {@code --demo}, the first {@code /health} 200 means the demo is whole: every module's demo data is in.
 * Two races once let the 200 come first for the last module to start (wmo-intake): the readiness heard its
 * STARTED before Declarative Services had activated its components, and the demo loader looked while its
 * bundle was still STARTING, or before its demo contributor was bound, and never looked again (1 start in 8 by
 * hand). Each start here is a fresh data directory; the log is read as soon as the test support has seen the 200
 * (a module's "added" line is written before the demo counts as done), so a late module shows up unless its data
 * arrives within the support's poll interval.
 */
class DemoWholeAtFirstHealthIT {

    static final List<String> MODULES = List.of("buurtnieuws", "calendar", "referral", "volunteering", "wmo-intake");

    @Test
    void everyModulesDemoDataIsInAtTheFirst200(@TempDir Path dir) {
        for (int start = 1; start <= 3; start++) {
            RunningPlatform platform = RunningPlatform.builder().name("demo-whole-" + start).demo()
                    .dataDir(dir.resolve("data-" + start)).build();
            try {
                String log = platform.start().log();
                for (String module : MODULES) {
                    assertTrue(log.contains("Demo data of module '" + module + "' added"),
                            "start " + start + ": " + module + "'s demo data missing at the first 200:\n" + platform.logTail(40));
                }
                assertTrue(log.contains("Demo initiative ready at /lindeholt/"), log);
            } finally {
                platform.stop();
            }
        }
    }
}
