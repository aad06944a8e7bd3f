package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.consent.ConsentPurpose;
import nl.samenredzaam.api.consent.ConsentPurposes;
import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.AuditEntry;
import nl.samenredzaam.identity.platform.AuditQuery;
import nl.samenredzaam.identity.platform.ConsentChannel;
import nl.samenredzaam.identity.platform.ConsentRecord;
import nl.samenredzaam.identity.platform.ConsentStatus;
import nl.samenredzaam.identity.platform.ConsentStatus.State;

/** The consent register: give, withdraw, text versions, who may record, audit, export and erasure; on H2 and PostgreSQL. */
class ConsentDbTest {

    /** A module's declared purposes that a test can change, like a new bundle version with a new text. */
    static final class Declared implements ConsentPurposes {
        volatile ConsentPurpose phone = purpose(1);

        static ConsentPurpose purpose(int version) {
            return new ConsentPurpose("share-phone", version, Text.of("Telefoonnummer delen", "Share phone number"),
                    Text.of("Mijn telefoonnummer mag naar de vrijwilliger (versie " + version + ").",
                            "My phone number may go to the volunteer (version " + version + ")."),
                    Text.of("De coördinator belt u.", "The coordinator calls you."));
        }

        @Override
        public String moduleId() {
            return "calendar";
        }

        @Override
        public List<ConsentPurpose> purposes() {
            return List.of(phone);
        }
    }

    private static final class World {
        final Fixture f;
        final Declared declared = new Declared();
        final Account resident;
        final Actor residentActor;

        World(Dialect dialect) {
            f = new Fixture(dialect);
            f.service.addConsentPurposes(declared);
            resident = f.person(Role.RESIDENT);
            residentActor = f.actor(resident);
        }

        ConsentStatus give(Actor by, long person, int version) {
            return f.service.record(by, f.initiative, person, "calendar", "share-phone", version, true, ConsentChannel.WEB, "nl", "192.0.2.1");
        }

        ConsentStatus withdraw(Actor by, long person, int version) {
            return f.service.record(by, f.initiative, person, "calendar", "share-phone", version, false, ConsentChannel.WEB, "nl", "192.0.2.1");
        }

        boolean counts(long person) {
            return f.database.db.transaction(f.initiative.id(), sql -> f.service.given(sql, person, "calendar", declared.phone));
        }

        int rows(long person) {
            return f.database.db.transaction(f.initiative.id(), sql -> sql.first(
                    "select count(*) from identity_consent where initiative_id = :initiative and user_id = :user", r -> r.getInt(1),
                    "user", person)).orElseThrow();
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void givingAndWithdrawingAreOneCallEachAndTheHistoryKeepsBoth(Dialect dialect) {
        World w = new World(dialect);
        List<ConsentStatus> before = w.f.service.consents(w.residentActor, w.f.initiative, w.resident.id());
        assertEquals(1, before.size());
        assertEquals(State.NOT_ASKED, before.get(0).state());
        assertFalse(w.counts(w.resident.id()));

        ConsentStatus given = w.give(w.residentActor, w.resident.id(), 1);
        assertEquals(State.GIVEN, given.state());
        assertTrue(w.counts(w.resident.id()));

        w.f.clock.advance(Duration.ofDays(3));
        ConsentStatus withdrawn = w.withdraw(w.residentActor, w.resident.id(), 1);
        assertEquals(State.WITHDRAWN, withdrawn.state());
        assertFalse(w.counts(w.resident.id()));
        assertEquals(w.f.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), withdrawn.since(), "UTC, whole seconds");

        List<ConsentRecord> history = withdrawn.history();
        assertEquals(2, history.size());
        assertFalse(history.get(0).given(), "newest first");
        assertTrue(history.get(1).given());
        assertEquals(ConsentChannel.WEB, history.get(1).channel());
        assertEquals(w.resident.id(), history.get(1).recordedBy());
        assertEquals(1, history.get(1).textVersion());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aConsentForAnOlderTextDoesNotCountAndThePersonIsAskedAgain(Dialect dialect) {
        World w = new World(dialect);
        w.give(w.residentActor, w.resident.id(), 1);
        assertTrue(w.counts(w.resident.id()));

        w.declared.phone = Declared.purpose(2); // the module's new version changes the text
        assertFalse(w.counts(w.resident.id()), "given for version 1, the text is now version 2");
        assertEquals(State.OUTDATED, w.f.service.consents(w.residentActor, w.f.initiative, w.resident.id()).get(0).state());

        ProblemException stale = assertThrows(ProblemException.class, () -> w.give(w.residentActor, w.resident.id(), 1),
                "a form still showing the old text");
        assertEquals(409, stale.status());

        assertEquals(State.GIVEN, w.give(w.residentActor, w.resident.id(), 2).state());
        assertTrue(w.counts(w.resident.id()));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aModuleRecordsWhatItAskedInItsOwnFormForTheCurrentText(Dialect dialect) {
        World w = new World(dialect);
        Account ria = w.f.person(Role.COORDINATOR);
        java.time.Instant lastWeek = w.f.clock.instant().minus(Duration.ofDays(7));
        w.f.database.db.transaction(w.f.initiative.id(), sql -> {
            w.f.service.record(sql, w.resident.id(), "calendar", w.declared.phone, true, ria.id(), lastWeek);
            return null;
        });
        assertTrue(w.counts(w.resident.id()));
        ConsentRecord r = w.f.service.consents(w.residentActor, w.f.initiative, w.resident.id()).get(0).history().get(0);
        assertEquals(ConsentChannel.PAPER, r.channel(), "recorded by someone else");
        assertEquals(lastWeek.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.at());
        w.f.database.db.transaction(w.f.initiative.id(), sql -> {
            w.f.service.record(sql, w.resident.id(), "calendar", w.declared.phone, false, w.resident.id(), w.f.clock.instant());
            return null;
        });
        assertFalse(w.counts(w.resident.id()));
        assertEquals(ConsentChannel.WEB, w.f.service.consents(w.residentActor, w.f.initiative, w.resident.id()).get(0).history().get(0).channel());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theSameAnswerTwiceRecordsOnce(Dialect dialect) {
        World w = new World(dialect);
        w.withdraw(w.residentActor, w.resident.id(), 1);
        assertEquals(0, w.rows(w.resident.id()), "withdrawing what was never given records nothing");
        w.give(w.residentActor, w.resident.id(), 1);
        w.give(w.residentActor, w.resident.id(), 1);
        assertEquals(1, w.rows(w.resident.id()));
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aCoordinatorRecordsAPaperFormAndTheAuditLogNamesBothPeople(Dialect dialect) {
        World w = new World(dialect);
        Account ria = w.f.person(Role.COORDINATOR);
        Actor coordinator = w.f.actor(ria);
        assertEquals(List.of(w.resident.id()), w.f.service.recordableFor(coordinator, w.f.initiative).stream()
                .map(m -> m.userId()).filter(id -> id == w.resident.id()).toList());

        ConsentStatus s = w.give(coordinator, w.resident.id(), 1);
        assertEquals(State.GIVEN, s.state());
        assertEquals(ConsentChannel.PAPER, s.history().get(0).channel(), "someone else records: always a paper form");
        assertEquals(ria.id(), s.history().get(0).recordedBy());
        assertTrue(w.counts(w.resident.id()));

        Actor admin = w.f.actor(w.f.admin());
        AuditEntry entry = w.f.service.read(admin, w.f.initiative, AuditQuery.all(1).withRecordType("identity.consent")).entries().get(0);
        assertEquals(ria.id(), entry.userId());
        assertEquals(w.resident.id(), entry.onBehalfOf());
        assertEquals(w.resident.id(), entry.clientId());
        assertEquals(AuditEvent.Action.CREATE, entry.action());
        assertEquals("consent", entry.purpose());

        w.withdraw(w.residentActor, w.resident.id(), 1);
        AuditEntry own = w.f.service.read(admin, w.f.initiative, AuditQuery.all(1).withRecordType("identity.consent")).entries().get(0);
        assertEquals(w.resident.id(), own.userId());
        assertNull(own.onBehalfOf(), "the person themself");
        assertEquals(AuditEvent.Action.UPDATE, own.action());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void othersMayNotRecordOrRead(Dialect dialect) {
        World w = new World(dialect);
        Actor volunteer = w.f.actor(w.f.person(Role.VOLUNTEER));
        assertEquals(403, assertThrows(ProblemException.class, () -> w.give(volunteer, w.resident.id(), 1)).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> w.f.service.consents(volunteer, w.f.initiative, w.resident.id())).status());
        assertTrue(w.f.service.recordableFor(volunteer, w.f.initiative).isEmpty());

        Initiative other = w.f.newInitiative();
        Account stranger = w.f.person(other, Role.COORDINATOR);
        Actor strangerHere = w.f.service.actor(stranger, w.f.initiative);
        assertEquals(403, assertThrows(ProblemException.class, () -> w.give(strangerHere, w.resident.id(), 1)).status(),
                "a coordinator of another initiative");
        Actor strangerThere = w.f.service.actor(stranger, other);
        assertEquals(404, assertThrows(ProblemException.class, () -> w.f.service.record(strangerThere, other, w.resident.id(),
                "calendar", "share-phone", 1, true, ConsentChannel.WEB, "nl", null)).status(), "the resident is no member there");

        w.give(w.residentActor, w.resident.id(), 1);
        Account sameResidentElsewhere = w.resident;
        w.f.database.db.transaction(other.id(), sql -> new nl.samenredzaam.identity.internal.store.MembershipRepository()
                .add(sql, sameResidentElsewhere.id(), Role.RESIDENT, java.time.Instant.EPOCH));
        boolean there = w.f.database.db.transaction(other.id(), sql -> w.f.service.given(sql, w.resident.id(), "calendar", w.declared.phone));
        assertFalse(there, "a consent in one initiative does not count in another");
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void onlyPurposesOfEnabledModulesAreShownOrRecorded(Dialect dialect) {
        World w = new World(dialect);
        w.f.modules.switchOff(w.f.initiative.id(), "calendar");
        assertTrue(w.f.service.consents(w.residentActor, w.f.initiative, w.resident.id()).isEmpty());
        assertEquals(404, assertThrows(ProblemException.class, () -> w.give(w.residentActor, w.resident.id(), 1)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> w.f.service.record(w.residentActor, w.f.initiative, w.resident.id(),
                "calendar", "no-such-purpose", 1, true, ConsentChannel.WEB, "nl", null)).status());
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @SuppressWarnings("unchecked")
    void theExportHoldsTheHistoryAndErasureAnonymisesIt(Dialect dialect) {
        World w = new World(dialect);
        w.give(w.residentActor, w.resident.id(), 1);
        w.withdraw(w.residentActor, w.resident.id(), 1);
        w.give(w.residentActor, w.resident.id(), 1);
        IdentityPrivacy privacy = new IdentityPrivacy();
        Person person = new Person(w.resident.id(), w.resident.displayName(), null, null, null);

        Map<String, Object> out = w.f.database.db.transaction(w.f.initiative.id(), sql -> privacy.export(sql, person));
        List<Map<String, Object>> consents = (List<Map<String, Object>>) out.get("consents");
        assertEquals(3, consents.size());
        assertEquals("calendar", consents.get(0).get("module"));
        assertEquals("share-phone", consents.get(0).get("purpose"));
        assertEquals(true, consents.get(0).get("given"));
        assertEquals("self", consents.get(0).get("recordedBy"));

        Erasure erasure = w.f.database.db.transaction(w.f.initiative.id(), sql -> privacy.erase(sql, person));
        assertTrue(erasure.anonymised() >= 3);
        assertTrue(erasure.kept().stream().anyMatch(k -> k.contains("toestemmingen") && k.contains("art. 7")), erasure.kept().toString());
        assertEquals(3, w.rows(w.resident.id()), "kept as proof");
        assertFalse(w.counts(w.resident.id()), "an erased consent no longer counts");
        List<Map<String, Object>> after = (List<Map<String, Object>>) w.f.database.db.transaction(w.f.initiative.id(),
                sql -> privacy.export(sql, person)).get("consents");
        assertTrue(after.stream().allMatch(c -> Boolean.TRUE.equals(c.get("erased"))));
        assertEquals(0, (int) w.f.database.db.transaction(w.f.initiative.id(), sql -> sql.first("select count(*) from identity_consent "
                + "where initiative_id = :initiative and user_id = :user and language is not null", r -> r.getInt(1), "user", w.resident.id()))
                .orElseThrow());
    }
}
