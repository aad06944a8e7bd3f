package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;

class StartLevelReadinessTest {

    private int level;
    private final List<FrameworkListener> frameworkListeners = new ArrayList<>();
    private final List<BundleListener> bundleListeners = new ArrayList<>();
    private final List<Bundle> bundles = new ArrayList<>();
    private final java.util.Set<Long> active = new java.util.HashSet<>();
    private Bundle system;

    // what Felix and bnd's launcher do: the framework's level reads 20 from the moment the launcher
    // asks for it, while core (level 10) activates and before any bundle of level 20 has started
    private final Bundle core = bundle(17, "jar/nl.samenredzaam.core.jar", 10, true, false);
    private final Bundle calendar = bundle(16, "jar/nl.samenredzaam.calendar.jar", 20, true, false);
    private final Bundle wmoIntake = bundle(24, "jar/nl.samenredzaam.wmointake.jar", 20, true, false);

    @Test
    void notReadyUntilEveryShippedModuleHasStarted() {
        level = 20;
        active.add(core.getBundleId());
        StartLevelReadiness readiness = new StartLevelReadiness(context("20"));
        assertFalse(readiness.ready(), "the level says 20 already; no module has started");

        started(calendar);
        fire(FrameworkEvent.STARTED); // a late event of an earlier step: said UP before
        assertFalse(readiness.ready(), "wmo-intake is still starting");

        started(wmoIntake);
        assertTrue(readiness.ready());
    }

    @Test
    void aModuleThatFailedToStartDoesNotHoldItUp() {
        level = 10;
        StartLevelReadiness readiness = new StartLevelReadiness(context("20"));
        level = 20;
        started(calendar);
        assertFalse(readiness.ready());
        frameworkListeners.forEach(l -> l.frameworkEvent(new FrameworkEvent(FrameworkEvent.ERROR, wmoIntake, new RuntimeException("boom"))));
        assertTrue(readiness.ready());
    }

    @Test
    void bundlesNotShippedInTheJarFragmentsAndNeverStartedOnesAreNotWaitedFor() {
        bundle(40, "samenredzaam:upload:hangs", 20, true, false); // core starts uploads on their own threads
        bundle(41, "file:/data/deploy/hangs.jar", 20, true, false); // FileInstall's
        bundle(42, "jar/nl.samenredzaam.logging.binding.jar", 20, true, true); // a fragment never starts
        bundle(43, "jar/org.apache.aries.spifly.jar", 100, true, false); // above the target level
        bundle(44, "jar/stopped.jar", 20, false, false); // not marked to start
        level = 10;
        StartLevelReadiness readiness = new StartLevelReadiness(context("20"));
        level = 20;
        started(calendar);
        started(wmoIntake);
        assertTrue(readiness.ready());
    }

    @Test
    void notReadyBeforeTheFrameworkReachesTheLevel() {
        level = 10;
        StartLevelReadiness readiness = new StartLevelReadiness(context("20"));
        started(calendar);
        started(wmoIntake);
        assertFalse(readiness.ready(), "the framework has not reached level 20: more bundles may come");
        level = 20;
        assertTrue(readiness.ready());
    }

    @Test
    void readyAtOnceWhenCoreRestartsOnARunningPlatform() {
        level = 20;
        active.addAll(List.of(core.getBundleId(), calendar.getBundleId(), wmoIntake.getBundleId()));
        assertTrue(new StartLevelReadiness(context("20")).ready());
    }

    @Test
    void staysReadyWhenTheLevelIsLoweredForShutdown() {
        level = 10;
        StartLevelReadiness readiness = new StartLevelReadiness(context("20"));
        level = 20;
        started(calendar);
        started(wmoIntake);
        assertTrue(readiness.ready());
        level = 10;
        assertTrue(readiness.ready(), "once reached; the shutdown stops Jetty anyway");
    }

    @Test
    void withoutThePropertyThereIsNothingToWaitFor() {
        level = 1;
        assertTrue(new StartLevelReadiness(context(null)).ready());
    }

    @Test
    void aMalformedLevelIsAnError() {
        assertEquals(0, StartLevelReadiness.target(" "));
        assertEquals(20, StartLevelReadiness.target(" 20 "));
        assertThrows(IllegalArgumentException.class, () -> StartLevelReadiness.target("twenty"));
    }

    private void started(Bundle bundle) {
        active.add(bundle.getBundleId());
        BundleEvent event = new BundleEvent(BundleEvent.STARTED, bundle);
        bundleListeners.forEach(l -> l.bundleChanged(event));
    }

    private void fire(int type) {
        FrameworkEvent event = new FrameworkEvent(type, system, null);
        frameworkListeners.forEach(l -> l.frameworkEvent(event));
    }

    private Bundle bundle(long id, String location, int startLevel, boolean persistentlyStarted, boolean fragment) {
        BundleStartLevel own = proxy(BundleStartLevel.class, Map.of("getStartLevel", () -> startLevel,
                "isPersistentlyStarted", () -> persistentlyStarted));
        BundleRevision revision = proxy(BundleRevision.class, Map.of("getTypes", () -> fragment ? BundleRevision.TYPE_FRAGMENT : 0));
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBundleId" -> id;
                    case "getLocation" -> location;
                    case "getState" -> active.contains(id) ? Bundle.ACTIVE : Bundle.RESOLVED;
                    case "adapt" -> a[0] == BundleStartLevel.class ? own : a[0] == BundleRevision.class ? revision : null;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> p == a[0];
                    case "toString" -> location;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        bundles.add(bundle);
        return bundle;
    }

    private BundleContext context(String readyLevel) {
        FrameworkStartLevel startLevel = proxy(FrameworkStartLevel.class, Map.of("getStartLevel", () -> level));
        system = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "adapt" -> startLevel;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBundle" -> a == null ? core : system;
                    case "getBundles" -> bundles.toArray(Bundle[]::new);
                    case "getProperty" -> StartLevelReadiness.PROPERTY.equals(a[0]) ? readyLevel : null;
                    case "addFrameworkListener" -> frameworkListeners.add((FrameworkListener) a[0]);
                    case "removeFrameworkListener" -> frameworkListeners.remove(a[0]);
                    case "addBundleListener" -> bundleListeners.add((BundleListener) a[0]);
                    case "removeBundleListener" -> bundleListeners.remove(a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Supplier<Object>> answers) {
        return (T) Proxy.newProxyInstance(StartLevelReadinessTest.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            Supplier<Object> answer = answers.get(m.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(m.getName());
            }
            return answer.get();
        });
    }
}
