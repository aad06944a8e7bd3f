package nl.samenredzaam.core.internal.bundle;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * What the platform found wrong with a bundle that the framework does not know: a start that did
 * not finish in time (the bundle is then isolated and shown as failed), and threads that kept
 * running after the bundle stopped. Shared by the bundle manager, the module registry and the leak
 * detector, so that the bundle API, the module list and the operator pages say the same.
 */
@Component(service = BundleHealth.class)
public final class BundleHealth {

    private final Map<Long, String> stuck = new ConcurrentHashMap<>();
    private final Map<String, Leak> leaks = new ConcurrentHashMap<>();

    /** A bundle whose start (or update) did not finish within the time allowed. */
    public void stuck(long bundleId, String problem) {
        stuck.put(bundleId, problem);
    }

    /** The start finished after all (late, or the bundle was removed). */
    public void unstuck(long bundleId) {
        stuck.remove(bundleId);
    }

    public boolean isStuck(long bundleId) {
        return stuck.containsKey(bundleId);
    }

    /** Why a stuck bundle is shown as failed, or empty when it is not stuck. */
    public Optional<String> stuckProblem(long bundleId) {
        return Optional.ofNullable(stuck.get(bundleId));
    }

    /** Threads of a bundle (by symbolic name) that were still alive after it stopped. */
    public void leaked(String symbolicName, String version, List<Thread> threads) {
        List<WeakReference<Thread>> refs = new ArrayList<>();
        threads.forEach(t -> refs.add(new WeakReference<>(t)));
        leaks.merge(symbolicName, new Leak(version, refs), (old, now) -> {
            List<WeakReference<Thread>> all = new ArrayList<>(old.threads());
            all.addAll(now.threads());
            return new Leak(now.version(), all);
        });
    }

    /** The leak report of a symbolic name, while any of its leaked threads is still alive. */
    public Optional<String> leakProblem(String symbolicName) {
        Leak leak = leaks.get(symbolicName);
        if (leak == null) {
            return Optional.empty();
        }
        List<String> names = leak.alive();
        if (names.isEmpty()) {
            leaks.remove(symbolicName, leak);
            return Optional.empty();
        }
        return Optional.of(leakMessage(names));
    }

    /** Every leak whose threads are still alive: "symbolic name: thread, thread". */
    public List<String> leaks() {
        List<String> list = new ArrayList<>();
        leaks.forEach((bsn, leak) -> {
            List<String> names = leak.alive();
            if (!names.isEmpty()) {
                list.add(bsn + " " + leak.version() + ": " + String.join(", ", names));
            }
        });
        list.sort(null);
        return list;
    }

    static String leakMessage(List<String> names) {
        int n = names.size();
        String joined = String.join(", ", names);
        return (n == 1 ? "1 draad" : n + " draden") + " van deze bundel " + (n == 1 ? "liep" : "liepen")
                + " na het stoppen nog door (" + joined + "); herstart het platform om " + (n == 1 ? "hem" : "ze")
                + " op te ruimen / " + n + (n == 1 ? " thread" : " threads") + " of this bundle kept running after it stopped ("
                + joined + "); restart the platform to clean up";
    }

    private record Leak(String version, List<WeakReference<Thread>> threads) {
        List<String> alive() {
            List<String> names = new ArrayList<>();
            for (WeakReference<Thread> ref : threads) {
                Thread t = ref.get();
                if (t != null && t.isAlive()) {
                    names.add(t.getName());
                }
            }
            return names;
        }
    }
}
