package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.startlevel.FrameworkStartLevel;

class StartLevelReadinessTest {

    private int level;
    private final List<FrameworkListener> listeners = new ArrayList<>();

    @Test
    void notReadyWhileTheModulesLevelIsBeingReached() {
        level = 10;
        StartLevelReadiness readiness = new StartLevelReadiness(context("20"));
        assertFalse(readiness.ready());

        level = 20; // Felix has started the first bundles of level 20: no event yet
        assertFalse(readiness.ready(), "only the framework's event says that every bundle of the level has started");

        fire(FrameworkEvent.STARTLEVEL_CHANGED);
        assertTrue(readiness.ready());
    }

    @Test
    void aLowerLevelEventDoesNotCount() {
        level = 5;
        StartLevelReadiness readiness = new StartLevelReadiness(context("20"));
        level = 10;
        fire(FrameworkEvent.STARTLEVEL_CHANGED);
        assertFalse(readiness.ready());
    }

    @Test
    void readyAtOnceWhenCoreRestartsOnARunningPlatform() {
        level = 20;
        assertTrue(new StartLevelReadiness(context("20")).ready());
    }

    @Test
    void staysReadyWhenTheLevelIsLoweredForShutdown() {
        level = 20;
        StartLevelReadiness readiness = new StartLevelReadiness(context("20"));
        level = 10;
        fire(FrameworkEvent.STARTLEVEL_CHANGED);
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

    private Bundle system;

    private void fire(int type) {
        FrameworkEvent event = new FrameworkEvent(type, system, null);
        listeners.forEach(l -> l.frameworkEvent(event));
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
                    case "getBundle" -> system;
                    case "getProperty" -> StartLevelReadiness.PROPERTY.equals(a[0]) ? readyLevel : null;
                    case "addFrameworkListener" -> listeners.add((FrameworkListener) a[0]);
                    case "removeFrameworkListener" -> listeners.remove(a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, java.util.function.Supplier<Object>> answers) {
        return (T) Proxy.newProxyInstance(StartLevelReadinessTest.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            java.util.function.Supplier<Object> answer = answers.get(m.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(m.getName());
            }
            return answer.get();
        });
    }
}
