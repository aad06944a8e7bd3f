package nl.samenredzaam.core.internal.bundle;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.Version;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Just enough of Felix for the tests of the start-up watchers: bundles with a state, a start level and
 * a location, the framework's start level, a context property, and the listeners registered on the
 * context (events are delivered by the test).
 */
final class FakeFramework {

    /** The framework's current start level, as {@code FrameworkStartLevel.getStartLevel()} reports it. */
    int level;
    /** What {@code getProperty} answers, by name. */
    final Map<String, String> properties = new HashMap<>();
    final Map<Long, Integer> states = new HashMap<>();
    final List<Bundle> bundles = new ArrayList<>();
    private final List<FrameworkListener> frameworkListeners = new ArrayList<>();
    private final List<BundleListener> bundleListeners = new ArrayList<>();
    private final Bundle system;
    /** The bundle whose context this is (core); set by {@link #own(Bundle)}. */
    private Bundle own;

    FakeFramework() {
        FrameworkStartLevel startLevel = proxy(FrameworkStartLevel.class, Map.of("getStartLevel", () -> level));
        system = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "adapt" -> a[0] == FrameworkStartLevel.class ? startLevel : null;
                    case "getBundleId" -> 0L;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    FakeFramework own(Bundle bundle) {
        this.own = bundle;
        return this;
    }

    /** A bundle installed from {@code location} (bnd's launcher uses {@code jar/<file>}). */
    Bundle bundle(long id, String symbolicName, String location, int startLevel, boolean persistentlyStarted, boolean fragment,
            int state) {
        states.put(id, state);
        BundleStartLevel levels = proxy(BundleStartLevel.class, Map.of("getStartLevel", () -> startLevel,
                "isPersistentlyStarted", () -> persistentlyStarted));
        BundleRevision revision = proxy(BundleRevision.class, Map.of("getTypes", () -> fragment ? BundleRevision.TYPE_FRAGMENT : 0));
        Bundle bundle = (Bundle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "getVersion" -> Version.parseVersion("0.1.0");
                    case "getLocation" -> location;
                    case "getState" -> states.get(id);
                    case "adapt" -> a[0] == BundleStartLevel.class ? levels : a[0] == BundleRevision.class ? revision : null;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> p == a[0];
                    case "toString" -> location;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        bundles.add(bundle);
        return bundle;
    }

    BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBundle" -> a == null ? own : system;
                    case "getBundles" -> bundles.toArray(Bundle[]::new);
                    case "getProperty" -> properties.get((String) a[0]);
                    case "addFrameworkListener" -> frameworkListeners.add((FrameworkListener) a[0]);
                    case "removeFrameworkListener" -> frameworkListeners.remove(a[0]);
                    case "addBundleListener" -> bundleListeners.add((BundleListener) a[0]);
                    case "removeBundleListener" -> bundleListeners.remove(a[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** The bundle has started: state ACTIVE and a STARTED event. */
    void started(Bundle bundle) {
        states.put(bundle.getBundleId(), Bundle.ACTIVE);
        fire(new BundleEvent(BundleEvent.STARTED, bundle));
    }

    void fire(BundleEvent event) {
        List.copyOf(bundleListeners).forEach(l -> l.bundleChanged(event));
    }

    /** A framework event of the system bundle, or of {@code bundle} (ERROR names the bundle that failed). */
    void fire(int type, Bundle bundle, Throwable cause) {
        FrameworkEvent event = new FrameworkEvent(type, bundle == null ? system : bundle, cause);
        List.copyOf(frameworkListeners).forEach(l -> l.frameworkEvent(event));
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Map<String, Supplier<Object>> answers) {
        return (T) Proxy.newProxyInstance(FakeFramework.class.getClassLoader(), new Class<?>[] {type}, (p, m, a) -> {
            Supplier<Object> answer = answers.get(m.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(m.getName());
            }
            return answer.get();
        });
    }
}
