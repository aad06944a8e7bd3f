package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.calendar.api.Registration;

/**
 * The whole loop — referral, acknowledgement, queue, intake, plan with a calendar registration and
 * a volunteer request, reminders, attendance flowing back, closing with before and after, the
 * letter (page and PDF) — on H2 and PostgreSQL, with the partner modules enabled and disabled.
 */
class ReferralLoopTest {

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void wholeLoopWithCalendarAndVolunteeringEnabled(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        h.partnersEnabled(true);

        // 1. The GP refers in one form; the answer is the acknowledgement; a mail confirms it without the patient's name.
        WebResponse created = h.page(Method.POST, "/verwijzen", Harness.filledIn(h.referrer()));
        assertEquals(303, created.status());
        long id = Harness.idFrom(created);
        Mail ack = h.mails().get(0);
        assertEquals("praktijk@example.org", ack.to());
        assertTrue(ack.subject().contains("R-" + id));
        assertFalse(ack.body().contains("Kuipers"), "no patient name in e-mail");
        assertTrue(ack.body().contains("9 maart 2026"), "first contact deadline: 5 working days after Monday 2 March");
        String ackPage = Harness.html(h.page(Method.GET, "/verwijzingen/" + id, h.referrer().query("ontvangen", "1")));
        assertTrue(ackPage.contains("Uw verwijzing is ontvangen"));
        assertTrue(ackPage.contains("R-" + id));

        // 2. The coach's queue shows it with the time waiting.
        String queue = Harness.html(h.page(Method.GET, "/werkvoorraad", h.coach()));
        assertTrue(queue.contains("Wim Kuipers"));
        assertTrue(queue.contains("contact uiterlijk 9 maart 2026"));

        // 3. The coach takes it and has the intake with a measurement; follow-ups are planned.
        h.page(Method.POST, "/dossier/" + id + "/toewijzen", h.coach().form("coach", "self"));
        h.clock.advance(Duration.ofDays(1));
        h.page(Method.POST, "/dossier/" + id + "/intake", Harness.scores(h.coach()
                .form("questionBehind", "Hij mist zijn vrouw en het samen dingen doen.").form("goals", "Weer wandelen met anderen.")
                .form("sharePlan", "yes").form("shareScores", "yes"), "score", 6, 4, 4, 5, 3, 7).form("score.talk", "meedoen"));
        Referral afterIntake = h.service.referrals().find(h.sql(), id).orElseThrow();
        assertEquals(ReferralStatus.IN_PROGRESS, afterIntake.status());
        assertNotNull(afterIntake.firstContactAt());
        Mail letterReady = h.mails().get(h.mails().size() - 1);
        assertEquals("praktijk@example.org", letterReady.to(), "the GP hears that the intake letter is ready");
        assertTrue(letterReady.subject().contains("R-" + id));
        assertFalse(letterReady.body().contains("Kuipers"));
        List<FollowUp> planned = h.service.trajectory().followUps(h.sql(), id);
        assertEquals(List.of(LocalDate.of(2026, 4, 14), LocalDate.of(2026, 6, 3)), planned.stream().map(FollowUp::dueOn).toList());

        // 4. The dossier offers the calendar's activities and shows the spider web.
        String dossier = Harness.html(h.page(Method.GET, "/dossier/" + id, h.coach()));
        assertTrue(dossier.contains("Wandelgroep"));
        assertTrue(dossier.contains("role=\"img\""), "spider web");
        assertTrue(dossier.contains("Hij mist zijn vrouw"));

        // 5. A calendar activity registers the patient directly and plans a follow-up after it.
        var walk = h.calendar.activities.get(0);
        h.page(Method.POST, "/dossier/" + id + "/stappen", h.coach().form("kind", "ACTIVITY").form("activity", walk.activityId() + "@" + walk.start()));
        assertEquals("Wim Kuipers", h.calendar.participants.get(0).name());
        assertEquals("0578 654 321", h.calendar.participants.get(0).phone());
        PlanStep activityStep = h.service.trajectory().steps(h.sql(), id).get(0);
        assertNotNull(activityStep.calendarRegistrationId());
        assertEquals("Wandelgroep", activityStep.description());
        FollowUp afterActivity = h.service.trajectory().followUps(h.sql(), id).stream()
                .filter(f -> f.kind() == FollowUp.Kind.AFTER_FIRST_ACTIVITY).findFirst().orElseThrow();
        assertEquals(LocalDate.of(2026, 3, 11), afterActivity.dueOn(), "the working day after the walk on 10 March");

        // 6. A buddy through volunteering, one to one: only VOG volunteers.
        h.page(Method.POST, "/dossier/" + id + "/stappen", h.coach().form("kind", "HELP").form("helpCategory", "gezelschap")
                .form("description", "Maatje om samen koffie te drinken").form("oneToOne", "yes"));
        assertEquals(1, h.volunteering.drafts.size());
        assertEquals("referral:" + id, h.volunteering.drafts.get(0).source());
        assertTrue(h.volunteering.drafts.get(0).oneToOneVulnerable());
        assertEquals("Wim Kuipers", h.volunteering.drafts.get(0).personName());

        // 7. Attendance flows back from the calendar.
        h.calendar.attend(activityStep.calendarRegistrationId(), Registration.Status.PRESENT);
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) h.api(Method.GET, "/referrals/" + id, h.coach()).body();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) json.get("steps");
        assertEquals("PRESENT", steps.get(0).get("attendance"));
        assertEquals("SUBMITTED", steps.get(1).get("helpStatus"));
        assertTrue(Harness.html(h.page(Method.GET, "/dossier/" + id, h.coach())).contains("was er"));

        // 8. The reminder job mails the coach once when the follow-up is due.
        ReminderJob job = new ReminderJob(h.mailer, h.directory, sql -> "5");
        int before = h.mails().size();
        job.run(h.sql(), h.clock.instant());
        assertEquals(before, h.mails().size(), "nothing due yet");
        h.clock.advance(Duration.ofDays(9)); // Wednesday 12 March
        job.run(h.sql(), h.clock.instant());
        assertEquals(before + 1, h.mails().size());
        Mail reminder = h.mails().get(before);
        assertEquals("marieke@example.org", reminder.to());
        assertTrue(reminder.body().contains("Na de eerste activiteit"));
        assertFalse(reminder.body().contains("Kuipers"));
        job.run(h.sql(), h.clock.instant());
        assertEquals(before + 1, h.mails().size(), "a reminder is sent once");
        String queueLater = Harness.html(h.page(Method.GET, "/werkvoorraad", h.coach()));
        assertTrue(queueLater.contains("1 vervolgcontact aan de beurt"));

        // 9. The follow-up is recorded; the referral is closed with a second measurement.
        h.page(Method.POST, "/dossier/" + id + "/vervolg/" + afterActivity.id(), h.coach().form("note-" + afterActivity.id(), "Vond het fijn."));
        assertTrue(h.service.trajectory().followUp(h.sql(), id, afterActivity.id()).orElseThrow().isDone());
        h.page(Method.POST, "/dossier/" + id + "/afsluiten", Harness.scores(h.coach()
                .form("closingOutcome", "Wandelt elke week mee en drinkt koffie met zijn maatje."), "closing", 6, 7, 6, 7, 7, 7));
        assertTrue(h.mails().get(h.mails().size() - 1).body().contains("Brief bij het afsluiten"), "closing letter announced");
        Referral closed = h.service.referrals().find(h.sql(), id).orElseThrow();
        assertEquals(ReferralStatus.CLOSED, closed.status());
        String closedDossier = Harness.html(h.page(Method.GET, "/dossier/" + id, h.coach()));
        assertTrue(closedDossier.contains("vorige keer"), "before/after spider web");
        assertTrue(closedDossier.contains("niet meer nodig (afgesloten)"), "open follow-ups lapse at closing");

        // 10. The letter to the referrer: plan and scores (shared), not the outcome (not shared), never the question behind.
        String letter = Harness.html(h.page(Method.GET, "/brief/" + id + "/closing",
                Harness.referrer(h.sql(), Harness.REFERRER, h.audit)));
        assertTrue(letter.contains("Wandelgroep"));
        assertTrue(letter.contains("Mentaal welbevinden"));
        assertTrue(letter.contains("+3"), "mental wellbeing went from 4 to 7");
        assertTrue(letter.contains("role=\"img\""), "before/after spider web in the letter");
        assertFalse(letter.contains("Wandelt elke week mee"), "outcome not shared");
        assertFalse(letter.contains("mist zijn vrouw"), "the question behind the question is never shared");
        WebResponse pdf = h.page(Method.GET, "/brief/" + id + "/closing/pdf",
                Harness.referrer(h.sql(), Harness.REFERRER, h.audit));
        assertEquals("application/pdf", pdf.contentType());
        try (PDDocument doc = Loader.loadPDF((byte[]) pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Wandelgroep"), text);
            assertTrue(text.contains("Mentaal welbevinden"), text);
            assertTrue(text.contains("Wim Kuipers"), text);
            assertFalse(text.contains("mist zijn vrouw"), text);
            assertFalse(text.contains("Wandelt elke week mee"), text);
        }

        // 11. Every access to the referral is in the audit log, including the print.
        List<AuditEvent> about = h.audit.events().stream().filter(e -> String.valueOf(id).equals(e.recordId())).toList();
        assertTrue(about.stream().anyMatch(e -> e.action() == AuditEvent.Action.CREATE));
        assertTrue(about.stream().anyMatch(e -> e.action() == AuditEvent.Action.READ));
        assertTrue(about.stream().anyMatch(e -> e.action() == AuditEvent.Action.UPDATE));
        assertTrue(about.stream().anyMatch(e -> e.action() == AuditEvent.Action.PRINT));
        assertTrue(about.stream().allMatch(e -> e.recordType().equals("referral.referral") && e.success()));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void fallsBackToFreeTextWhenCalendarAndVolunteeringAreDisabled(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        h.partnersEnabled(false);
        long id = Harness.idFrom(h.page(Method.POST, "/verwijzen", Harness.filledIn(h.referrer())));
        h.page(Method.POST, "/dossier/" + id + "/intake", h.coach().form("questionBehind", "Wil meer onder de mensen komen."));

        String dossier = Harness.html(h.page(Method.GET, "/dossier/" + id, h.coach()));
        assertTrue(dossier.contains("De activiteitenkalender staat niet aan"));
        assertTrue(dossier.contains("Vrijwilligershulp staat niet aan"));
        assertFalse(dossier.contains("Wandelgroep"));

        h.page(Method.POST, "/dossier/" + id + "/stappen", h.coach().form("kind", "ACTIVITY")
                .form("description", "Koersbal in de gymzaal, donderdag").form("activityDate", "2026-03-12"));
        h.page(Method.POST, "/dossier/" + id + "/stappen", h.coach().form("kind", "HELP").form("helpCategory", "gezelschap")
                .form("description", "Buurman Jan gaat mee de eerste keer"));
        assertTrue(h.calendar.participants.isEmpty(), "nobody registered in a disabled calendar");
        assertTrue(h.volunteering.drafts.isEmpty(), "no request to disabled volunteering");
        List<PlanStep> steps = h.service.trajectory().steps(h.sql(), id);
        assertEquals(2, steps.size());
        assertNull(steps.get(0).calendarRegistrationId());
        assertNull(steps.get(1).helpRequestId());
        assertEquals("Koersbal in de gymzaal, donderdag", steps.get(0).description());
        assertTrue(h.service.trajectory().followUps(h.sql(), id).stream()
                .anyMatch(f -> f.kind() == FollowUp.Kind.AFTER_FIRST_ACTIVITY && f.dueOn().equals(LocalDate.of(2026, 3, 13))));
        @SuppressWarnings("unchecked")
        Map<String, Object> activities = (Map<String, Object>) h.api(Method.GET, "/activities", h.coach()).body();
        assertEquals(false, activities.get("calendarEnabled"));

        // Choosing a calendar activity while the calendar is off is an error next to the field, nothing lost.
        WebResponse refused = h.page(Method.POST, "/dossier/" + id + "/stappen", h.coach().form("kind", "ACTIVITY")
                .form("activity", "7@2026-03-10T09:30+01:00").form("description", "Wandelen"));
        assertEquals(400, refused.status());
        assertTrue(Harness.html(refused).contains("Deze activiteit bestaat niet"));
        assertEquals(2, h.service.trajectory().steps(h.sql(), id).size());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void withoutPartnerServicesAtAllTheModuleStillWorks(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        h.partnersEnabled(true); // switched on, but the bundles are gone
        h.partners.dropCalendar(h.calendar);
        h.partners.dropVolunteering(h.volunteering);
        long id = Harness.idFrom(h.page(Method.POST, "/verwijzen", Harness.filledIn(h.referrer())));
        h.page(Method.POST, "/dossier/" + id + "/stappen", h.coach().form("kind", "OTHER").form("description", "Bibliotheek: leesclub"));
        assertEquals(1, h.service.trajectory().steps(h.sql(), id).size());
        assertTrue(Harness.html(h.page(Method.GET, "/dossier/" + id, h.coach())).contains("Bibliotheek: leesclub"));
    }
}
