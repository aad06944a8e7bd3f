package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeWebRequest;

/** Who sees what: referrers their own referrals, coaches theirs and unassigned ones, nothing across initiatives; and bad input. */
class AccessTest {

    private Harness h;
    private long id;

    @BeforeEach
    void referral() throws Exception {
        h = new Harness(Databases.get(Sql.Dialect.H2));
        id = Harness.idFrom(h.page(Method.POST, "/verwijzen", Harness.filledIn(h.referrer())));
    }

    @Test
    void anotherReferrerGetsNotFoundAndTheAttemptIsLogged() throws Exception {
        FakeWebRequest.Builder other = Harness.referrer(h.sql(), 99, h.audit);
        ProblemException e = assertThrows(ProblemException.class, () -> h.page(Method.GET, "/verwijzingen/" + id, other));
        assertEquals(404, e.status());
        AuditEvent last = h.audit.events().get(h.audit.events().size() - 1);
        assertEquals(String.valueOf(id), last.recordId());
        assertFalse(last.success());
        assertThrows(ProblemException.class, () -> h.page(Method.GET, "/brief/" + id + "/intake", other));
        @SuppressWarnings("unchecked")
        List<Object> mine = (List<Object>) h.api(Method.GET, "/referrals/mine", other).body();
        assertTrue(mine.isEmpty());
    }

    @Test
    void theReferrerWithdrawsAnOpenReferralButNotSomeoneElses() throws Exception {
        assertEquals(404, assertThrows(ProblemException.class, () -> h.page(Method.POST, "/verwijzingen/" + id + "/intrekken",
                Harness.referrer(h.sql(), 99, h.audit))).status());
        assertTrue(Harness.html(h.page(Method.GET, "/verwijzingen/" + id, h.referrer())).contains("Verwijzing intrekken"));
        h.page(Method.POST, "/verwijzingen/" + id + "/intrekken", h.referrer());
        assertEquals(ReferralStatus.CANCELLED, h.service.referrals().find(h.sql(), id).orElseThrow().status());
        assertEquals(409, assertThrows(ProblemException.class, () -> h.api(Method.POST, "/referrals/" + id + "/withdraw", h.referrer()))
                .status(), "already finished");
        assertFalse(Harness.html(h.page(Method.GET, "/werkvoorraad", h.coach())).contains("Wim Kuipers</a>"), "gone from the queue");
    }

    @Test
    void aReferrerCannotOpenTheCoachFile() {
        ProblemException e = assertThrows(ProblemException.class, () -> h.page(Method.GET, "/dossier/" + id, h.referrer()));
        assertEquals(403, e.status());
        assertEquals(403, assertThrows(ProblemException.class, () -> h.api(Method.GET, "/referrals/" + id, h.referrer())).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> h.page(Method.GET, "/monitor", h.coach())).status());
    }

    @Test
    void aResidentHasNoAccessAtAll() {
        FakeWebRequest.Builder resident = Harness.as(h.sql(), FakeActor.of(77, "Gerrit de Boer"), h.audit);
        assertEquals(403, assertThrows(ProblemException.class, () -> h.page(Method.GET, "", resident)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> h.page(Method.GET, "/brief/" + id + "/intake", resident)).status());
    }

    @Test
    void aCoachSeesUnassignedAndOwnReferralsButNotAColleaguesOnes() throws Exception {
        FakeWebRequest.Builder colleague = Harness.coach(h.sql(), Harness.OTHER_COACH, h.audit);
        assertTrue(Harness.html(h.page(Method.GET, "/dossier/" + id, colleague)).contains("Wim Kuipers"), "unassigned: every coach");
        h.page(Method.POST, "/dossier/" + id + "/toewijzen", h.coach().form("coach", "self"));
        ProblemException e = assertThrows(ProblemException.class,
                () -> h.page(Method.GET, "/dossier/" + id, Harness.coach(h.sql(), Harness.OTHER_COACH, h.audit)));
        assertEquals(404, e.status());
        assertFalse(Harness.html(h.page(Method.GET, "/werkvoorraad", Harness.coach(h.sql(), Harness.OTHER_COACH, h.audit)))
                .contains("Wim Kuipers"));
        assertTrue(Harness.html(h.page(Method.GET, "/dossier/" + id, h.coordinator())).contains("Wim Kuipers"), "coordinators see all");
    }

    @Test
    void onlyCoordinatorsAssignToSomeoneElse() throws Exception {
        assertEquals(403, assertThrows(ProblemException.class,
                () -> h.page(Method.POST, "/dossier/" + id + "/toewijzen", h.coach().form("coach", String.valueOf(Harness.OTHER_COACH)))).status());
        h.page(Method.POST, "/dossier/" + id + "/toewijzen", h.coordinator().form("coach", String.valueOf(Harness.OTHER_COACH)));
        assertEquals("Joost de Vries", h.service.referrals().find(h.sql(), id).orElseThrow().coachName());
        ProblemException notACoach = assertThrows(ProblemException.class,
                () -> h.api(Method.PUT, "/referrals/" + id + "/coach", h.coordinator().json("{\"coachUserId\": " + Harness.REFERRER + "}")));
        assertEquals(400, notACoach.status());
        assertTrue(notACoach.fieldErrors().containsKey("coachUserId"));
    }

    @Test
    void dataOfOneInitiativeNeverShowsInAnother() throws Exception {
        Sql other = h.db.sql(h.db.newInitiative());
        FakeWebRequest.Builder coordinatorElsewhere = Harness.coordinator(other, Harness.COORDINATOR, h.audit);
        assertEquals(404, assertThrows(ProblemException.class, () -> h.page(Method.GET, "/dossier/" + id, coordinatorElsewhere)).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> h.api(Method.GET, "/referrals/" + id, coordinatorElsewhere)).status());
        @SuppressWarnings("unchecked")
        List<Object> queue = (List<Object>) h.api(Method.GET, "/referrals", coordinatorElsewhere).body();
        assertTrue(queue.isEmpty());
        assertFalse(Harness.html(h.page(Method.GET, "/werkvoorraad", coordinatorElsewhere)).contains("Wim Kuipers"));
        @SuppressWarnings("unchecked")
        List<Object> mine = (List<Object>) h.api(Method.GET, "/referrals/mine", Harness.referrer(other, Harness.REFERRER, h.audit)).body();
        assertTrue(mine.isEmpty(), "same referrer account, other initiative");
    }

    @Test
    void aFormWithMistakesComesBackInDutchWithEverythingTyped() throws Exception {
        int before = h.service.referrals().byReferrer(h.sql(), Harness.REFERRER).size();
        WebResponse answer = h.page(Method.POST, "/verwijzen", h.referrer().form("patientName", "Truus Bakker")
                .form("patientBirthDate", "31-02-1940").form("reasons", "Eenzaamheid").form("note", "Belt liever 's middags."));
        assertEquals(400, answer.status());
        String html = Harness.html(answer);
        assertTrue(html.contains("Vul een telefoonnummer in"));
        assertTrue(html.contains("Schrijf de geboortedatum zo"));
        assertTrue(html.contains("Zonder toestemming van de patiënt"));
        assertTrue(html.contains("value=\"Truus Bakker\""));
        assertTrue(html.contains("Belt liever") && html.contains("s middags.</textarea>"));
        assertTrue(html.contains("aria-invalid=\"true\""));
        assertEquals(before, h.service.referrals().byReferrer(h.sql(), Harness.REFERRER).size(), "nothing stored");
    }

    @Test
    void theApiNamesEveryWrongField() {
        ProblemException e = assertThrows(ProblemException.class, () -> h.api(Method.POST, "/referrals", h.referrer().json(
                "{\"patientName\": \"Truus\", \"patientBirthDate\": \"1940-01-01\", \"reasons\": [\"Verveling\"], \"urgency\": \"NOW\","
                        + " \"consentContact\": false, \"referrerType\": \"HUISARTS\"}")));
        assertEquals(400, e.status());
        assertEquals(Set.of("patientPhone", "reasons", "urgency", "consentContact"), e.fieldErrors().keySet());
        ProblemException english = assertThrows(ProblemException.class, () -> h.api(Method.POST, "/referrals", h.referrer().english().json(
                "{\"patientName\": \"\", \"patientBirthDate\": \"1940-01-01\", \"patientPhone\": \"0578 111 222\", \"reasons\": [\"Stress\"],"
                        + " \"consentContact\": true, \"referrerType\": \"POH\"}")));
        assertEquals(Map.of("patientName", "Fill in the patient's name."), english.fieldErrors());
    }

    @Test
    void theApiCreatesAReferralAndAnswersWithItsLocation() throws Exception {
        WebResponse created = h.api(Method.POST, "/referrals", h.referrer().json("{\"patientName\": \"Truus Bakker\", "
                + "\"patientBirthDate\": \"1940-01-01\", \"patientPhone\": \"0578 111 222\", \"reasons\": [\"stress\"], "
                + "\"consentContact\": true, \"consentFeedback\": false, \"referrerType\": \"POH\", \"urgency\": \"SOON\"}"));
        assertEquals(201, created.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) created.body();
        assertEquals(List.of("Stress"), body.get("reasons"), "spelled as in the initiative's list");
        assertEquals("SOON", body.get("urgency"));
        assertTrue(created.headers().get("Location").endsWith("/referral/referrals/" + body.get("id")));
    }

    @Test
    void intakeScoresOutOfRangeAreRefusedPerDimension() throws Exception {
        WebResponse answer = h.page(Method.POST, "/dossier/" + id + "/intake", Harness.scores(h.coach().form("questionBehind", "Eenzaam."),
                "score", 6, 4, 11, 5, 3, 7));
        assertEquals(400, answer.status());
        String html = Harness.html(answer);
        assertTrue(html.contains("id=\"score-zingeving-error\""));
        assertTrue(html.contains("value=\"11\""), "what was typed stays");
        assertTrue(h.service.trajectory().measurements(h.sql(), id).isEmpty());
        ProblemException e = assertThrows(ProblemException.class, () -> h.api(Method.PUT, "/referrals/" + id + "/intake", h.coach()
                .json("{\"questionBehind\": \"Eenzaam\", \"scores\": {\"lichaamsfuncties\": 5}}")));
        assertTrue(e.fieldErrors().containsKey("score.mentaal-welbevinden"));
    }
}
