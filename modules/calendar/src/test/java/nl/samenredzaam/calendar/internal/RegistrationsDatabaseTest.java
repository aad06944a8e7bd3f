package nl.samenredzaam.calendar.internal;

import static nl.samenredzaam.calendar.internal.Fakes.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration.Status;
import nl.samenredzaam.calendar.internal.CalendarException.Reason;
import nl.samenredzaam.testing.fake.RecordingEventAdmin;
import nl.samenredzaam.testing.fake.RecordingMailer;

/** The registration rules on real H2 and PostgreSQL: capacity under concurrency, waitlist, on behalf, attendance. */
abstract class RegistrationsDatabaseTest extends OnDatabase {

    static final Instant NOW = ams("2026-06-01T08:00");
    static final Instant FIRST = ams("2026-06-02T10:00");

    private final RecordingMailer outbox = new RecordingMailer();
    private final RecordingEventAdmin events = new RecordingEventAdmin();
    private final ActivityRepository activities = new ActivityRepository();
    private final RegistrationRepository registrations = new RegistrationRepository();
    private Registrations rules;
    private long initiative;

    @BeforeEach
    void freshInitiative() {
        rules = rules(NOW);
        initiative = db.newInitiative();
        outbox.clear();
        events.clear();
    }

    private final Notifier notifier = new Notifier(outbox, events, new Fakes.People());

    private Registrations rules(Instant now) {
        return new Registrations(activities, registrations, notifier, Clock.fixed(now, Recurrence.ZONE));
    }

    /**
     * What the publish-events job does after the registrations' transactions: {@link #notifier} has no
     * database to post right after the commit with, as if the node died between the commit and the post.
     */
    private void publish(long initiativeId) {
        db.inInitiative(initiativeId, sql -> {
            notifier.run(sql, NOW);
            return null;
        });
    }

    static ActivityInput.Valid walk(Integer capacity, boolean waitlist) {
        ActivityInput input = new ActivityInput("Wandelen", "Rustig wandelen", "bewegen", "Henk", "Dorpshuis", null, true, false,
                null, "2026-06-02T10:00:00+02:00", "2026-06-02T11:00:00+02:00", "FREQ=WEEKLY;BYDAY=TU",
                List.of("2026-07-14/2026-08-25"), capacity, true, waitlist, null, "PUBLIC", "PUBLISHED");
        Map<String, String> problems = Fakes.problems();
        ActivityInput.Valid v = input.validate(Messages.of(CalendarModule.class, Locale.ENGLISH),
                List.of("bewegen", "ontmoeten"), problems);
        assertEquals(Map.of(), problems);
        return v;
    }

    private long create(long initiativeId, ActivityInput.Valid v) {
        return db.inInitiative(initiativeId, sql -> activities.create(sql, v, null, NOW));
    }

    private static Participant person(int i) {
        return new Participant((long) i, "Deelnemer " + i, null);
    }

    @Test
    void twoPeopleCannotTakeTheLastPlace() throws Exception {
        int capacity = 3;
        int people = 12;
        long id = create(initiative, walk(capacity, false));
        CountDownLatch ready = new CountDownLatch(people);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<Status>> results = new ArrayList<>();
            for (int i = 1; i <= people; i++) {
                int n = i;
                Callable<Status> attempt = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        return db.inInitiative(initiative, sql -> {
                            // as the web layer does: the activity is read (unlocked) before registering
                            activities.find(sql, id).orElseThrow();
                            return rules.register(sql, id, FIRST, person(n), null, (long) n).status();
                        });
                    } catch (CalendarException e) {
                        assertEquals(Reason.FULL, e.reason());
                        return null;
                    }
                };
                results.add(pool.submit(attempt));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            int registered = 0;
            int refused = 0;
            for (Future<Status> f : results) {
                Status s = f.get(60, TimeUnit.SECONDS);
                if (s == Status.REGISTERED) {
                    registered++;
                } else {
                    refused++;
                }
            }
            assertEquals(capacity, registered, db + ": places given");
            assertEquals(people - capacity, refused);
            assertEquals(capacity, (int) db.inInitiative(initiative, sql -> registrations.placesTaken(sql, id, FIRST)));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRegistrationsBeyondCapacityGoToTheWaitlistInOrder() throws Exception {
        long id = create(initiative, walk(2, true));
        int people = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<Status>> results = new ArrayList<>();
            for (int i = 1; i <= people; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    go.await();
                    return db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(n), null, (long) n).status());
                }));
            }
            go.countDown();
            long registered = 0;
            for (Future<Status> f : results) {
                if (f.get(60, TimeUnit.SECONDS) == Status.REGISTERED) {
                    registered++;
                }
            }
            assertEquals(2, registered);
            assertEquals(List.of(), events.events(), "nothing is posted before the job runs");
            publish(initiative);
            List<RegistrationRow> list = db.inInitiative(initiative, sql -> registrations.forOccurrence(sql, id, FIRST));
            assertEquals(2, list.stream().filter(RegistrationRow::hasPlace).count());
            assertEquals(6, list.stream().filter(r -> r.status() == Status.WAITLISTED).count());
            assertEquals(people, events.topics().stream().filter(Notifier.REGISTRATION_MADE::equals).count());
            // events carry ids only, never names
            org.osgi.service.event.Event event = events.events().get(0).event();
            assertEquals(java.util.Set.of("initiative", "activity", "registration", "event.topics"),
                    java.util.Set.of(event.getPropertyNames()));
            assertEquals(initiative, event.getProperty("initiative"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void eventsArePostedRightAfterTheCommitWithoutTheJobAndNeverForARollback() {
        Notifier live = new Notifier(outbox, events, new Fakes.People(), db.database());
        Registrations liveRules = new Registrations(activities, registrations, live, Clock.fixed(NOW, Recurrence.ZONE));
        long id = create(initiative, walk(10, true));
        assertThrows(IllegalStateException.class, () -> db.inInitiative(initiative, sql -> {
            liveRules.register(sql, id, FIRST, person(1), null, 1L);
            throw new IllegalStateException("a later step of the request fails");
        }));
        assertEquals(List.of(), events.events(), "nothing for a rolled-back registration");
        RegistrationRow kept = db.inInitiative(initiative, sql -> {
            RegistrationRow row = liveRules.register(sql, id, FIRST, person(2), null, 2L);
            assertEquals(List.of(), events.events(), "not inside the transaction");
            return row;
        });
        assertEquals(List.of(Notifier.REGISTRATION_MADE), events.topics(), "at once, without the job");
        assertEquals(kept.id(), events.events().get(0).property("registration"));
        assertEquals(id, events.events().get(0).property("activity"));
        assertEquals(initiative, events.events().get(0).property("initiative"));
        publish(initiative);
        assertEquals(1, events.events().size(), "the job finds nothing left: posted once");
    }

    @Test
    void eventsArePostedOnlyAfterCommitAndNeverForARolledBackRegistration() {
        long id = create(initiative, walk(10, true));
        RuntimeException failure = new IllegalStateException("a later step of the request fails");
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> db.inInitiative(initiative, sql -> {
            rules.register(sql, id, FIRST, person(1), null, 1L);
            assertEquals(List.of(), events.events(), "not posted inside the transaction");
            throw failure;
        }));
        assertTrue(thrown == failure || thrown.getCause() == failure, thrown.toString());
        assertEquals(0, (int) db.inInitiative(initiative, sql -> registrations.placesTaken(sql, id, FIRST)), "rolled back");
        publish(initiative);
        assertEquals(List.of(), events.events(), "no event for a registration that was rolled back");

        RegistrationRow kept = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(2), null, 2L));
        assertEquals(List.of(), events.events(), "committed, but not yet published");
        // the events of another initiative are not published with this one's
        long other = db.newInitiative();
        publish(other);
        assertEquals(List.of(), events.events());
        publish(initiative);
        assertEquals(List.of(Notifier.REGISTRATION_MADE), events.topics());
        assertEquals(kept.id(), events.events().get(0).property("registration"));
        assertEquals(initiative, events.events().get(0).property("initiative"));
        publish(initiative);
        assertEquals(1, events.events().size(), "each event is posted once");
    }

    @Test
    void cancellingPromotesTheFirstOnTheWaitlistAndMailsThem() {
        long id = create(initiative, walk(1, true));
        RegistrationRow first = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(1), null, 1L));
        RegistrationRow second = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(2), null, 2L));
        RegistrationRow third = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(3), null, 3L));
        assertEquals(Status.REGISTERED, first.status());
        assertEquals(Status.WAITLISTED, second.status());
        assertEquals(Status.WAITLISTED, third.status());

        db.inInitiative(initiative, sql -> rules.cancel(sql, first.id(), p -> "https://example.org/x" + p));

        assertEquals(Status.REGISTERED, db.inInitiative(initiative, sql -> registrations.find(sql, second.id())).orElseThrow().status());
        assertEquals(Status.WAITLISTED, db.inInitiative(initiative, sql -> registrations.find(sql, third.id())).orElseThrow().status());
        assertEquals(1, outbox.sent().size());
        assertEquals("user2@example.org", outbox.sent().get(0).mail().to());
        assertTrue(outbox.sent().get(0).mail().body().contains("dinsdag 2 juni 2026, 10.00–11.00 uur"), outbox.sent().get(0).mail().body());
        assertTrue(outbox.sent().get(0).mail().body().contains("https://example.org/x/calendar/activities/" + id));
    }

    @Test
    void raisingTheCapacityPromotesTheWaitlist() {
        long id = create(initiative, walk(1, true));
        db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(1), null, 1L));
        RegistrationRow waiting = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(2), null, 2L));
        db.inInitiative(initiative, sql -> {
            activities.update(sql, id, walk(2, true), NOW);
            rules.promoteAll(sql, id, p -> p);
            return null;
        });
        assertEquals(Status.REGISTERED, db.inInitiative(initiative, sql -> registrations.find(sql, waiting.id())).orElseThrow().status());
        assertEquals(1, db.inInitiative(initiative, sql -> activities.find(sql, id)).orElseThrow().sequence());
    }

    @Test
    void onBehalfRegistrationNeedsNoAccountAndIsNotDoubled() {
        long id = create(initiative, walk(10, true));
        Participant ria = new Participant(null, "Ria de Boer", "0612345678");
        RegistrationRow r = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, ria, "ria@example.org", 99L));
        RegistrationRow again = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST,
                new Participant(null, "ria de boer", "0612345678"), null, 99L));
        assertEquals(r.id(), again.id());
        assertTrue(r.onBehalf());
        assertEquals(99L, r.registeredBy());
        assertEquals("0612345678", r.phone());
    }

    @Test
    void registrationRulesRefuseWhatIsNotPossible() {
        long id = create(initiative, walk(10, true));
        // in the summer break there is no walk
        CalendarException none = assertThrows(CalendarException.class,
                () -> db.inInitiative(initiative, sql -> rules.register(sql, id, ams("2026-07-21T10:00"), person(1), null, 1L)));
        assertEquals(Reason.NO_OCCURRENCE, none.reason());
        // a past occurrence
        Registrations later = rules(ams("2026-06-10T12:00"));
        CalendarException past = assertThrows(CalendarException.class,
                () -> db.inInitiative(initiative, sql -> later.register(sql, id, FIRST, person(1), null, 1L)));
        assertEquals(Reason.PAST, past.reason());
        // another initiative does not see the activity at all
        long other = db.newInitiative();
        CalendarException foreign = assertThrows(CalendarException.class,
                () -> db.inInitiative(other, sql -> rules.register(sql, id, FIRST, person(1), null, 1L)));
        assertEquals(Reason.NO_ACTIVITY, foreign.reason());
        assertTrue(db.inInitiative(other, sql -> activities.inRange(sql, NOW, ams("2027-01-01T00:00"))).isEmpty());
    }

    @Test
    void attendanceFromTheDayItselfPublishesAttended() {
        long id = create(initiative, walk(10, true));
        RegistrationRow r = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(5), null, 5L));
        CalendarException early = assertThrows(CalendarException.class,
                () -> db.inInitiative(initiative, sql -> rules.attendance(sql, r.id(), true)));
        assertEquals(Reason.NOT_STARTED, early.reason());
        Registrations onTheDay = rules(ams("2026-06-02T11:30"));
        assertEquals(Status.PRESENT, db.inInitiative(initiative, sql -> onTheDay.attendance(sql, r.id(), true)).status());
        publish(initiative);
        assertEquals(List.of(Notifier.REGISTRATION_MADE, Notifier.ATTENDED), events.topics());
        assertEquals(Status.ABSENT, db.inInitiative(initiative, sql -> onTheDay.attendance(sql, r.id(), false)).status());
    }

    @Test
    void cancellingAnOccurrenceTellsEveryoneAndClosesIt() {
        long id = create(initiative, walk(10, true));
        db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(1), null, 1L));
        db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, new Participant(null, "Kees", "0687654321"), null, 9L));
        Registrations.CancelResult result = db.inInitiative(initiative, sql -> rules.cancelOccurrence(sql, id, FIRST, "Storm"));
        assertEquals(1, result.mailed());
        assertEquals(List.of("Kees"), result.toCall().stream().map(RegistrationRow::name).toList());
        assertTrue(outbox.sent().get(0).mail().body().contains("Storm"));
        Occurrence o = db.inInitiative(initiative, sql -> rules.occurrences().one(sql, activities.find(sql, id).orElseThrow(), FIRST))
                .orElseThrow();
        assertTrue(o.isCancelled());
        assertEquals(0, o.registered());
        CalendarException closed = assertThrows(CalendarException.class,
                () -> db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(2), null, 2L)));
        assertEquals(Reason.CANCELLED, closed.reason());
    }

    @Test
    void occurrencesOfAMonthSkipTheBreakAndShowMovedAndCountedOnes() {
        long id = create(initiative, walk(10, true));
        Instant second = ams("2026-06-09T10:00");
        db.inInitiative(initiative, sql -> rules.register(sql, id, second, person(1), null, 1L));
        db.inInitiative(initiative, sql -> rules.moveOccurrence(sql, id, second, ams("2026-06-10T14:00"), ams("2026-06-10T15:00")));
        assertEquals(1, outbox.sent().size(), "the registered person is told");
        assertTrue(outbox.sent().get(0).mail().body().contains("woensdag 10 juni 2026, 14.00–15.00 uur"), outbox.sent().get(0).mail().body());
        List<Occurrence> june = db.inInitiative(initiative, sql -> rules.occurrences().between(sql, ams("2026-06-01T00:00"),
                ams("2026-07-01T00:00"), a -> true));
        assertEquals(5, june.size());
        Occurrence moved = june.get(1);
        assertTrue(moved.moved());
        assertEquals(ams("2026-06-10T14:00"), moved.start());
        assertEquals(second, moved.key());
        assertEquals(1, moved.registered());
        assertEquals(9, moved.placesLeft());
        List<Occurrence> july = db.inInitiative(initiative, sql -> rules.occurrences().between(sql, ams("2026-07-01T00:00"),
                ams("2026-08-01T00:00"), a -> true));
        assertEquals(List.of(ams("2026-07-07T10:00")), july.stream().map(Occurrence::start).toList());
    }

    @Test
    void seriesRegistrationCoversTheComingThreeMonths() {
        long id = create(initiative, walk(10, true));
        List<RegistrationRow> made = db.inInitiative(initiative, sql -> rules.registerSeries(sql, id, person(4), null, 4L));
        // 1 Jun 08:00 + 92 days: Tuesdays 2 Jun .. 25 Aug (13), minus 7 in the break 14 Jul - 25 Aug
        assertEquals(6, made.size());
        assertEquals(6, (int) db.inInitiative(initiative, sql -> rules.cancelSeries(sql, id, 4L, p -> p)));
    }

    @Test
    void privacyExportAndErasure() {
        long id = create(initiative, walk(1, true));
        CalendarPrivacy privacy = new CalendarPrivacy(new Notifier(outbox, events, new Fakes.People()), Clock.fixed(NOW, Recurrence.ZONE));
        db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(1), null, 1L));
        RegistrationRow waiting = db.inInitiative(initiative, sql -> rules.register(sql, id, FIRST, person(2), null, 2L));
        nl.samenredzaam.api.privacy.Person one = new nl.samenredzaam.api.privacy.Person(1L, null, null, null, null);
        Map<String, Object> export = db.inInitiative(initiative, sql -> privacy.export(sql, one));
        assertEquals(1, ((List<?>) export.get("registrations")).size());
        var erasure = db.inInitiative(initiative, sql -> privacy.erase(sql, one));
        assertEquals(1, erasure.removed());
        assertEquals(Status.REGISTERED, db.inInitiative(initiative, sql -> registrations.find(sql, waiting.id())).orElseThrow().status());
        assertTrue(((List<?>) db.inInitiative(initiative, sql -> privacy.export(sql, one)).get("registrations")).isEmpty());
    }

    @Test
    void theCooperationServiceFindsUpcomingActivitiesRegistersAndReportsAttendance() {
        long id = create(initiative, walk(1, true));
        CalendarServiceImpl service = new CalendarServiceImpl(new Notifier(outbox, events, new Fakes.People()),
                Clock.fixed(NOW, Recurrence.ZONE));
        var upcoming = db.inInitiative(initiative, sql -> service.upcoming(sql, NOW.atOffset(java.time.ZoneOffset.UTC),
                ams("2026-06-20T00:00").atOffset(java.time.ZoneOffset.UTC), 10));
        assertEquals(3, upcoming.size());
        assertEquals("/calendar/activities/" + id, upcoming.get(0).path());
        assertEquals(1, upcoming.get(0).placesLeft());
        assertEquals("2026-06-02T10:00+02:00", upcoming.get(0).start().toString());
        var first = db.inInitiative(initiative, sql -> service.register(sql, id, upcoming.get(0).start(),
                new Participant(null, "Verwezen inwoner", "0612345678")));
        var second = db.inInitiative(initiative, sql -> service.register(sql, id, upcoming.get(0).start(),
                new Participant(null, "Tweede inwoner", "0687654321")));
        assertEquals(Status.REGISTERED, first.status());
        assertEquals(Status.WAITLISTED, second.status());
        assertEquals(Status.REGISTERED, db.inInitiative(initiative, sql -> service.registration(sql, first.id())).orElseThrow().status());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> db.inInitiative(initiative,
                sql -> service.register(sql, id, ams("2026-07-21T10:00").atOffset(java.time.ZoneOffset.UTC), person(3))));
        assertTrue(db.inInitiative(db.newInitiative(), sql -> service.registration(sql, first.id())).isEmpty(),
                "another initiative does not see it");
    }
}
