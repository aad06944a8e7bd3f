package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;

class StartLevelReadinessTest {

    private final FakeFramework felix = new FakeFramework();
    private final BundleHealth health = new BundleHealth();

    // what Felix and bnd's launcher do: the framework's level reads 20 from the moment the launcher
    // asks for it, while core (level 10) activates and before any bundle of level 20 has started
    private final Bundle core = bundle(17, "jar/nl.samenredzaam.core.jar", 10, true, false);
    private final Bundle calendar = bundle(16, "jar/nl.samenredzaam.calendar.jar", 20, true, false);
    private final Bundle wmoIntake = bundle(24, "jar/nl.samenredzaam.wmointake.jar", 20, true, false);

    {
        felix.own(core);
    }

    @Test
    void notReadyUntilEveryShippedModuleHasStarted() {
        felix.level = 20;
        felix.states.put(core.getBundleId(), Bundle.ACTIVE);
        StartLevelReadiness readiness = readiness("20");
        assertFalse(readiness.ready(), "the level says 20 already; no module has started");

        starts(calendar);
        felix.fire(FrameworkEvent.STARTED, null, null); // a late event of an earlier step: said UP before
        assertFalse(readiness.ready(), "wmo-intake is still starting");

        starts(wmoIntake);
        assertFalse(readiness.ready(), "wmo-intake sent STARTED, but its start has not returned yet");
        felix.fire(FrameworkEvent.STARTLEVEL_CHANGED, null, null); // the framework: the raise is over
        assertTrue(readiness.ready());
    }

    @Test
    void aStartedModuleCountsOnceTheThreadHasMovedOnToTheNext() {
        felix.level = 20;
        StartLevelReadiness readiness = readiness("20");
        starts(calendar);
        // Felix called this listener before Declarative Services' for calendar: its components are not
        // active yet, and the demo loader has not heard of it
        assertFalse(readiness.ready());
        starts(wmoIntake); // on the same thread: calendar's start has returned
        assertFalse(readiness.ready(), "wmo-intake's own start has not returned");
        starts(bundle(30, "jar/nl.samenredzaam.zzz.jar", 20, true, false));
        felix.fire(FrameworkEvent.STARTLEVEL_CHANGED, null, null);
        assertTrue(readiness.ready());
    }

    @Test
    void aModuleThatFailedToStartDoesNotHoldItUp() {
        felix.level = 10;
        StartLevelReadiness readiness = readiness("20");
        felix.level = 20;
        starts(calendar);
        assertFalse(readiness.ready());
        felix.fire(FrameworkEvent.ERROR, wmoIntake, new RuntimeException("boom"));
        felix.fire(FrameworkEvent.STARTLEVEL_CHANGED, null, null);
        assertTrue(readiness.ready());
    }

    @Test
    void aModuleHangingInItsActivationDoesNotHoldItUpOnceMarkedStuck() {
        felix.level = 20;
        StartLevelReadiness readiness = readiness("20");
        starts(calendar);
        felix.fire(new BundleEvent(BundleEvent.STARTING, wmoIntake)); // and never returns
        assertFalse(readiness.ready(), "wmo-intake hangs in its activation; the time-out has not passed");
        health.stuck(wmoIntake.getBundleId(), "Start duurde langer dan 20 s"); // what StartLevelWatchdog does
        assertTrue(readiness.ready(), "no STARTLEVEL_CHANGED ever comes: the watchdog's take-over counts");
    }

    @Test
    void bundlesNotShippedInTheJarFragmentsAndNeverStartedOnesAreNotWaitedFor() {
        bundle(40, "samenredzaam:upload:hangs", 20, true, false); // core starts uploads on their own threads
        bundle(41, "file:/data/deploy/hangs.jar", 20, true, false); // FileInstall's
        bundle(42, "jar/nl.samenredzaam.logging.binding.jar", 20, true, true); // a fragment never starts
        bundle(43, "jar/org.apache.aries.spifly.jar", 100, true, false); // above the target level
        bundle(44, "jar/stopped.jar", 20, false, false); // not marked to start
        felix.level = 10;
        StartLevelReadiness readiness = readiness("20");
        felix.level = 20;
        bothModulesStartAndTheRaiseEnds();
        assertTrue(readiness.ready());
    }

    @Test
    void notReadyBeforeTheFrameworkReachesTheLevel() {
        felix.level = 10;
        StartLevelReadiness readiness = readiness("20");
        bothModulesStartAndTheRaiseEnds();
        assertFalse(readiness.ready(), "the framework has not reached level 20: more bundles may come");
        felix.level = 20;
        assertTrue(readiness.ready());
    }

    @Test
    void readyAtOnceWhenCoreRestartsOnARunningPlatform() {
        felix.level = 20;
        for (Bundle b : List.of(core, calendar, wmoIntake)) {
            felix.states.put(b.getBundleId(), Bundle.ACTIVE);
        }
        assertTrue(readiness("20").ready());
    }

    @Test
    void staysReadyWhenTheLevelIsLoweredForShutdown() {
        felix.level = 10;
        StartLevelReadiness readiness = readiness("20");
        felix.level = 20;
        bothModulesStartAndTheRaiseEnds();
        assertTrue(readiness.ready());
        felix.level = 10;
        assertTrue(readiness.ready(), "once reached; the shutdown stops Jetty anyway");
    }

    @Test
    void withoutThePropertyThereIsNothingToWaitFor() {
        felix.level = 1;
        assertTrue(readiness(null).ready());
    }

    @Test
    void aMalformedLevelIsAnError() {
        assertEquals(0, StartLevelReadiness.target(" "));
        assertEquals(20, StartLevelReadiness.target(" 20 "));
        assertThrows(IllegalArgumentException.class, () -> StartLevelReadiness.target("twenty"));
    }

    /** The rest of a normal start: calendar, then wmo-intake, then the framework's end of the raise. */
    private void bothModulesStartAndTheRaiseEnds() {
        starts(calendar);
        starts(wmoIntake);
        felix.fire(FrameworkEvent.STARTLEVEL_CHANGED, null, null);
    }

    /** What Felix does on the thread that starts a bundle: STARTING, the activator, STARTED. */
    private void starts(Bundle bundle) {
        felix.fire(new BundleEvent(BundleEvent.STARTING, bundle));
        felix.started(bundle);
    }

    private StartLevelReadiness readiness(String readyLevel) {
        felix.properties.put(StartLevelReadiness.PROPERTY, readyLevel);
        BundleContext context = felix.context();
        return new StartLevelReadiness(context, health);
    }

    private Bundle bundle(long id, String location, int startLevel, boolean persistentlyStarted, boolean fragment) {
        return felix.bundle(id, location, location, startLevel, persistentlyStarted, fragment, Bundle.RESOLVED);
    }
}
