package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration;
import nl.samenredzaam.calendar.api.UpcomingActivity;
import nl.samenredzaam.volunteering.internal.calendar.CalendarBridge;
import nl.samenredzaam.volunteering.internal.db.TestDb;

/** "Vervoer naar een activiteit": offered only while the calendar is there and enabled; free text otherwise. */
class CalendarCooperationDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    static final CalendarService CALENDAR = new CalendarService() {
        @Override
        public List<UpcomingActivity> upcoming(Sql sql, OffsetDateTime from, OffsetDateTime to, int limit) {
            return List.of(new UpcomingActivity(12, "Koffieochtend", "ontmoeten", OffsetDateTime.parse("2026-12-03T10:00+01:00"),
                    OffsetDateTime.parse("2026-12-03T11:30+01:00"), "Dorpshuis De Linde", 8, "/calendar/activities/12"));
        }

        @Override
        public Registration register(Sql sql, long activityId, OffsetDateTime start, Participant participant) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Registration> registration(Sql sql, long registrationId) {
            return Optional.empty();
        }
    };

    /** The platform's switchboard: the initiatives that have the calendar on. */
    private final java.util.Set<Long> calendarOn = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final nl.samenredzaam.api.module.ModuleSwitches switches = (initiative, module) -> module.equals("calendar")
            && calendarOn.contains(initiative);

    private void switchCalendar(Sql sql, boolean enabled) {
        if (enabled) {
            calendarOn.add(sql.initiativeId());
        } else {
            calendarOn.remove(sql.initiativeId());
        }
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void transportToAnActivityIsOfferedOnlyWhileTheCalendarIsEnabled(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        Web withCalendar = new Web(Clock.fixed(NOW, ZoneOffset.UTC), () -> new CalendarBridge(CALENDAR), () -> null, () -> switches);
        Web without = new Web(Clock.fixed(NOW, ZoneOffset.UTC), () -> null, () -> null, () -> switches);
        Web noSwitchboard = new Web(Clock.fixed(NOW, ZoneOffset.UTC), () -> new CalendarBridge(CALENDAR), () -> null, () -> null);
        assertTrue(db.transaction(ini, sql -> withCalendar.activities(sql)).isEmpty(), "not enabled for the initiative");
        db.transaction(ini, sql -> {
            switchCalendar(sql, true);
            return null;
        });
        List<Activity> offered = db.transaction(ini, sql -> withCalendar.activities(sql));
        assertEquals(1, offered.size());
        assertEquals("Koffieochtend", offered.get(0).title());
        assertEquals(Instant.parse("2026-12-03T09:00:00Z"), offered.get(0).start());
        assertTrue(db.transaction(ini, sql -> without.activities(sql)).isEmpty(), "calendar bundle not there");
        assertTrue(db.transaction(ini, sql -> noSwitchboard.activities(sql)).isEmpty(), "no switchboard: free text");
        assertTrue(db.transaction(db.newInitiative(), sql -> withCalendar.activities(sql)).isEmpty(), "another initiative");
        db.transaction(ini, sql -> {
            switchCalendar(sql, false);
            return null;
        });
        assertTrue(db.transaction(ini, sql -> withCalendar.activities(sql)).isEmpty(), "switched off again");
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void theFormFallsBackToFreeTextWithoutTheCalendar(Sql.Dialect dialect) throws Exception {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        VolunteeringModule module = new VolunteeringModule(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        var form = module.routes().stream().filter(r -> r.kind() == Route.Kind.PAGE && r.path().equals("/vragen/nieuw")).findFirst()
                .orElseThrow().handler();
        String html = db.transaction(ini, sql -> form.handle(HandlersDbTest.member(sql, 2, "Gerrit", Role.RESIDENT).build()).body().toString());
        assertTrue(!html.contains("id=\"activity\""), "no activity choice without the calendar");
        assertTrue(html.contains("id=\"description\""));
    }
}
