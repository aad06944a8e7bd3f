package nl.samenredzaam.calendar.internal;

import static nl.samenredzaam.calendar.internal.Fakes.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration.Status;
import nl.samenredzaam.calendar.internal.CalendarException.Reason;
import nl.samenredzaam.testing.property.Tries;

/**
 * Properties of the registration rules on a real database, against a simple model: under random
 * sequences of register, cancel and capacity changes the places given never exceed the capacity
 * (a lowered capacity takes no place away, but gives none until the count is below it again), the
 * waitlist is served strictly in order of arrival, registering twice changes nothing; and when
 * several threads race for the last places, exactly the free places are given. Every case runs in
 * a new initiative, and the other initiatives' rows never show up in its counts.
 */
abstract class CapacityPropertiesDatabaseTest extends OnDatabase {

    static final Instant NOW = ams("2026-06-01T08:00");
    static final Instant FIRST = ams("2026-06-02T10:00");

    private final ActivityRepository activities = new ActivityRepository();
    private final RegistrationRepository registrations = new RegistrationRepository();

    /** A clock that moves one second on every reading, so that arrival order is also time order. */
    static final class Ticking extends Clock {
        final AtomicLong seconds = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return Recurrence.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return NOW.plusSeconds(seconds.incrementAndGet());
        }
    }

    private static ActivityInput.Valid activity(Integer capacity, boolean waitlist) {
        ActivityInput input = new ActivityInput("Koffie", "Koffieochtend", "ontmoeten", "Ans", "Dorpshuis", null, true, false,
                null, "2026-06-02T10:00:00+02:00", "2026-06-02T11:30:00+02:00", null, List.of(), capacity, true, waitlist, null,
                "PUBLIC", "PUBLISHED");
        Map<String, String> problems = Fakes.problems();
        ActivityInput.Valid v = input.validate(Messages.of(CalendarModule.class, Locale.ENGLISH), List.of("ontmoeten"), problems);
        assertEquals(Map.of(), problems);
        return v;
    }

    private static Participant person(int p) {
        return new Participant((long) p, "Deelnemer " + p, null);
    }

    /** The model: who holds a place, and who waits in which order (person numbers). */
    static final class Model {
        Integer capacity;
        final boolean waitlist;
        final List<Integer> placed = new ArrayList<>();
        final List<Integer> waiting = new ArrayList<>();

        Model(Integer capacity, boolean waitlist) {
            this.capacity = capacity;
            this.waitlist = waitlist;
        }

        boolean free() {
            return capacity == null || placed.size() < capacity;
        }

        /** The status the rules must give, or null when they must refuse (full, no waitlist). */
        Status register(int p) {
            if (placed.contains(p)) {
                return Status.REGISTERED;
            }
            if (waiting.contains(p)) {
                return Status.WAITLISTED;
            }
            if (free()) {
                placed.add(p);
                return Status.REGISTERED;
            }
            if (waitlist) {
                waiting.add(p);
                return Status.WAITLISTED;
            }
            return null;
        }

        void cancel(int p) {
            boolean hadPlace = placed.remove((Integer) p);
            waiting.remove((Integer) p);
            if (hadPlace) {
                promote();
            }
        }

        void capacity(Integer c) {
            capacity = c;
            promote();
        }

        private void promote() {
            while (free() && !waiting.isEmpty()) {
                placed.add(waiting.remove(0));
            }
        }
    }

    @Test
    void capacityIsNeverExceededAndTheWaitlistKeepsItsOrder() {
        Tries.run("capacity and waitlist order on " + dialect(), 20261126L, Tries.count(25), random -> {
            long initiative = db.newInitiative();
            Registrations rules = new Registrations(activities, registrations, new Notifier(), new Ticking());
            boolean waitlist = random.nextInt(4) != 0;
            Integer capacity = random.nextInt(6) == 0 ? null : 1 + random.nextInt(4);
            long id = db.inInitiative(initiative, sql -> activities.create(sql, activity(capacity, waitlist), null, NOW));
            Model model = new Model(capacity, waitlist);
            Map<Integer, Long> registrationOf = new LinkedHashMap<>();
            List<String> steps = new ArrayList<>();
            int operations = 5 + random.nextInt(20);
            for (int op = 0; op < operations; op++) {
                int kind = random.nextInt(10);
                int p = 1 + random.nextInt(7);
                if (kind < 6) {
                    steps.add("register " + p);
                    Status expected = model.register(p);
                    try {
                        RegistrationRow r = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(p), null, (long) p));
                        assertEquals(expected, r.status(), steps.toString());
                        registrationOf.put(p, r.id());
                    } catch (CalendarException e) {
                        assertEquals(null, expected, steps + ": refused with " + e.reason());
                        assertEquals(Reason.FULL, e.reason(), steps.toString());
                    }
                } else if (kind < 9) {
                    Long registration = registrationOf.remove(p);
                    if (registration == null) {
                        continue;
                    }
                    steps.add("cancel " + p);
                    model.cancel(p);
                    db.inInitiative(initiative, sql -> rules.cancel(sql, registration, path -> path));
                } else {
                    Integer c = random.nextInt(6) == 0 ? null : 1 + random.nextInt(4);
                    steps.add("capacity " + c);
                    model.capacity(c);
                    db.inInitiative(initiative, sql -> {
                        activities.update(sql, id, activity(c, waitlist), NOW);
                        rules.promoteAll(sql, id, path -> path);
                        return null;
                    });
                }
                check(initiative, id, model, steps);
            }
        });
    }

    private void check(long initiative, long id, Model model, List<String> steps) {
        List<RegistrationRow> rows = db.inInitiative(initiative, sql -> registrations.forOccurrence(sql, id, FIRST));
        List<Integer> placed = rows.stream().filter(RegistrationRow::hasPlace).map(r -> r.userId().intValue()).sorted().toList();
        List<Integer> waiting = rows.stream().filter(r -> r.status() == Status.WAITLISTED)
                .sorted((a, b) -> a.createdAt().equals(b.createdAt()) ? Long.compare(a.id(), b.id()) : a.createdAt().compareTo(b.createdAt()))
                .map(r -> r.userId().intValue()).toList();
        assertEquals(model.placed.stream().sorted().toList(), placed, "places after " + steps);
        assertEquals(model.waiting, waiting, "waitlist order after " + steps);
        int taken = db.inInitiative(initiative, sql -> registrations.placesTaken(sql, id, FIRST));
        assertEquals(placed.size(), taken);
        if (model.capacity != null && !model.waiting.isEmpty()) {
            assertTrue(taken >= model.capacity, "nobody waits while a place is free: " + steps);
        }
        assertEquals(placed.size() + waiting.size(), rows.stream().filter(RegistrationRow::active).count(),
                "one active registration per person: " + steps);
    }

    @Test
    void threadsRacingForTheLastPlacesGetExactlyTheFreePlaces() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            Tries.run("the last place under concurrency on " + dialect(), 7L, Tries.count(8), random -> race(random, pool));
        } finally {
            pool.shutdownNow();
        }
    }

    private void race(Random random, ExecutorService pool) throws Exception {
        long initiative = db.newInitiative();
        Registrations rules = new Registrations(activities, registrations, new Notifier(), new Ticking());
        int capacity = 1 + random.nextInt(4);
        boolean waitlist = random.nextBoolean();
        long id = db.inInitiative(initiative, sql -> activities.create(sql, activity(capacity, waitlist), null, NOW));
        int before = random.nextInt(capacity); // places already taken: often only one is left
        for (int p = 1; p <= before; p++) {
            int n = p;
            db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(n), null, (long) n));
        }
        int threads = 2 + random.nextInt(5);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Status>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int n = 100 + t;
            Callable<Status> attempt = () -> {
                go.await();
                try {
                    return db.inInitiative(initiative, sql -> {
                        activities.find(sql, id).orElseThrow(); // as the web layer: read first, then register
                        return rules.register(sql, id, FIRST, person(n), null, (long) n).status();
                    });
                } catch (CalendarException e) {
                    return e.reason() == Reason.FULL ? null : Status.CANCELLED;
                }
            };
            results.add(pool.submit(attempt));
        }
        go.countDown();
        int placed = 0;
        int waiting = 0;
        int refused = 0;
        for (Future<Status> f : results) {
            Status s = f.get(60, TimeUnit.SECONDS);
            if (s == Status.REGISTERED) {
                placed++;
            } else if (s == Status.WAITLISTED) {
                waiting++;
            } else if (s == null) {
                refused++;
            } else {
                throw new AssertionError("unexpected refusal");
            }
        }
        int free = capacity - before;
        String what = "capacity " + capacity + ", " + before + " taken, " + threads + " threads, waitlist " + waitlist;
        assertEquals(Math.min(free, threads), placed, what);
        assertEquals(waitlist ? threads - placed : 0, waiting, what);
        assertEquals(waitlist ? 0 : threads - placed, refused, what);
        assertEquals(Math.min(capacity, before + threads), (int) db.inInitiative(initiative,
                sql -> registrations.placesTaken(sql, id, FIRST)), what);
    }
}
