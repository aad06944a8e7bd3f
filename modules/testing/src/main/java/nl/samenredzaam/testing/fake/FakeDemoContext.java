package nl.samenredzaam.testing.fake;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.samenredzaam.api.demo.DemoContext;

/**
 * The {@link DemoContext} a {@link nl.samenredzaam.api.demo.DemoDataContributor} gets, for a test
 * of your demo data: the demo accounts of the platform ({@link #ACCOUNTS}) with ids 1001 to 1008 in
 * that order, and a clock. As on the platform, an unknown account name is an
 * {@link IllegalArgumentException}.
 *
 * <pre>{@code
 * try (InMemoryDatabase db = InMemoryDatabase.forModule("buurtnieuws")) {
 *     Initiative lindeholt = db.createInitiative("lindeholt", "Dorpszorg Lindeholt");
 *     FakeDemoContext demo = new FakeDemoContext(MutableClock.at("2026-03-02T09:00:00Z"));
 *     db.transaction(lindeholt.id(), sql -> { new BuurtnieuwsDemo().populate(sql, demo); return null; });
 * }
 * }</pre>
 */
public final class FakeDemoContext implements DemoContext {

    /** The demo accounts the platform creates in the demo initiative. */
    public static final List<String> ACCOUNTS = List.of("coordinator", "resident", "resident2", "volunteer", "volunteer2",
            "professional", "referrer", "beheerder");

    private final Clock clock;
    private final Map<String, Long> ids = new LinkedHashMap<>();

    /** The demo accounts with ids 1001 to 1008, and {@code clock}. */
    public FakeDemoContext(Clock clock) {
        this(clock, 1001L);
    }

    /**
     * The demo accounts with ids {@code firstId} to {@code firstId + 7}, in the order of
     * {@link #ACCOUNTS}, and {@code clock}.
     */
    public FakeDemoContext(Clock clock, long firstId) {
        this.clock = Objects.requireNonNull(clock, "clock");
        for (int i = 0; i < ACCOUNTS.size(); i++) {
            ids.put(ACCOUNTS.get(i), firstId + i);
        }
    }

    /**
     * Accounts with the ids a test chose, e.g. {@code Map.of("coordinator", 31L, "resident", 40L)}
     * to match its other fakes; a name not in {@code ids} is an {@link IllegalArgumentException}, as
     * on the platform.
     */
    public FakeDemoContext(Clock clock, Map<String, Long> ids) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids.putAll(ids);
    }

    /** The id of a demo account. */
    @Override
    public long userId(String username) {
        Long id = ids.get(username);
        if (id == null) {
            throw new IllegalArgumentException("no demo account " + username);
        }
        return id;
    }

    @Override
    public Clock clock() {
        return clock;
    }
}
