package nl.samenredzaam.core.internal.bundle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds threads that a bundle started and did not stop. When a bundle stops (also as part of an
 * update or uninstall), its class loader and class names are known from the moment it starts
 * stopping; a thread belongs to the bundle when its context class loader or its own class comes
 * from that loader, or when it is running code of the bundle (a frame of one of its classes). Such
 * threads get a grace period to end after the stop; those still alive and still in the bundle's code
 * then are reported: in the log, in the bundle's problem, and in the runtime statistics.
 */
@Component(immediate = true, service = ThreadLeakDetector.class)
public final class ThreadLeakDetector {

    /** How long a stopped bundle's threads may take to end. */
    static final long GRACE_MILLIS = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(ThreadLeakDetector.class);

    private final BundleContext context;
    private final BundleHealth health;
    private final Map<Long, Owner> stopping = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checks;
    private final SynchronousBundleListener listener = this::bundleChanged;

    /** What identifies the code of one bundle revision. */
    record Owner(String symbolicName, String version, ClassLoader loader, Set<String> classNames) {
    }

    @Activate
    public ThreadLeakDetector(BundleContext context, @Reference BundleHealth health) {
        this.context = context;
        this.health = health;
        ScheduledThreadPoolExecutor s = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "samenredzaam-thread-leak-check");
            t.setDaemon(true);
            return t;
        });
        s.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.checks = s;
        context.addBundleListener(listener);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(listener);
        checks.shutdownNow();
    }

    private void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        if (bundle.getBundleId() == 0 || bundle.equals(context.getBundle()) || frameworkStopping()) {
            return;
        }
        if (event.getType() == BundleEvent.STOPPING) {
            Owner owner = owner(bundle);
            if (owner != null) {
                stopping.put(bundle.getBundleId(), owner);
            }
        } else if (event.getType() == BundleEvent.STOPPED) {
            Owner owner = stopping.remove(bundle.getBundleId());
            if (owner != null) {
                List<Thread> suspects = threadsOf(owner, Thread.getAllStackTraces().keySet(), Thread.currentThread());
                if (!suspects.isEmpty()) {
                    checks.schedule(() -> confirm(owner, suspects), GRACE_MILLIS, TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private boolean frameworkStopping() {
        Bundle system = context.getBundle(0);
        return system == null || system.getState() == Bundle.STOPPING;
    }

    /** After the grace period: the suspects still alive and still in the bundle's code are leaks. */
    private void confirm(Owner owner, List<Thread> suspects) {
        List<Thread> leaked = threadsOf(owner, suspects, null);
        if (leaked.isEmpty()) {
            return;
        }
        List<String> names = leaked.stream().map(Thread::getName).toList();
        health.leaked(owner.symbolicName(), owner.version(), leaked);
        LOG.warn("Bundle {} {} stopped, but {} of its threads kept running: {}. A module must stop the threads it starts "
                + "(see docs/module-guide.md); restart the platform to clean up", owner.symbolicName(), owner.version(),
                leaked.size(), names);
    }

    static Owner owner(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || !wiring.isInUse()) {
            return null;
        }
        Set<String> names = new HashSet<>();
        Collection<String> resources = wiring.listResources("/", "*.class",
                BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL);
        if (resources != null) {
            for (String r : resources) {
                names.add(r.substring(0, r.length() - ".class".length()).replace('/', '.'));
            }
        }
        return new Owner(bundle.getSymbolicName(), bundle.getVersion().toString(), wiring.getClassLoader(), names);
    }

    /** The live threads among {@code candidates} that belong to {@code owner}, except {@code self}. */
    static List<Thread> threadsOf(Owner owner, Collection<Thread> candidates, Thread self) {
        List<Thread> found = new ArrayList<>();
        for (Thread t : candidates) {
            if (t == self || !t.isAlive()) {
                continue;
            }
            if (belongs(owner, t)) {
                found.add(t);
            }
        }
        return found;
    }

    static boolean belongs(Owner owner, Thread t) {
        ClassLoader loader = owner.loader();
        if (loader != null && (t.getClass().getClassLoader() == loader || t.getContextClassLoader() == loader)) {
            return true;
        }
        for (StackTraceElement frame : t.getStackTrace()) {
            if (owner.classNames().contains(frame.getClassName())) {
                return true;
            }
        }
        return false;
    }
}
