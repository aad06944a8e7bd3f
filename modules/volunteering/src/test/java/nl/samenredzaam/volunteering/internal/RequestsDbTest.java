package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.volunteering.api.HelpRequestDraft;
import nl.samenredzaam.volunteering.api.HelpRequestStatus;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;
import nl.samenredzaam.volunteering.internal.ProfileRepository.ProfileInput;
import nl.samenredzaam.volunteering.internal.Requests.Action;
import nl.samenredzaam.volunteering.internal.Requests.ActionInput;
import nl.samenredzaam.volunteering.internal.Requests.Policy;
import nl.samenredzaam.volunteering.internal.db.TestDb;
import nl.samenredzaam.volunteering.internal.matching.Ranking;
import nl.samenredzaam.volunteering.internal.matching.Reason;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/** The workflow on real databases: H2 and PostgreSQL. */
class RequestsDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final Viewer RIA = new Viewer(1, "Ria Jansen", true, false, false);
    static final Viewer GERRIT = new Viewer(2, "Gerrit de Boer", false, false, true);
    static final Viewer SANNE = new Viewer(4, "Sanne Meijer", false, true, false);
    static final Viewer YOUSSEF = new Viewer(5, "Youssef El Amrani", false, true, false);

    private final RequestRepository requests = new RequestRepository();
    private final ProfileRepository profiles = new ProfileRepository();
    private final Requests service = new Requests(requests, profiles, Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

    static NewRequest request(Long resident, String name, boolean vulnerable, Visibility visibility, boolean onBehalf) {
        return new NewRequest("boodschappen", "Boodschappen bij de Spar", resident, name, "06 12345678", "Lindelaan 12", "Dorpskern",
                WhenKind.FLEXIBLE, null, null, null, null, Urgency.NORMAL, vulnerable, visibility, onBehalf, null, null, null, null);
    }

    void volunteer(Sql sql, Viewer v, VogStatus vog, LocalDate issued, String... skills) {
        profiles.save(sql, v.userId(), new ProfileInput(v.name(), Set.of(skills), "", 0, List.of(), false, "Nederlands", true), NOW);
        profiles.saveVog(sql, v.userId(), vog, issued, "45", NOW);
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void theWholeWorkflowFromSubmittedToClosed(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long id = db.transaction(ini, sql -> {
            volunteer(sql, SANNE, VogStatus.NONE, null, "boodschappen");
            return service.create(sql, GERRIT, request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, false), Policy.DEFAULT);
        });
        assertEquals(State.SUBMITTED, state(db, ini, id));
        act(db, ini, RIA, id, new ActionInput(Action.PUBLISH, null, null, null));
        act(db, ini, RIA, id, new ActionInput(Action.PROPOSE, SANNE.userId(), null, null));
        HelpRequest proposed = db.transaction(ini, sql -> requests.find(sql, id).orElseThrow());
        assertEquals(State.PROPOSED, proposed.state());
        assertFalse(Requests.canSeeContact(SANNE, proposed), "no address before confirmation");
        act(db, ini, SANNE, id, new ActionInput(Action.ACCEPT, null, null, null));
        HelpRequest confirmed = db.transaction(ini, sql -> requests.find(sql, id).orElseThrow());
        assertEquals(State.CONFIRMED, confirmed.state());
        assertTrue(Requests.canSeeContact(SANNE, confirmed));
        assertEquals(NOW, confirmed.matchedAt());
        act(db, ini, SANNE, id, new ActionInput(Action.COMPLETE, null, 90, "Gezellig"));
        act(db, ini, GERRIT, id, new ActionInput(Action.CLOSE, null, null, "Fijn geholpen, dank je wel Sanne!"));
        HelpRequest closed = db.transaction(ini, sql -> requests.find(sql, id).orElseThrow());
        assertEquals(State.CLOSED, closed.state());
        assertEquals("Fijn geholpen, dank je wel Sanne!", closed.residentFeedback());
        assertEquals(90, closed.minutesSpent());
        assertEquals("Gezellig", closed.feedback());
        List<String> events = db.transaction(ini, sql -> sql.list("select to_state from volunteering_event where initiative_id = :initiative "
                + "and request_id = :id order by id", r -> r.getString("to_state"), "id", id));
        assertEquals(List.of("SUBMITTED", "OPEN", "PROPOSED", "CONFIRMED", "DONE", "CLOSED"), events);
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void illegalMovesAndOtherPeoplesActionsAreRefused(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long id = db.transaction(ini, sql -> {
            volunteer(sql, SANNE, VogStatus.NONE, null);
            return service.create(sql, RIA, request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, true), Policy.DEFAULT);
        });
        assertEquals(State.OPEN, state(db, ini, id), "a coordinator's request is open at once");
        assertEquals(409, fail(db, ini, RIA, id, new ActionInput(Action.COMPLETE, null, 30, null)).status());
        assertEquals(409, fail(db, ini, RIA, id, new ActionInput(Action.CLOSE, null, null, null)).status());
        assertEquals(403, fail(db, ini, SANNE, id, new ActionInput(Action.PUBLISH, null, null, null)).status());
        assertEquals(403, fail(db, ini, GERRIT, id, new ActionInput(Action.PROPOSE, 4L, null, null)).status());
        assertEquals(400, fail(db, ini, RIA, id, new ActionInput(Action.PROPOSE, null, null, null)).status());
        assertEquals(400, fail(db, ini, RIA, id, new ActionInput(Action.PROPOSE, 99L, null, null)).status());
        act(db, ini, GERRIT, id, new ActionInput(Action.CANCEL, null, null, null));
        assertEquals(409, fail(db, ini, RIA, id, new ActionInput(Action.REOPEN, null, null, null)).status(), "cancelled is final");
        assertEquals(State.CANCELLED, state(db, ini, id));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aRequestWithAVulnerablePersonNeedsAValidVog(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long id = db.transaction(ini, sql -> {
            volunteer(sql, SANNE, VogStatus.ISSUED, TODAY.minusYears(3), "gezelschap"); // expired today
            volunteer(sql, YOUSSEF, VogStatus.ISSUED, TODAY.minusYears(1));
            return service.create(sql, RIA, request(2L, "Gerrit de Boer", true, Visibility.VOLUNTEERS, true), Policy.DEFAULT);
        });
        Ranking ranking = db.transaction(ini, sql -> new Matching(requests, profiles).suggest(sql, requests.find(sql, id).orElseThrow(), TODAY, 10));
        assertEquals(List.of(YOUSSEF.userId()), ranking.suggestions().stream().map(s -> s.candidate().userId()).toList());
        assertEquals(1, ranking.withoutValidVog());
        assertEquals(409, fail(db, ini, SANNE, id, new ActionInput(Action.ACCEPT, null, null, null)).status());
        assertEquals(409, fail(db, ini, RIA, id, new ActionInput(Action.PROPOSE, SANNE.userId(), null, null)).status());
        assertEquals(409, fail(db, ini, RIA, id, new ActionInput(Action.CONFIRM, SANNE.userId(), null, null)).status());
        assertEquals(State.OPEN, state(db, ini, id));
        act(db, ini, YOUSSEF, id, new ActionInput(Action.ACCEPT, null, null, null));
        assertEquals(State.CONFIRMED, state(db, ini, id));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void theVolunteerWhoHelpedThisPersonBeforeRanksFirst(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long earlier = db.transaction(ini, sql -> {
            volunteer(sql, SANNE, VogStatus.NONE, null);
            volunteer(sql, YOUSSEF, VogStatus.NONE, null, "boodschappen");
            return service.create(sql, RIA, request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, true), Policy.DEFAULT);
        });
        act(db, ini, SANNE, earlier, new ActionInput(Action.ACCEPT, null, null, null));
        act(db, ini, SANNE, earlier, new ActionInput(Action.COMPLETE, null, 60, null));
        long next = db.transaction(ini, sql -> service.create(sql, GERRIT, request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, false),
                Policy.DEFAULT));
        Ranking ranking = db.transaction(ini, sql -> new Matching(requests, profiles).suggest(sql, requests.find(sql, next).orElseThrow(), TODAY, 10));
        assertEquals(SANNE.userId(), ranking.suggestions().get(0).candidate().userId());
        assertTrue(ranking.suggestions().get(0).reasons().stream().anyMatch(r -> r.kind() == Reason.Kind.CONTINUITY && r.count() == 1));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aCoordinatorOnlyRequestTakenByPhoneRecordsBothPeopleAndNeverReachesVolunteers(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long id = db.transaction(ini, sql -> {
            volunteer(sql, SANNE, VogStatus.NONE, null);
            return service.create(sql, RIA, request(null, "Mevrouw A. Hendriks", false, Visibility.COORDINATORS, true), Policy.DEFAULT);
        });
        HelpRequest r = db.transaction(ini, sql -> requests.find(sql, id).orElseThrow());
        assertTrue(r.onBehalf());
        assertEquals(RIA.userId(), r.createdByUserId());
        assertEquals("Ria Jansen", r.createdByName());
        assertEquals("Mevrouw A. Hendriks", r.residentName());
        assertNull(r.residentUserId());
        assertEquals(State.OPEN, r.state());
        assertTrue(db.transaction(ini, sql -> requests.openForVolunteers(sql)).isEmpty());
        assertTrue(db.transaction(ini, sql -> service.visible(sql, SANNE, id)).isEmpty());
        assertEquals(404, fail(db, ini, SANNE, id, new ActionInput(Action.ACCEPT, null, null, null)).status());
        // the coordinator matches it personally; then (and only then) that volunteer sees it
        act(db, ini, RIA, id, new ActionInput(Action.PROPOSE, SANNE.userId(), null, null));
        assertTrue(db.transaction(ini, sql -> service.visible(sql, SANNE, id)).isPresent());
        assertTrue(db.transaction(ini, sql -> service.visible(sql, YOUSSEF, id)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void twoVolunteersAcceptingAtOnce_exactlyOneWins(Sql.Dialect dialect) throws Exception {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        int threads = 3; // the test pool has 4 connections; each thread holds one while it waits
        long id = db.transaction(ini, sql -> {
            for (int i = 0; i < threads; i++) {
                volunteer(sql, new Viewer(100 + i, "V" + i, false, true, false), VogStatus.NONE, null);
            }
            return service.create(sql, RIA, request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, true), Policy.DEFAULT);
        });
        CyclicBarrier readBoth = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                long volunteer = 100 + i;
                Callable<Long> task = () -> db.transaction(ini, sql -> {
                    HelpRequest seen = requests.find(sql, id).orElseThrow();
                    assertEquals(State.OPEN, seen.state());
                    readBoth.await(10, TimeUnit.SECONDS); // everyone has read OPEN before anyone writes
                    Map<String, Object> sets = new java.util.LinkedHashMap<>();
                    sets.put("volunteer_user_id", volunteer);
                    sets.put("volunteer_name", "V" + volunteer);
                    return requests.move(sql, id, State.OPEN, State.CONFIRMED, sets, null, volunteer, NOW) ? volunteer : -1L;
                });
                results.add(pool.submit(task));
            }
            List<Long> winners = new ArrayList<>();
            for (Future<Long> f : results) {
                long v = f.get(30, TimeUnit.SECONDS);
                if (v > 0) {
                    winners.add(v);
                }
            }
            assertEquals(1, winners.size(), "exactly one volunteer wins: " + winners);
            HelpRequest after = db.transaction(ini, sql -> requests.find(sql, id).orElseThrow());
            assertEquals(State.CONFIRMED, after.state());
            assertEquals(winners.get(0), after.volunteerUserId());
            assertEquals(1, db.transaction(ini, sql -> sql.list("select id from volunteering_event where initiative_id = :initiative "
                    + "and request_id = :id and to_state = 'CONFIRMED'", x -> x.getLong("id"), "id", id)).size());
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void theAcceptActionUnderRaceAnswers409ToEveryoneButOne(Sql.Dialect dialect) throws Exception {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long id = db.transaction(ini, sql -> {
            volunteer(sql, SANNE, VogStatus.NONE, null);
            volunteer(sql, YOUSSEF, VogStatus.NONE, null);
            return service.create(sql, RIA, request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, true), Policy.DEFAULT);
        });
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Viewer v : List.of(SANNE, YOUSSEF)) {
                results.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    try {
                        act(db, ini, v, id, new ActionInput(Action.ACCEPT, null, null, null));
                        return 200;
                    } catch (ProblemException e) {
                        return e.status();
                    }
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : results) {
                statuses.add(f.get(30, TimeUnit.SECONDS));
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void dataOfOneInitiativeNeverAppearsInAnother(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long a = db.newInitiative();
        long b = db.newInitiative();
        long id = db.transaction(a, sql -> service.create(sql, RIA, request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, true),
                Policy.DEFAULT));
        assertTrue(db.transaction(b, sql -> service.visible(sql, RIA, id)).isEmpty());
        assertTrue(db.transaction(b, sql -> requests.all(sql, null)).isEmpty());
        assertTrue(db.transaction(b, sql -> requests.openForVolunteers(sql)).isEmpty());
        assertEquals(404, fail(db, b, RIA, id, new ActionInput(Action.CANCEL, null, null, null)).status());
        assertEquals(State.OPEN, state(db, a, id));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void otherModulesFileCoordinatorOnlyRequestsAndFollowTheirStatus(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        HelpRequestServiceImpl cooperation = new HelpRequestServiceImpl(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC), null);
        long id = db.transaction(ini, sql -> {
            volunteer(sql, SANNE, VogStatus.ISSUED, TODAY.minusYears(1));
            return cooperation.requestHelp(sql, new HelpRequestDraft("gezelschap", "Maatje om mee te wandelen", 2L, "Gerrit de Boer",
                    null, null, null, null, true, "referral:42"));
        });
        HelpRequest r = db.transaction(ini, sql -> requests.find(sql, id).orElseThrow());
        assertEquals(State.SUBMITTED, r.state());
        assertEquals(Visibility.COORDINATORS, r.visibility());
        assertEquals("referral:42", r.source());
        assertTrue(r.oneToOneVulnerable());
        assertNull(db.transaction(ini, sql -> cooperation.status(sql, id)).orElseThrow().volunteerFirstName());
        act(db, ini, RIA, id, new ActionInput(Action.CONFIRM, SANNE.userId(), null, null));
        HelpRequestStatus status = db.transaction(ini, sql -> cooperation.status(sql, id)).orElseThrow();
        assertEquals(State.CONFIRMED, status.state());
        assertEquals("Sanne", status.volunteerFirstName());
        assertEquals("/volunteering/vragen/" + id, status.path());
        assertThrows(IllegalArgumentException.class, () -> db.transaction(ini, sql -> cooperation.requestHelp(sql,
                new HelpRequestDraft("raket", "x", null, "X", null, null, null, null, false, "referral:1"))));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void requestsWhoseDateHasPassedExpire(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        NewRequest dated = new NewRequest("tuin", "Heg", 2L, "Gerrit", null, null, null, WhenKind.DATE, TODAY.minusDays(1), null, null,
                null, Urgency.LOW, false, Visibility.VOLUNTEERS, false, null, null, null, null);
        NewRequest future = new NewRequest("tuin", "Heg", 2L, "Gerrit", null, null, null, WhenKind.DATE, TODAY, null, null, null,
                Urgency.LOW, false, Visibility.VOLUNTEERS, false, null, null, null, null);
        long old = db.transaction(ini, sql -> requests.insert(sql, dated, State.OPEN, 2L, "Gerrit", NOW));
        long today = db.transaction(ini, sql -> requests.insert(sql, future, State.OPEN, 2L, "Gerrit", NOW));
        assertEquals(Integer.valueOf(1), db.transaction(ini, sql -> service.expireOverdue(sql)));
        assertEquals(State.EXPIRED, state(db, ini, old));
        assertEquals(State.OPEN, state(db, ini, today));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void recurringHelpKeepsTheSameVolunteerWherePossible(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long first = db.transaction(ini, sql -> {
            volunteer(sql, SANNE, VogStatus.NONE, null);
            return service.create(sql, RIA, request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, true), Policy.DEFAULT);
        });
        assertEquals(409, assertThrows(ProblemException.class, () -> db.transaction(ini, sql -> service.repeat(sql, GERRIT, first, null)))
                .status(), "only help that was given");
        act(db, ini, SANNE, first, new ActionInput(Action.ACCEPT, null, null, null));
        act(db, ini, SANNE, first, new ActionInput(Action.COMPLETE, null, 60, null));
        assertEquals(403, assertThrows(ProblemException.class, () -> db.transaction(ini, sql -> service.repeat(sql, SANNE, first, null)))
                .status());
        long again = db.transaction(ini, sql -> service.repeat(sql, GERRIT, first, TODAY.plusDays(7)));
        HelpRequest r = db.transaction(ini, sql -> requests.find(sql, again).orElseThrow());
        assertEquals(State.PROPOSED, r.state());
        assertEquals(SANNE.userId(), r.volunteerUserId());
        assertEquals(TODAY.plusDays(7), r.preferredDate());
        assertEquals("volunteering:" + first, r.source());
        // Sanne stops for now: the next repeat is open for others
        db.transaction(ini, sql -> {
            profiles.save(sql, SANNE.userId(), new ProfileInput(SANNE.name(), Set.of(), "", 0, List.of(), false, "", false), NOW);
            return null;
        });
        long third = db.transaction(ini, sql -> service.repeat(sql, RIA, first, null));
        HelpRequest t = db.transaction(ini, sql -> requests.find(sql, third).orElseThrow());
        assertEquals(State.OPEN, t.state());
        assertNull(t.volunteerUserId());
    }

    private State state(TestDb db, long ini, long id) {
        return db.transaction(ini, sql -> requests.find(sql, id).orElseThrow().state());
    }

    private void act(TestDb db, long ini, Viewer v, long id, ActionInput input) {
        db.transaction(ini, sql -> service.act(sql, v, id, input, Policy.DEFAULT));
    }

    private ProblemException fail(TestDb db, long ini, Viewer v, long id, ActionInput input) {
        return assertThrows(ProblemException.class, () -> act(db, ini, v, id, input));
    }
}
