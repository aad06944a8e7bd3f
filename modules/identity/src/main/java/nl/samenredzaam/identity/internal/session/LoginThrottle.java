package nl.samenredzaam.identity.internal.session;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.samenredzaam.identity.platform.SecurityPolicy;

/**
 * Counts failed sign-ins per user name and per address over a sliding window
 * ({@link SecurityPolicy#LOGIN_WINDOW}). After {@link SecurityPolicy#MAX_FAILURES_PER_ACCOUNT}
 * failures for a user name, or {@link SecurityPolicy#MAX_FAILURES_PER_ADDRESS} from an address,
 * further attempts are refused until enough failures have left the window.
 *
 * <p>In memory, per node: acceptable for one node; with several nodes an attacker gets the limit
 * once per node. To do: keep the counts in the database (or share them) before scaling out.
 * Memory is bounded: old failures are pruned and at most {@value #MAX_KEYS} keys are kept.
 */
public final class LoginThrottle {

    static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final Map<String, Deque<Instant>> accounts = new ConcurrentHashMap<>();
    private final Map<String, Deque<Instant>> addresses = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** Whether an attempt for this user name from this address must be refused now. */
    public boolean blocked(String username, String address) {
        Instant now = clock.instant();
        return count(accounts, username, now) >= SecurityPolicy.MAX_FAILURES_PER_ACCOUNT
                || count(addresses, address, now) >= SecurityPolicy.MAX_FAILURES_PER_ADDRESS;
    }

    /** Records a failed attempt. */
    public void failed(String username, String address) {
        Instant now = clock.instant();
        record(accounts, username, now);
        record(addresses, address, now);
    }

    /** A successful sign-in clears the user name's count (not the address's). */
    public void succeeded(String username) {
        if (username != null) {
            accounts.remove(username);
        }
    }

    private int count(Map<String, Deque<Instant>> map, String key, Instant now) {
        if (key == null) {
            return 0;
        }
        Deque<Instant> failures = map.get(key);
        if (failures == null) {
            return 0;
        }
        synchronized (failures) {
            prune(failures, now);
            return failures.size();
        }
    }

    private void record(Map<String, Deque<Instant>> map, String key, Instant now) {
        if (key == null) {
            return;
        }
        if (map.size() >= MAX_KEYS) {
            evictStale(map, now);
        }
        Deque<Instant> failures = map.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (failures) {
            prune(failures, now);
            failures.addLast(now);
        }
    }

    private static void prune(Deque<Instant> failures, Instant now) {
        Instant start = now.minus(SecurityPolicy.LOGIN_WINDOW);
        while (!failures.isEmpty() && !failures.peekFirst().isAfter(start)) {
            failures.removeFirst();
        }
    }

    private static void evictStale(Map<String, Deque<Instant>> map, Instant now) {
        Iterator<Map.Entry<String, Deque<Instant>>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Deque<Instant> failures = it.next().getValue();
            synchronized (failures) {
                prune(failures, now);
                if (failures.isEmpty()) {
                    it.remove();
                }
            }
        }
        if (map.size() >= MAX_KEYS) {
            // under a flood of distinct keys, forget everything rather than grow without bound
            map.clear();
        }
    }
}
