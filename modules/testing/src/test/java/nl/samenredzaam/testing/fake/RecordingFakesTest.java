package nl.samenredzaam.testing.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.audit.AuditRecord;
import nl.samenredzaam.api.data.RowMapper;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.event.DomainEvents;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.module.Role;

class RecordingFakesTest {

    /** An Sql that only knows its initiative, enough for fakes that look at nothing else. */
    private static Sql sqlFor(long initiativeId) {
        return new Sql() {
            @Override
            public long initiativeId() {
                return initiativeId;
            }

            @Override
            public <T> List<T> list(String sql, RowMapper<T> mapper, Object... namesAndValues) {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... namesAndValues) {
                throw new UnsupportedOperationException();
            }

            @Override
            public int update(String sql, Object... namesAndValues) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long insert(String sql, Object... namesAndValues) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void afterCommit(Runnable hook) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Dialect dialect() {
                return Dialect.H2;
            }
        };
    }

    @Test
    void clockIsSetAndAdvancedAndZoneViewsFollow() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        MutableClock utc = clock.withZone(ZoneId.of("UTC"));
        assertEquals(ZoneId.of("Europe/Amsterdam"), clock.getZone());
        clock.advance(Duration.ofHours(25));
        assertEquals(Instant.parse("2026-03-03T10:00:00Z"), clock.instant());
        assertEquals(Instant.parse("2026-03-03T10:00:00Z"), utc.instant());
        utc.set(Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(Instant.parse("2027-01-01T00:00:00Z"), clock.instant());
        assertEquals(clock.instant().toEpochMilli(), clock.millis());
    }

    @Test
    void auditTrailAnswersPerInitiativeNewestFirst() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        RecordingAudit audit = new RecordingAudit(clock);
        FakeActor volunteer = FakeActor.of(5, "Vera", Role.VOLUNTEER).onBehalfOf(12);
        audit.record(1, volunteer, AuditEvent.of(AuditEvent.Action.READ, "dossier", 3, 12L, "hulp"));
        clock.advance(Duration.ofMinutes(5));
        audit.record(1, null, AuditEvent.of(AuditEvent.Action.UPDATE, "dossier", 3, 12L, "hulp"));
        audit.record(2, volunteer, AuditEvent.of(AuditEvent.Action.READ, "dossier", 3, 12L, "andere buurt"));

        List<AuditRecord> aboutClient = audit.aboutClient(sqlFor(1), 12, 10);
        assertEquals(List.of(AuditEvent.Action.UPDATE, AuditEvent.Action.READ), aboutClient.stream().map(AuditRecord::action).toList());
        assertEquals("Vera", aboutClient.get(1).actorName());
        assertTrue(aboutClient.get(1).onBehalfOf());
        assertEquals("VOLUNTEER", aboutClient.get(1).roles());
        assertEquals(1, audit.aboutClient(sqlFor(1), 12, 1).size());
        assertEquals(1, audit.aboutRecord(sqlFor(2), "dossier", "3", 10).size());
        assertEquals(0, audit.aboutRecord(sqlFor(1), "dossier", "4", 10).size());
        assertEquals(2, audit.events(AuditEvent.Action.READ).size());
        audit.clear();
        assertEquals(List.of(), audit.entries());
    }

    @Test
    void mailerRecordsWithTheInitiative() {
        RecordingMailer mailer = new RecordingMailer();
        mailer.send(sqlFor(4), new Mail("Ria@example.org", "Welkom", "Fijn dat u er bent."));
        mailer.send(sqlFor(4), new Mail("jan@example.org", "Hallo", "..."));
        assertEquals(1, mailer.sentTo("ria@example.org").size());
        assertEquals(4, mailer.sent().get(0).initiativeId());
        mailer.clear();
        assertEquals(List.of(), mailer.sent());
    }

    @Test
    void eventAdminRecordsTopicsAndInitiative() {
        RecordingEventAdmin events = new RecordingEventAdmin();
        String topic = DomainEvents.topic("buurtnieuws", "item-posted");
        events.postEvent(new Event(topic, Map.of(DomainEvents.INITIATIVE, 3L, "item", 9L)));
        events.sendEvent(new Event(DomainEvents.MODULE_SWITCHED, Map.of()));
        assertEquals(List.of(topic, DomainEvents.MODULE_SWITCHED), events.topics());
        RecordingEventAdmin.Recorded posted = events.events(topic).get(0);
        assertEquals(3L, posted.initiativeId());
        assertEquals(9L, posted.property("item"));
        assertEquals(RecordingEventAdmin.Delivery.POSTED, posted.delivery());
        assertEquals(RecordingEventAdmin.Delivery.SENT, events.events(DomainEvents.MODULE_SWITCHED).get(0).delivery());
        events.clear();
        assertEquals(List.of(), events.events());
    }

    @Test
    void directoryKeepsInitiativesApart() {
        FakeDirectory directory = new FakeDirectory()
                .add(1, 10, "Willem", "willem@example.org", Role.VOLUNTEER)
                .add(1, 11, "Anna", "anna@example.org", Role.VOLUNTEER, Role.COORDINATOR)
                .add(2, 12, "Bart", "bart@example.org", Role.VOLUNTEER);
        assertEquals(List.of("Anna", "Willem"), directory.withRole(sqlFor(1), Role.VOLUNTEER).stream().map(Member::displayName).toList());
        assertTrue(directory.member(sqlFor(1), 11).isPresent());
        assertFalse(directory.member(sqlFor(1), 12).isPresent(), "a member of initiative 2 is not found in 1");
        directory.remove(1, 11);
        assertEquals(List.of(), directory.withRole(sqlFor(1), Role.COORDINATOR));
    }

    @Test
    void switchesAndSettingsArePerInitiative() {
        FakeModuleSwitches switches = new FakeModuleSwitches().enable(1, "buurtnieuws");
        assertTrue(switches.isEnabled(1, "buurtnieuws"));
        assertFalse(switches.isEnabled(2, "buurtnieuws"));
        switches.disable(1, "buurtnieuws");
        assertFalse(switches.isEnabled(1, "buurtnieuws"));

        FakeModuleSettings settings = new FakeModuleSettings().set(1, "buurtnieuws", "page-size", "5");
        assertEquals(Optional.of("5"), settings.value(1, "buurtnieuws", "page-size"));
        assertEquals(Optional.empty(), settings.value(2, "buurtnieuws", "page-size"));
        settings.unset(1, "buurtnieuws", "page-size");
        assertEquals(Optional.empty(), settings.value(1, "buurtnieuws", "page-size"));
    }

    @Test
    void actorPermissions() {
        FakeActor nobodyInParticular = FakeActor.of(1, "Gast");
        assertTrue(nobodyInParticular.has("public"));
        assertFalse(nobodyInParticular.has("member"));
        FakeActor coordinator = FakeActor.of(2, "Carla", Role.COORDINATOR).withDefaultPermissionsOf(new TinyModule());
        assertTrue(coordinator.has(TinyModule.WRITE));
        assertFalse(FakeActor.of(3, "Ria", Role.RESIDENT).withDefaultPermissionsOf(new TinyModule()).has(TinyModule.WRITE));
        assertTrue(FakeActor.of(3, "Ria").withPermissions("x.y").has("x.y"));
        assertTrue(coordinator.asOperator().isOperator());
        assertEquals(Optional.of(9L), coordinator.onBehalfOf(9).onBehalfOf());
    }

    @Test
    void demoContextKnowsThePlatformsDemoAccountsOnly() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        FakeDemoContext demo = new FakeDemoContext(clock);
        assertEquals(1001L, demo.userId("coordinator"));
        assertEquals(1008L, demo.userId("beheerder"));
        assertEquals(8, FakeDemoContext.ACCOUNTS.stream().map(demo::userId).distinct().count());
        assertEquals(clock.instant(), demo.clock().instant());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> demo.userId("admin"));
    }

    @Test
    void demoContextWithChosenIds() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        FakeDemoContext demo = new FakeDemoContext(clock, Map.of("coordinator", 31L, "resident", 40L));
        assertEquals(31L, demo.userId("coordinator"));
        assertEquals(40L, demo.userId("resident"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> demo.userId("volunteer"));
        assertEquals(clock.instant(), demo.clock().instant());
    }

    @Test
    void demoContextFromAnotherFirstId() {
        FakeDemoContext demo = new FakeDemoContext(MutableClock.at("2026-03-02T09:00:00Z"), 1);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), FakeDemoContext.ACCOUNTS.stream().map(demo::userId).toList());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> demo.userId("admin"));
    }
}
