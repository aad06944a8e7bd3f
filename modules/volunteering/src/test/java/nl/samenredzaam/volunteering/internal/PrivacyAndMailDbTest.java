package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.ProfileRepository.ProfileInput;
import nl.samenredzaam.volunteering.internal.Requests.Action;
import nl.samenredzaam.volunteering.internal.Requests.ActionInput;
import nl.samenredzaam.volunteering.internal.Requests.Policy;
import nl.samenredzaam.volunteering.internal.db.TestDb;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/** The privacy contract, e-mail notifications and VOG reminders, on H2 and PostgreSQL. */
class PrivacyAndMailDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    static final class Outbox implements Mailer {
        final List<Mail> sent = new ArrayList<>();

        @Override
        public void send(Sql sql, Mail mail) {
            sent.add(mail);
        }
    }

    static final Directory DIRECTORY = new Directory() {
        final List<Member> members = List.of(new Member(1, "Ria Jansen", "ria@example.org", Set.of(Role.COORDINATOR)),
                new Member(2, "Gerrit de Boer", "gerrit@example.org", Set.of(Role.RESIDENT)),
                new Member(4, "Sanne Meijer", "sanne@example.org", Set.of(Role.VOLUNTEER)));

        @Override
        public List<Member> withRole(Sql sql, Role role) {
            return members.stream().filter(m -> m.roles().contains(role)).toList();
        }

        @Override
        public Optional<Member> member(Sql sql, long userId) {
            return members.stream().filter(m -> m.userId() == userId).findFirst();
        }
    };

    private final RequestRepository requests = new RequestRepository();
    private final ProfileRepository profiles = new ProfileRepository();

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void mailsGoToThePeopleInvolvedAndNeverCarryTheAddressOrText(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        Outbox outbox = new Outbox();
        Requests service = new Requests(requests, profiles, new MailNotifier(outbox, DIRECTORY), Clock.fixed(NOW, ZoneOffset.UTC));
        long id = db.transaction(ini, sql -> {
            profiles.save(sql, 4, new ProfileInput("Sanne Meijer", Set.of(), "", 0, List.of(), false, "", true), NOW);
            return service.create(sql, RequestsDbTest.GERRIT, RequestsDbTest.request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, false),
                    Policy.DEFAULT);
        });
        assertEquals(List.of("ria@example.org"), outbox.sent.stream().map(Mail::to).toList(), "coordinators hear of a new request");
        outbox.sent.clear();
        db.transaction(ini, sql -> service.act(sql, RequestsDbTest.RIA, id, new ActionInput(Action.PROPOSE, 4L, null, null), Policy.DEFAULT));
        assertEquals(List.of("sanne@example.org"), outbox.sent.stream().map(Mail::to).toList());
        outbox.sent.clear();
        db.transaction(ini, sql -> service.act(sql, RequestsDbTest.SANNE, id, new ActionInput(Action.ACCEPT, null, null, null), Policy.DEFAULT));
        assertEquals(Set.of("sanne@example.org", "gerrit@example.org"), Set.copyOf(outbox.sent.stream().map(Mail::to).toList()));
        for (Mail m : outbox.sent) {
            assertFalse(m.body().contains("Lindelaan"), "no address in mail");
            assertFalse(m.body().contains("Spar"), "no free text in mail");
            assertFalse(m.subject().contains("Gerrit"), "no name in the subject");
        }
        outbox.sent.clear();
        db.transaction(ini, sql -> service.act(sql, RequestsDbTest.GERRIT, id, new ActionInput(Action.CANCEL, null, null, null), Policy.DEFAULT));
        assertEquals(Set.of("sanne@example.org", "gerrit@example.org"), Set.copyOf(outbox.sent.stream().map(Mail::to).toList()));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aVogReminderIsSentOnceNinetyDaysBeforeItExpires(Sql.Dialect dialect) throws Exception {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        Outbox outbox = new Outbox();
        VolunteeringJobs.VogReminders job = new VolunteeringJobs.VogReminders(new MailNotifier(outbox, DIRECTORY));
        db.transaction(ini, sql -> {
            profiles.save(sql, 4, new ProfileInput("Sanne Meijer", Set.of(), "", 0, List.of(), false, "", true), NOW);
            profiles.saveVog(sql, 4, VogStatus.ISSUED, TODAY.minusYears(3).plusDays(40), "45", NOW);
            profiles.save(sql, 5, new ProfileInput("Youssef", Set.of(), "", 0, List.of(), false, "", true), NOW);
            profiles.saveVog(sql, 5, VogStatus.ISSUED, TODAY.minusYears(1), "45", NOW);
            profiles.save(sql, 1, new ProfileInput("Ria", Set.of(), "", 0, List.of(), false, "", true), NOW);
            profiles.saveVog(sql, 1, VogStatus.ISSUED, TODAY.minusYears(4), "45", NOW); // long expired: dashboard, not "soon"
            job.run(sql, NOW);
            return null;
        });
        assertEquals(Set.of("sanne@example.org", "ria@example.org"), Set.copyOf(outbox.sent.stream().map(Mail::to).toList()));
        assertEquals(2, outbox.sent.size(), "one to Sanne, one to the coordinator; none about Ria's expired VOG");
        assertTrue(outbox.sent.get(0).body().contains(TODAY.plusDays(40).toString()));
        outbox.sent.clear();
        db.transaction(ini, sql -> {
            job.run(sql, NOW.plus(Duration.ofDays(1)));
            return null;
        });
        assertTrue(outbox.sent.isEmpty(), "only once");
        db.transaction(ini, sql -> profiles.saveVog(sql, 4, VogStatus.ISSUED, TODAY, "45", NOW));
        assertNull(db.transaction(ini, sql -> profiles.ofUser(sql, 4)).orElseThrow().vogReminderSentOn(), "a new VOG resets the reminder");
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void exportAndErasureCoverRequestsByAccountAndByNameAndTheProfile(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        Requests service = new Requests(requests, profiles, Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        VolunteeringPrivacy privacy = new VolunteeringPrivacy();
        long byAccount = db.transaction(ini, sql -> service.create(sql, RequestsDbTest.GERRIT,
                RequestsDbTest.request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS, false), Policy.DEFAULT));
        long byName = db.transaction(ini, sql -> service.create(sql, RequestsDbTest.RIA,
                RequestsDbTest.request(null, "Mevrouw A. Hendriks", false, Visibility.COORDINATORS, true), Policy.DEFAULT));
        db.transaction(ini, sql -> {
            profiles.save(sql, 4, new ProfileInput("Sanne Meijer", Set.of("tuin"), "", 0, List.of(), false, "", true), NOW);
            return null;
        });
        Map<String, Object> gerrit = db.transaction(ini, sql -> privacy.export(sql, new Person(2L, "Gerrit de Boer", null, null, null)));
        assertEquals(1, ((List<?>) gerrit.get("requests")).size());
        Map<String, Object> hendriks = db.transaction(ini, sql -> privacy.export(sql, new Person(null, "Mevrouw A. Hendriks", null, null, null)));
        assertEquals(1, ((List<?>) hendriks.get("requests")).size());
        assertNotNull(db.transaction(ini, sql -> privacy.export(sql, new Person(4L, "Sanne", null, null, null))).get("profile"));

        Erasure e = db.transaction(ini, sql -> privacy.erase(sql, new Person(null, "Mevrouw A. Hendriks", null, null, null)));
        assertEquals(1, e.anonymised());
        HelpRequest anonymous = db.transaction(ini, sql -> requests.find(sql, byName)).orElseThrow();
        assertEquals("-", anonymous.residentName());
        assertNull(anonymous.address());
        assertNull(anonymous.residentPhone());
        assertEquals("boodschappen", anonymous.category(), "the category stays for the figures");
        Erasure sanne = db.transaction(ini, sql -> privacy.erase(sql, new Person(4L, "Sanne", null, null, null)));
        assertEquals(1, sanne.removed());
        assertTrue(db.transaction(ini, sql -> profiles.ofUser(sql, 4)).isEmpty());
        assertEquals("Gerrit de Boer", db.transaction(ini, sql -> requests.find(sql, byAccount)).orElseThrow().residentName());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void finishedRequestsAreAnonymisedAfterTwoYears(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        Instant old = NOW.minus(Duration.ofDays(800));
        long id = db.transaction(ini, sql -> requests.insert(sql, RequestsDbTest.request(2L, "Gerrit de Boer", false, Visibility.VOLUNTEERS,
                false), State.OPEN, 2L, "Gerrit", old));
        db.transaction(ini, sql -> requests.move(sql, id, State.OPEN, State.CANCELLED, Map.of(), null, 2L, old));
        long recent = db.transaction(ini, sql -> requests.insert(sql, RequestsDbTest.request(2L, "Gerrit de Boer", false,
                Visibility.VOLUNTEERS, false), State.OPEN, 2L, "Gerrit", NOW));
        assertEquals(Integer.valueOf(1), db.transaction(ini, sql -> new VolunteeringPrivacy().purgeExpired(sql, NOW)));
        assertEquals("-", db.transaction(ini, sql -> requests.find(sql, id)).orElseThrow().residentName());
        assertEquals("Gerrit de Boer", db.transaction(ini, sql -> requests.find(sql, recent)).orElseThrow().residentName());
    }
}
