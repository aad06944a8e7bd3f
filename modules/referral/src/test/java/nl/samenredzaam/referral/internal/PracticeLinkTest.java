package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;

/** A practice without accounts refers through its secret link; the link can be revoked; it shows nothing back. */
class PracticeLinkTest {

    private static final Pattern LINK = Pattern.compile("/referral/praktijk/([0-9a-f]{40})");

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aPracticeRefersThroughItsLinkUntilItIsRevoked(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        WebResponse made = h.page(Method.POST, "/praktijken", h.coordinator().form("practiceName", "Fysiotherapie De Brink")
                .form("practiceType", "FYSIOTHERAPEUT").form("practiceEmail", "info@debrink.example"));
        Matcher m = LINK.matcher(Harness.html(made));
        assertTrue(m.find(), "the link is shown once");
        String token = m.group(1);
        assertFalse(Harness.html(h.page(Method.GET, "/praktijken", h.coordinator())).contains(token), "and never again");

        String form = Harness.html(h.page(Method.GET, "/praktijk/" + token, Harness.anonymous(h.sql(), h.audit)));
        assertTrue(form.contains("Fysiotherapie De Brink"));
        assertTrue(form.contains("name=\"referrerName\""));
        assertFalse(form.contains("name=\"referrerType\""), "known from the link");

        WebResponse missingName = h.page(Method.POST, "/praktijk/" + token, Harness.filledIn(Harness.anonymous(h.sql(), h.audit)));
        assertEquals(400, missingName.status());
        assertTrue(Harness.html(missingName).contains("Vul uw naam in."));

        WebResponse sent = h.page(Method.POST, "/praktijk/" + token,
                Harness.filledIn(Harness.anonymous(h.sql(), h.audit)).form("referrerName", "Eva Brink"));
        String location = sent.headers().get("Location");
        assertTrue(location.matches("/lindeholt/referral/praktijk/" + token + "\\?ontvangen=R-[0-9]+"), location);
        long id = Long.parseLong(location.substring(location.indexOf("R-") + 2));
        Referral r = h.service.referrals().find(h.sql(), id).orElseThrow();
        assertEquals("LINK", r.source());
        assertEquals(ReferrerType.FYSIOTHERAPEUT, r.referrerType());
        assertEquals("Fysiotherapie De Brink", r.referrerOrg());
        assertEquals("Eva Brink", r.referrerName());
        assertNull(r.referrerUserId());
        assertEquals("info@debrink.example", h.mails().get(h.mails().size() - 1).to());
        String ack = Harness.html(h.page(Method.GET, "/praktijk/" + token,
                Harness.anonymous(h.sql(), h.audit).query("ontvangen", "R-" + id)));
        assertTrue(ack.contains("Uw verwijzing is ontvangen"));
        assertFalse(ack.contains("Wim Kuipers"), "nothing about the patient is shown back");
        int refused = assertThrows(ProblemException.class,
                () -> h.page(Method.GET, "/verwijzingen/" + id, Harness.anonymous(h.sql(), h.audit))).status();
        assertTrue(refused == 401 || refused == 403, "the link gives no access to the referral: " + refused);

        long linkId = new PracticeLinkRepository().all(h.sql()).get(0).id();
        h.page(Method.POST, "/praktijken/" + linkId + "/intrekken", h.coordinator());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> h.page(Method.GET, "/praktijk/" + token, Harness.anonymous(h.sql(), h.audit))).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> h.page(Method.POST, "/praktijk/" + token,
                Harness.filledIn(Harness.anonymous(h.sql(), h.audit)).form("referrerName", "Eva Brink"))).status());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void thePracticeLinkApi(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        WebResponse made = h.api(Method.POST, "/practice-links", h.coordinator()
                .json("{\"practiceName\":\"Huisartsen Zuid\",\"referrerType\":\"HUISARTS\",\"contactEmail\":\"zuid@example.org\"}"));
        assertEquals(201, made.status());
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> link = (java.util.Map<String, Object>) made.body();
        String apiPath = (String) link.get("apiPath");
        String token = apiPath.replaceAll(".*/practice/([0-9a-f]{40})/referrals", "$1");
        assertTrue(((String) link.get("url")).endsWith("/referral/praktijk/" + token));

        ProblemException bad = assertThrows(ProblemException.class, () -> h.api(Method.POST, "/practice/" + token + "/referrals",
                Harness.anonymous(h.sql(), h.audit).json("{\"patientName\":\"Jo\",\"patientBirthDate\":\"1950-01-01\","
                        + "\"patientPhone\":\"0578 111 222\",\"reasons\":[\"Stress\"],\"consentContact\":true}")));
        assertEquals(java.util.Set.of("referrerName"), bad.fieldErrors().keySet());
        WebResponse sent = h.api(Method.POST, "/practice/" + token + "/referrals", Harness.anonymous(h.sql(), h.audit)
                .json("{\"referrerName\":\"Dr. Zuid\",\"patientName\":\"Jo\",\"patientBirthDate\":\"1950-01-01\","
                        + "\"patientPhone\":\"0578 111 222\",\"reasons\":[\"Stress\"],\"consentContact\":true}"));
        assertEquals(201, sent.status());
        assertFalse(sent.body().toString().contains("Jo,"), "only the reference comes back");

        long linkId = ((Number) link.get("id")).longValue();
        assertEquals(204, h.api(Method.DELETE, "/practice-links/" + linkId, h.coordinator()).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> h.api(Method.POST, "/practice/" + token + "/referrals",
                Harness.anonymous(h.sql(), h.audit).json("{}"))).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> h.api(Method.GET, "/practice-links", h.coach())).status());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aLinkWorksOnlyInItsOwnInitiativeAndGuessesFail(Sql.Dialect dialect) throws Exception {
        Harness h = new Harness(Databases.get(dialect));
        String token = new PracticeLinkRepository().create(h.sql(), "Praktijk Zuid", ReferrerType.HUISARTS, null, h.clock.instant());
        Sql other = h.db.sql(h.db.newInitiative());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> h.page(Method.GET, "/praktijk/" + token, Harness.anonymous(other, h.audit))).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> h.page(Method.GET, "/praktijk/" + "0".repeat(40), Harness.anonymous(h.sql(), h.audit))).status());
        assertEquals(404, assertThrows(ProblemException.class,
                () -> h.page(Method.GET, "/praktijk/x' or '1'='1", Harness.anonymous(h.sql(), h.audit))).status());
        assertEquals(403, assertThrows(ProblemException.class,
                () -> h.page(Method.GET, "/praktijken", h.coach())).status(), "coaches do not manage links");
        WebResponse bad = h.page(Method.POST, "/praktijken", h.coordinator().form("practiceName", "").form("practiceEmail", "geen-mail"));
        assertEquals(400, bad.status());
        assertTrue(Harness.html(bad).contains("Dit is geen e-mailadres."));
    }
}
