package nl.samenredzaam.calendar.internal;

import static nl.samenredzaam.calendar.internal.Fakes.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration.Status;
import nl.samenredzaam.testing.property.Tries;

/**
 * Random data for two initiatives with the same people, names, phones and times in both; every
 * read of the calendar's repositories and rules in one initiative returns only that initiative's
 * rows, whatever ids of the other one it is given, and writes aimed at the other's ids change
 * nothing there.
 */
abstract class CrossInitiativePropertiesDatabaseTest extends OnDatabase {

    static final Instant NOW = ams("2026-06-01T08:00");
    static final Instant FROM = ams("2026-05-01T00:00");
    static final Instant TO = ams("2026-09-01T00:00");

    private final ActivityRepository activities = new ActivityRepository();
    private final RegistrationRepository registrations = new RegistrationRepository();
    private final Registrations rules = new Registrations(activities, registrations, new Notifier(),
            Clock.fixed(NOW, Recurrence.ZONE));

    /** What one initiative got. */
    record Data(long initiative, Set<Long> activityIds, Set<Long> registrationIds) {
    }

    private Data fill(Random random, long initiative) {
        Set<Long> ids = new HashSet<>();
        Set<Long> regs = new HashSet<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            int day = 2 + random.nextInt(20);
            boolean weekly = random.nextBoolean();
            String start = String.format("2026-06-%02dT10:00:00+02:00", day);
            String end = String.format("2026-06-%02dT11:00:00+02:00", day);
            ActivityInput input = new ActivityInput("Activiteit " + i, "Omschrijving", "ontmoeten", "Ans", "Dorpshuis", null, true,
                    false, null, start, end, weekly ? "FREQ=WEEKLY;COUNT=6" : null, List.of(), 1 + random.nextInt(3), true, true, null,
                    "PUBLIC", "PUBLISHED");
            Map<String, String> problems = Fakes.problems();
            ActivityInput.Valid v = input.validate(Messages.of(CalendarModule.class, Locale.ENGLISH), List.of("ontmoeten"), problems);
            assertEquals(Map.of(), problems);
            long organiser = 1 + random.nextInt(3);
            long id = db.inInitiative(initiative, sql -> activities.create(sql, v, organiser, NOW));
            ids.add(id);
            Instant key = ams(String.format("2026-06-%02dT10:00", day));
            int people = random.nextInt(5);
            for (int p = 1; p <= people; p++) {
                long user = 1 + random.nextInt(4);
                Participant who = random.nextBoolean() ? new Participant(user, "Lid " + user, null)
                        : new Participant(null, "Ria de Boer", "0612345678");
                regs.add(db.inInitiative(initiative, sql -> rules.register(sql, id, key, who, null, user)).id());
            }
            if (weekly && random.nextBoolean()) {
                db.inInitiative(initiative, sql -> rules.cancelOccurrence(sql, id, key.plus(Duration.ofDays(7)), "Storm"));
            }
        }
        return new Data(initiative, ids, regs);
    }

    @Test
    void noReadReturnsAnotherInitiativesRows() {
        Tries.run("no cross-initiative rows on " + dialect(), 11L, Tries.count(15), random -> {
            Data a = fill(random, db.newInitiative());
            Data b = fill(random, db.newInitiative());
            check(a, b);
            check(b, a);
        });
    }

    private void check(Data mine, Data other) {
        db.inInitiative(mine.initiative(), sql -> {
            for (Activity x : activities.inRange(sql, FROM, TO)) {
                assertTrue(mine.activityIds().contains(x.id()), "inRange");
            }
            assertEquals(mine.activityIds(), ids(activities.all(sql, 1000)), "all");
            for (long user = 1; user <= 4; user++) {
                for (Activity x : activities.organisedBy(sql, user)) {
                    assertTrue(mine.activityIds().contains(x.id()), "organisedBy");
                }
                for (RegistrationRow r : registrations.byUser(sql, user, null)) {
                    assertTrue(mine.registrationIds().contains(r.id()), "byUser");
                }
            }
            for (RegistrationRow r : registrations.byNameAndPhone(sql, "Ria de Boer", "0612345678")) {
                assertTrue(mine.registrationIds().contains(r.id()), "byNameAndPhone");
            }
            for (RegistrationRepository.Key k : registrations.counts(sql, FROM, TO).keySet()) {
                assertTrue(mine.activityIds().contains(k.activityId()), "counts");
            }
            for (ActivityRepository.Change c : activities.changes(sql, FROM, TO)) {
                assertTrue(mine.activityIds().contains(c.activityId()), "changes");
            }
            for (Occurrence o : rules.occurrences().between(sql, FROM, TO, x -> true)) {
                assertTrue(mine.activityIds().contains(o.activity().id()), "occurrences");
            }
            for (long id : other.activityIds()) {
                assertTrue(activities.find(sql, id).isEmpty(), "find other's activity");
                assertTrue(activities.lock(sql, id).isEmpty(), "lock other's activity");
                assertTrue(activities.changes(sql, id).isEmpty(), "changes of other's activity");
                assertEquals(false, activities.setStatus(sql, id, Activity.Status.CANCELLED, NOW), "setStatus other's");
                assertEquals(false, activities.delete(sql, id), "delete other's");
            }
            for (long id : other.registrationIds()) {
                assertTrue(registrations.find(sql, id).isEmpty(), "find other's registration");
                registrations.setStatus(sql, id, Status.CANCELLED, NOW);
                registrations.anonymise(sql, id);
            }
            return null;
        });
        // the writes aimed at the other's ids changed nothing there
        db.inInitiative(other.initiative(), sql -> {
            for (long id : other.activityIds()) {
                assertEquals(Activity.Status.PUBLISHED, activities.find(sql, id).orElseThrow().status());
            }
            for (long id : other.registrationIds()) {
                RegistrationRow r = registrations.find(sql, id).orElseThrow();
                assertTrue(r.status() != Status.CANCELLED || isCancelledOccurrence(sql, r), "status kept");
                assertTrue(!r.name().equals("-"), "not anonymised");
            }
            return null;
        });
    }

    private boolean isCancelledOccurrence(nl.samenredzaam.api.data.Sql sql, RegistrationRow r) {
        return activities.changes(sql, r.activityId()).stream().anyMatch(c -> c.cancelled() && c.key().equals(r.occurrenceStart()));
    }

    private static Set<Long> ids(List<Activity> list) {
        Set<Long> out = new HashSet<>();
        for (Activity a : list) {
            out.add(a.id());
        }
        return out;
    }

}
