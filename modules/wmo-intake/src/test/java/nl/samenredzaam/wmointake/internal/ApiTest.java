package nl.samenredzaam.wmointake.internal;

import static nl.samenredzaam.wmointake.internal.support.FakeDirectory.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeActor;

/** The JSON API: answers, and 400 problems that name the field. */
class ApiTest {

    private Harness h;
    private final FakeActor professional = Harness.actor(PROFESSIONAL, Role.PROFESSIONAL);
    private final FakeActor resident = Harness.actor(RESIDENT, Role.RESIDENT);

    @BeforeEach
    void setUp() {
        h = new Harness();
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private long create() throws Exception {
        WebResponse r = h.api(professional, Method.POST, "/files", req -> req.json("""
                {"residentUserId": 40, "meldingDate": "2026-11-20", "reportedBy": "INWONER", "channel": "TELEFOON",
                 "requestText": "Hulp bij het douchen", "consentProcessing": true, "consentMunicipality": true,
                 "professionalUserId": 10}"""));
        assertEquals(201, r.status());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) r.body();
        assertTrue(r.headers().get("Location").endsWith("/api/v1/lindeholt/wmo-intake/files/" + body.get("id")));
        return ((Number) body.get("id")).longValue();
    }

    @Test
    void createsAndReadsAFile() throws Exception {
        long id = create();
        @SuppressWarnings("unchecked")
        Map<String, Object> file = (Map<String, Object>) h.api(resident, Method.GET, "/files/{id}", r -> r.pathParam("id", id)).body();
        assertEquals("MELDING", file.get("status"));
        assertEquals("RESIDENT", file.get("access"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deadlines = (List<Map<String, Object>>) file.get("deadlines");
        // Friday 20 November + 7 = Friday 27 November; + 42 = Friday 1 January 2027 (Nieuwjaarsdag) → Monday 4 January
        assertEquals("2026-11-27", deadlines.get(0).get("due"));
        assertEquals("2027-01-04", deadlines.get(1).get("due"));
    }

    @Test
    void badInputIsA400NamingTheFields() throws Exception {
        ProblemException e = assertThrows(ProblemException.class, () -> h.api(professional, Method.POST, "/files", req -> req.json("""
                {"residentName": "Jan", "meldingDate": "gisteren", "reportedBy": "POSTDUIF", "channel": "TELEFOON",
                 "requestText": "", "consentProcessing": true, "professionalUserId": 10}""")));
        assertEquals(400, e.status());
        assertEquals(java.util.Set.of("meldingDate", "reportedBy", "requestText"), e.fieldErrors().keySet());
        assertTrue(e.fieldErrors().get("meldingDate").startsWith("Vul een datum in als jjjj-mm-dd"));
    }

    @Test
    void englishErrorsForAnEnglishRequest() {
        ProblemException e = assertThrows(ProblemException.class, () -> h.api(professional, Method.POST, "/files", req -> req.english()
                .json("{\"residentName\": \"Jan\", \"meldingDate\": \"2026-11-20\", \"reportedBy\": \"INWONER\", \"channel\": \"TELEFOON\","
                        + "\"requestText\": \"x\", \"professionalUserId\": 10}")));
        assertEquals("Without consent we cannot record the request.", e.fieldErrors().get("consentProcessing"));
    }

    @Test
    void measurementsConversationStepsAndTheSpiderWeb() throws Exception {
        long id = create();
        ProblemException bad = assertThrows(ProblemException.class, () -> h.api(professional, Method.POST,
                "/files/{id}/measurements/positive-health", r -> r.pathParam("id", id).json("""
                        {"measuredOn": "2026-11-21", "scores": {"lichaamsfuncties": 11}}""")));
        assertTrue(bad.fieldErrors().containsKey("lichaamsfuncties"));
        assertTrue(bad.fieldErrors().containsKey("zingeving"), "missing dimensions are named too");
        assertEquals(201, h.api(professional, Method.POST, "/files/{id}/measurements/positive-health", r -> r.pathParam("id", id).json("""
                {"measuredOn": "2026-11-21", "scores": {"lichaamsfuncties": 5, "mentaal-welbevinden": 6, "zingeving": 7,
                 "kwaliteit-van-leven": 6, "meedoen": 3, "dagelijks-functioneren": 5}, "wantToTalk": ["meedoen"]}""")).status());
        String svg = new String((byte[]) h.api(resident, Method.GET, "/files/{id}/spider-web.svg", r -> r.pathParam("id", id)).body(),
                java.nio.charset.StandardCharsets.UTF_8);
        var f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        var doc = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));

        h.api(professional, Method.PUT, "/files/{id}/conversation", r -> r.pathParam("id", id).json("""
                {"heldOn": "2026-11-24", "vraag": "Zelf douchen", "maatwerk": "Douchestoel"}"""));
        ProblemException unknown = assertThrows(ProblemException.class, () -> h.api(professional, Method.POST, "/files/{id}/steps/{step}",
                r -> r.pathParam("id", id).pathParam("step", "verslag").json("{\"verslagSentOn\": \"2026-11-25\", \"extra\": 1}")));
        assertEquals(Map.of("extra", "Dit veld hoort hier niet."), unknown.fieldErrors());
        @SuppressWarnings("unchecked")
        Map<String, Object> after = (Map<String, Object>) h.api(professional, Method.POST, "/files/{id}/steps/{step}",
                r -> r.pathParam("id", id).pathParam("step", "verslag").json("{\"verslagSentOn\": \"2026-11-25\"}")).body();
        assertEquals("VERSLAG", after.get("status"));
        ProblemException resident403 = assertThrows(ProblemException.class, () -> h.api(resident, Method.POST, "/files/{id}/steps/{step}",
                r -> r.pathParam("id", id).pathParam("step", "aanvraag").json("{\"aanvraagOn\": \"2026-11-25\"}")));
        assertEquals(403, resident403.status());
    }

    @Test
    void queueIsOrderedAndOnlyForStaff() throws Exception {
        create();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) h.api(professional, Method.GET, "/files", r -> { }).body();
        assertEquals(1, rows.size());
        assertEquals("persoonlijk-plan", rows.get(0).get("nextDeadline"));
        ProblemException e = assertThrows(ProblemException.class, () -> h.api(resident, Method.GET, "/files", r -> { }));
        assertEquals(403, e.status());
    }
}
