package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.privacy.Erasure;
import nl.samenredzaam.api.privacy.Person;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.testing.fake.FakeWebRequest;

/** Letters carry only what the patient agreed to; privacy export, erasure and retention; the overdue reminder. */
class LetterAndPrivacyTest {

    private static long referAndIntake(Harness h, boolean feedback, boolean plan, boolean scores) throws Exception {
        FakeWebRequest.Builder form = Harness.filledIn(h.referrer());
        if (!feedback) {
            form.withoutForm("consentFeedback");
        }
        long id = Harness.idFrom(h.page(Method.POST, "/verwijzen", form));
        FakeWebRequest.Builder intake = Harness.scores(h.coach().form("questionBehind", "Geheim: mist zijn vrouw.").form("goals", "Weer wandelen."),
                "score", 5, 5, 5, 5, 5, 5);
        if (plan) {
            intake.form("sharePlan", "yes");
        }
        if (scores) {
            intake.form("shareScores", "yes");
        }
        h.page(Method.POST, "/dossier/" + id + "/intake", intake);
        h.page(Method.POST, "/dossier/" + id + "/stappen", h.coach().form("kind", "OTHER").form("description", "Zangkoor De Lindeklanken"));
        return id;
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void withoutConsentForFeedbackThereIsNoLetter(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        long id = referAndIntake(h, false, true, true);
        assertFalse(h.service.referrals().find(h.sql(), id).orElseThrow().consentFeedback(), "stored without consent");
        assertEquals(404, assertThrows(ProblemException.class, () -> h.page(Method.GET, "/brief/" + id + "/intake", h.referrer())).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> h.api(Method.GET, "/referrals/" + id + "/letters/intake", h.referrer()))
                .status());
        assertTrue(Harness.html(h.page(Method.GET, "/verwijzingen", h.referrer())).contains("Geen toestemming voor terugkoppeling"));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void theLetterHoldsOnlyWhatWasAgreed(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        long minimal = referAndIntake(h, true, false, false);
        String letter = Harness.html(h.page(Method.GET, "/brief/" + minimal + "/intake", h.referrer()));
        assertTrue(letter.contains("kennisgemaakt met uw patiënt"));
        assertFalse(letter.contains("Zangkoor"), "plan not shared");
        assertFalse(letter.contains("Weer wandelen"), "goals are part of the plan");
        assertFalse(letter.contains("Mentaal welbevinden"), "scores not shared");
        assertFalse(letter.contains("Geheim"));
        assertEquals(404, assertThrows(ProblemException.class, () -> h.page(Method.GET, "/brief/" + minimal + "/closing", h.referrer()))
                .status(), "no closing letter while open");

        long full = referAndIntake(h, true, true, true);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = toMap(h.api(Method.GET, "/referrals/" + full + "/letters/intake", h.referrer()).body());
        String text = json.toString();
        assertTrue(text.contains("Zangkoor De Lindeklanken"));
        assertTrue(text.contains("Mentaal welbevinden"));
        assertFalse(text.contains("Geheim"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(Object record) {
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(record, Map.class);
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void privacyExportEraseAndRetention(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        long id = referAndIntake(h, true, true, true);
        ReferralPrivacy privacy = new ReferralPrivacy(h.clock);
        Person patient = new Person(null, "wim kuipers", null, null, LocalDate.of(1950, 1, 30));
        Map<String, Object> export = privacy.export(h.sql(), patient);
        assertTrue(export.toString().contains("Geheim: mist zijn vrouw."), "the patient gets everything, the question behind too");
        assertTrue(export.toString().contains("Zangkoor"));
        assertTrue(privacy.export(h.sql(), new Person(null, "Wim Kuipers", null, null, LocalDate.of(1951, 1, 30))).toString()
                .contains("referralsAboutYou=[]"), "name alone is not enough");
        Map<String, Object> gp = privacy.export(h.sql(), new Person(Harness.REFERRER, "Pieter van Dijk", null, null, null));
        assertFalse(gp.toString().contains("Kuipers"), "a referrer's export holds no patient data");

        Erasure erasure = privacy.erase(h.sql(), patient);
        assertEquals(1, erasure.anonymised());
        Referral after = h.service.referrals().find(h.sql(), id).orElseThrow();
        assertEquals("-", after.patientName());
        assertEquals(null, after.patientPhone());
        assertEquals(null, after.questionBehind());
        assertEquals(List.of("Eenzaamheid", "Bewegen"), after.reasons(), "anonymous facts stay for the figures");
        assertEquals("-", h.service.trajectory().steps(h.sql(), id).get(0).description());

        long old = referAndIntake(h, true, true, true);
        h.page(Method.POST, "/dossier/" + old + "/afsluiten", h.coach().form("closingOutcome", "Klaar."));
        assertEquals(Period.ofYears(2), privacy.retentionTerm());
        assertEquals(0, privacy.purgeExpired(h.sql(), h.clock.instant().plus(Duration.ofDays(700))));
        assertEquals(1, privacy.purgeExpired(h.sql(), h.clock.instant().plus(Duration.ofDays(735))));
        assertEquals("-", h.service.referrals().find(h.sql(), old).orElseThrow().patientName());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void overdueFirstContactIsRemindedOnceToTheCoordinatorsWhenNobodyHasIt(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        long id = Harness.idFrom(h.page(Method.POST, "/verwijzen", Harness.filledIn(h.referrer())));
        ReminderJob job = new ReminderJob(h.mailer, h.directory, sql -> "3");
        int before = h.mails().size();
        h.clock.advance(Duration.ofDays(3)); // Thursday: deadline (3 working days) not passed
        job.run(h.sql(), h.clock.instant());
        assertEquals(before, h.mails().size());
        h.clock.advance(Duration.ofDays(1)); // Friday 6 March, after Thursday 5 March
        job.run(h.sql(), h.clock.instant());
        job.run(h.sql(), h.clock.instant());
        List<Mail> mails = h.mails().subList(before, h.mails().size());
        assertEquals(1, mails.size());
        assertEquals("ria@example.org", mails.get(0).to());
        assertTrue(mails.get(0).subject().contains("R-" + id));
        assertFalse(mails.get(0).body().contains("Kuipers"));
        String queue = Harness.html(h.page(Method.GET, "/werkvoorraad", h.coach()));
        assertTrue(queue.contains("Te laat voor eerste contact") == false, "the page uses the module setting (5 days) and is not late yet");
    }
}
