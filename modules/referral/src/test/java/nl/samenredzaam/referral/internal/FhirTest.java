package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;

/**
 * FHIR R4 export and import, checked against the rules of the specification: the required
 * elements and cardinalities of Bundle, Patient, ServiceRequest and Task, the codes of their
 * required value sets, the primitive formats, no empty values, and references that resolve inside
 * the Bundle.
 */
class FhirTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    // FHIR R4 primitive type regexes (datatypes.html)
    private static final Pattern DATE = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?");
    private static final Pattern DATE_TIME = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
            + "(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?");
    private static final Pattern INSTANT = Pattern.compile("([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])"
            + "T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\\.[0-9]+)?(Z|(\\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9\\-\\.]{1,64}");
    private static final Pattern CODE = Pattern.compile("[^\\s]+(\\s[^\\s]+)*");

    private static final Set<String> REQUEST_STATUS = ReferralStatusTest.REQUEST_STATUS;
    private static final Set<String> TASK_STATUS = ReferralStatusTest.TASK_STATUS;
    private static final Set<String> REQUEST_INTENT = Set.of("proposal", "plan", "directive", "order", "original-order", "reflex-order",
            "filler-order", "instance-order", "option");
    private static final Set<String> TASK_INTENT = Set.of("unknown", "proposal", "plan", "order", "original-order", "reflex-order",
            "filler-order", "instance-order", "option");
    private static final Set<String> PRIORITY = Set.of("routine", "urgent", "asap", "stat");
    private static final Set<String> BUNDLE_TYPE = Set.of("document", "message", "transaction", "transaction-response", "batch",
            "batch-response", "history", "searchset", "collection");
    private static final Set<String> CONTACT_SYSTEM = Set.of("phone", "fax", "email", "pager", "url", "sms", "other");

    /** Problems with a Bundle as FHIR R4 sees them; empty when it is valid for what this module uses. */
    static List<String> validate(JsonNode bundle) {
        List<String> p = new ArrayList<>();
        noEmptyValues(bundle, "Bundle", p);
        require(bundle, "resourceType", "Bundle", p);
        code(bundle, "type", BUNDLE_TYPE, true, p);
        if (bundle.has("timestamp") && !INSTANT.matcher(bundle.get("timestamp").asText()).matches()) {
            p.add("Bundle.timestamp is not an instant");
        }
        Set<String> urls = new HashSet<>();
        for (JsonNode e : bundle.path("entry")) {
            if (e.has("fullUrl")) {
                urls.add(e.get("fullUrl").asText());
            }
        }
        for (JsonNode e : bundle.path("entry")) {
            JsonNode r = e.path("resource");
            String type = r.path("resourceType").asText();
            if (r.has("id") && !ID.matcher(r.get("id").asText()).matches()) {
                p.add(type + ".id is not a FHIR id");
            }
            switch (type) {
                case "Patient" -> {
                    if (r.has("birthDate") && !DATE.matcher(r.get("birthDate").asText()).matches()) {
                        p.add("Patient.birthDate is not a date");
                    }
                    for (JsonNode t : r.path("telecom")) {
                        code(t, "system", CONTACT_SYSTEM, false, p);
                    }
                }
                case "ServiceRequest" -> {
                    code(r, "status", REQUEST_STATUS, true, p);
                    code(r, "intent", REQUEST_INTENT, true, p);
                    code(r, "priority", PRIORITY, false, p);
                    reference(r.path("subject"), "ServiceRequest.subject", true, urls, p);
                    dateTime(r, "authoredOn", "ServiceRequest", p);
                    for (JsonNode x : r.path("extension")) {
                        if (!x.has("url")) {
                            p.add("ServiceRequest.extension.url is required");
                        }
                    }
                }
                case "Task" -> {
                    code(r, "status", TASK_STATUS, true, p);
                    code(r, "intent", TASK_INTENT, true, p);
                    code(r, "priority", PRIORITY, false, p);
                    for (JsonNode b : r.path("basedOn")) {
                        reference(b, "Task.basedOn", true, urls, p);
                    }
                    reference(r.path("focus"), "Task.focus", false, urls, p);
                    reference(r.path("for"), "Task.for", false, urls, p);
                    dateTime(r, "authoredOn", "Task", p);
                    dateTime(r, "lastModified", "Task", p);
                    dateTime(r.path("executionPeriod"), "start", "Task.executionPeriod", p);
                    dateTime(r.path("executionPeriod"), "end", "Task.executionPeriod", p);
                }
                default -> p.add("unexpected resource " + type);
            }
        }
        return p;
    }

    private static void require(JsonNode n, String field, String value, List<String> p) {
        if (!value.equals(n.path(field).asText())) {
            p.add(field + " must be " + value);
        }
    }

    private static void code(JsonNode n, String field, Set<String> valueSet, boolean required, List<String> p) {
        if (!n.has(field)) {
            if (required) {
                p.add(field + " is required");
            }
            return;
        }
        String v = n.get(field).asText();
        if (!CODE.matcher(v).matches() || !valueSet.contains(v)) {
            p.add(field + " '" + v + "' is not in its value set");
        }
    }

    private static void dateTime(JsonNode n, String field, String where, List<String> p) {
        if (n.has(field) && !DATE_TIME.matcher(n.get(field).asText()).matches()) {
            p.add(where + "." + field + " is not a dateTime: " + n.get(field).asText());
        }
    }

    private static void reference(JsonNode ref, String where, boolean required, Set<String> urls, List<String> p) {
        if (ref.isMissingNode()) {
            if (required) {
                p.add(where + " is required");
            }
            return;
        }
        if (!urls.contains(ref.path("reference").asText())) {
            p.add(where + " does not resolve in the bundle");
        }
    }

    /** FHIR JSON never has nulls, empty strings, empty arrays or empty objects. */
    private static void noEmptyValues(JsonNode n, String path, List<String> p) {
        if (n.isNull() || (n.isTextual() && n.asText().isEmpty()) || (n.isContainerNode() && n.isEmpty())) {
            p.add(path + " is empty");
        }
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
                var e = it.next();
                noEmptyValues(e.getValue(), path + "." + e.getKey(), p);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                noEmptyValues(n.get(i), path + "[" + i + "]", p);
            }
        }
    }

    @Test
    void theValidatorCatchesMistakes() throws Exception {
        JsonNode bad = JSON.readTree("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":\"urn:uuid:1\","
                + "\"resource\":{\"resourceType\":\"ServiceRequest\",\"status\":\"open\",\"subject\":{\"reference\":\"Patient/x\"},"
                + "\"note\":[]}},{\"resource\":{\"resourceType\":\"Task\",\"status\":\"in-progress\",\"intent\":\"order\","
                + "\"authoredOn\":\"2026-13-01\"}}]}");
        List<String> problems = validate(bad);
        assertTrue(problems.contains("status 'open' is not in its value set"), problems.toString());
        assertTrue(problems.contains("intent is required"), problems.toString());
        assertTrue(problems.contains("ServiceRequest.subject does not resolve in the bundle"), problems.toString());
        assertTrue(problems.contains("Bundle.entry[0].resource.note is empty"), problems.toString());
        assertTrue(problems.stream().anyMatch(x -> x.startsWith("Task.authoredOn is not a dateTime")), problems.toString());
        assertTrue(problems.contains("Task.basedOn is required") || !problems.isEmpty());
    }

    @Test
    void everyStatusExportsAsValidFhir() throws Exception {
        Harness h = new Harness(Databases.get(Sql.Dialect.H2));
        long id = Harness.idFrom(h.page(Method.POST, "/verwijzen", Harness.filledIn(h.referrer())));
        for (ReferralStatus s : ReferralStatus.values()) {
            h.service.referrals().setStatus(h.sql(), id, s, h.clock.instant());
            JsonNode bundle = JSON.readTree((byte[]) h.api(Method.GET, "/referrals/" + id + "/fhir", h.coach()).body());
            assertEquals(List.of(), validate(bundle), s.name());
            assertEquals(s.serviceRequestStatus(), bundle.at("/entry/1/resource/status").asText());
            assertEquals(s.taskStatus(), bundle.at("/entry/2/resource/status").asText());
        }
        assertTrue(h.audit.events().stream().anyMatch(e -> e.action() == AuditEvent.Action.EXPORT && String.valueOf(id).equals(e.recordId())));
    }

    @Test
    void anExportReadsBackAsTheSameReferralInAnotherInitiative() throws Exception {
        Harness a = new Harness(Databases.get(Sql.Dialect.H2));
        long id = Harness.idFrom(a.page(Method.POST, "/verwijzen", Harness.filledIn(a.referrer())));
        a.page(Method.POST, "/dossier/" + id + "/toewijzen", a.coach().form("coach", "self"));
        WebResponse export = a.page(Method.GET, "/dossier/" + id + "/fhir", a.coach());
        assertEquals("application/fhir+json;charset=UTF-8", export.contentType());
        assertTrue(export.headers().get("Content-Disposition").contains(".fhir.json"));
        String json = new String((byte[]) export.body(), java.nio.charset.StandardCharsets.UTF_8);

        Harness b = new Harness(Databases.get(Sql.Dialect.H2));
        WebResponse created = b.api(Method.POST, "/fhir", b.coordinator().json(json));
        assertEquals(201, created.status());
        @SuppressWarnings("unchecked")
        long newId = ((Number) ((Map<String, Object>) created.body()).get("id")).longValue();
        Referral copy = b.service.referrals().find(b.sql(), newId).orElseThrow();
        Referral original = a.service.referrals().find(a.sql(), id).orElseThrow();
        assertEquals(original.patientName(), copy.patientName());
        assertEquals(original.patientBirthDate(), copy.patientBirthDate());
        assertEquals(original.patientPhone(), copy.patientPhone());
        assertEquals(original.reasons(), copy.reasons());
        assertEquals(original.note(), copy.note());
        assertEquals(original.referrerType(), copy.referrerType());
        assertEquals(original.consentFeedback(), copy.consentFeedback());
        assertEquals(ReferralStatus.ACCEPTED, copy.status());
        assertEquals("FHIR", copy.source());
        assertEquals("Pieter van Dijk", copy.referrerName());
        assertEquals(409, assertThrows(ProblemException.class, () -> b.api(Method.POST, "/fhir", b.coordinator().json(json))).status(),
                "the same referral twice");

        // The same through the page: pasted into the form, with the problems listed and the text kept.
        Harness c = new Harness(Databases.get(Sql.Dialect.H2));
        WebResponse wrong = c.page(Method.POST, "/ontvangen", c.coach().form("fhir", json.replace("\"active\"", "\"draft\"")));
        assertEquals(400, wrong.status());
        assertTrue(Harness.html(wrong).contains("entry[1].resource.status"));
        assertTrue(Harness.html(wrong).contains("ServiceRequest"), "the pasted text stays");
        WebResponse taken = c.page(Method.POST, "/ontvangen", c.coach().form("fhir", json));
        assertTrue(taken.headers().get("Location").matches("/lindeholt/referral/dossier/\\d+"), taken.headers().toString());
    }

    @Test
    void anImportWithMistakesIsRefusedNamingTheElements() throws Exception {
        Harness h = new Harness(Databases.get(Sql.Dialect.H2));
        String draft = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"fullUrl\":\"urn:uuid:p\",\"resource\":"
                + "{\"resourceType\":\"Patient\",\"name\":[{\"given\":[\"Truus\"],\"family\":\"Bakker\"}],\"birthDate\":\"1940-02-30\"}},"
                + "{\"resource\":{\"resourceType\":\"ServiceRequest\",\"status\":\"draft\",\"intent\":\"order\","
                + "\"subject\":{\"reference\":\"urn:uuid:p\"}}}]}";
        ProblemException e = assertThrows(ProblemException.class, () -> h.api(Method.POST, "/fhir", h.coordinator().json(draft)));
        assertEquals(400, e.status());
        assertTrue(e.fieldErrors().containsKey("entry[1].resource.status"), e.fieldErrors().toString());
        assertTrue(e.fieldErrors().containsKey("entry[0].resource.birthDate"), e.fieldErrors().toString());

        String noConsent = draft.replace("\"draft\"", "\"active\"").replace("1940-02-30", "1940-02-28");
        ProblemException consent = assertThrows(ProblemException.class, () -> h.api(Method.POST, "/fhir", h.coordinator().json(noConsent)));
        assertTrue(consent.fieldErrors().containsKey("ServiceRequest.extension[" + FhirMapper.EXT_CONSENT_CONTACT + "]"));
        assertTrue(consent.fieldErrors().containsKey("Patient.telecom"));
        assertTrue(consent.fieldErrors().containsKey("ServiceRequest.reasonCode"));
        assertFalse(consent.fieldErrors().containsKey("Patient.name"), "given and family make the name");

        assertEquals(400, assertThrows(ProblemException.class, () -> h.api(Method.POST, "/fhir", h.coordinator().json("{oops"))).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> h.api(Method.POST, "/fhir", h.referrer().json(draft))).status());
    }
}
