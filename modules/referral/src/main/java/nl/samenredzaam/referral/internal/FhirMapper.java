package nl.samenredzaam.referral.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A referral as FHIR R4 JSON: a Bundle (type {@code collection}) with the Patient, the referral as
 * a ServiceRequest and its handling as a Task. Statuses map as in {@link ReferralStatus}. Consent
 * and the referrer type travel in extensions of this platform.
 */
final class FhirMapper {

    static final String EXT = "https://samenredzaam.nl/fhir/StructureDefinition/";
    static final String EXT_CONSENT_CONTACT = EXT + "referral-consent-contact";
    static final String EXT_CONSENT_FEEDBACK = EXT + "referral-consent-feedback";
    static final String EXT_REFERRER_TYPE = EXT + "referral-referrer-type";
    static final String EXT_REFERRER_ORG = EXT + "referral-referrer-organisation";
    static final String CATEGORY_TEXT = "Welzijn op recept";

    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirMapper() {
    }

    static String identifierSystem(String slug) {
        return "urn:samenredzaam:" + slug + ":referral";
    }

    /** The referral as a FHIR Bundle. */
    static ObjectNode export(Referral r, String slug, Instant now) {
        String patientUrl = urn(slug, r.id(), "patient");
        String requestUrl = urn(slug, r.id(), "service-request");
        String taskUrl = urn(slug, r.id(), "task");

        ObjectNode patient = JSON.createObjectNode();
        patient.put("resourceType", "Patient");
        patient.put("id", "patient-" + r.id());
        patient.putArray("name").addObject().put("text", r.patientName());
        if (r.patientPhone() != null) {
            patient.putArray("telecom").addObject().put("system", "phone").put("value", r.patientPhone());
        }
        if (r.patientBirthDate() != null) {
            patient.put("birthDate", r.patientBirthDate().toString());
        }

        ObjectNode request = JSON.createObjectNode();
        request.put("resourceType", "ServiceRequest");
        request.put("id", "referral-" + r.id());
        ArrayNode ext = request.putArray("extension");
        ext.addObject().put("url", EXT_CONSENT_CONTACT).put("valueBoolean", r.consentContact());
        ext.addObject().put("url", EXT_CONSENT_FEEDBACK).put("valueBoolean", r.consentFeedback());
        ext.addObject().put("url", EXT_REFERRER_TYPE).put("valueCode", r.referrerType().name().toLowerCase(java.util.Locale.ROOT));
        if (r.referrerOrg() != null) {
            ext.addObject().put("url", EXT_REFERRER_ORG).put("valueString", r.referrerOrg());
        }
        ArrayNode ids = request.putArray("identifier");
        ids.addObject().put("system", identifierSystem(slug)).put("value", r.reference());
        if (r.externalId() != null) {
            ids.addObject().put("value", r.externalId());
        }
        request.put("status", r.status().serviceRequestStatus());
        request.put("intent", "order");
        request.putArray("category").addObject().put("text", CATEGORY_TEXT);
        request.put("priority", r.urgency().fhirPriority());
        request.putObject("code").put("text", CATEGORY_TEXT);
        request.putObject("subject").put("reference", patientUrl);
        request.put("authoredOn", r.createdAt().toString());
        request.putObject("requester").put("display", r.referrerName());
        ArrayNode reasons = request.putArray("reasonCode");
        r.reasons().forEach(reason -> reasons.addObject().put("text", reason));
        if (r.note() != null) {
            request.putArray("note").addObject().put("text", r.note());
        }

        ObjectNode task = JSON.createObjectNode();
        task.put("resourceType", "Task");
        task.put("id", "task-" + r.id());
        task.putArray("basedOn").addObject().put("reference", requestUrl);
        task.put("status", r.status().taskStatus());
        task.put("intent", "order");
        task.put("priority", r.urgency().fhirPriority());
        task.putObject("focus").put("reference", requestUrl);
        task.putObject("for").put("reference", patientUrl);
        if (r.firstContactAt() != null) {
            ObjectNode period = task.putObject("executionPeriod");
            period.put("start", r.firstContactAt().toString());
            if (r.closedAt() != null) {
                period.put("end", r.closedAt().toString());
            }
        }
        task.put("authoredOn", r.createdAt().toString());
        task.put("lastModified", r.updatedAt().toString());
        if (r.coachName() != null) {
            task.putObject("owner").put("display", r.coachName());
        }

        ObjectNode bundle = JSON.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        bundle.put("timestamp", now.toString());
        ArrayNode entries = bundle.putArray("entry");
        entries.addObject().put("fullUrl", patientUrl).set("resource", patient);
        entries.addObject().put("fullUrl", requestUrl).set("resource", request);
        entries.addObject().put("fullUrl", taskUrl).set("resource", task);
        return bundle;
    }

    static String write(JsonNode node) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String urn(String slug, long id, String what) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes((slug + "/referral/" + id + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    /** A referral read from a FHIR Bundle, or the problems per JSON path. */
    record Imported(ReferralInput input, ReferralStatus status, String requesterName, String identifier, Map<String, String> problems) {
    }

    /** Reads a Bundle with a Patient, a ServiceRequest and optionally a Task. */
    static Imported read(byte[] body) {
        Map<String, String> problems = new LinkedHashMap<>();
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            problems.put("body", "not valid JSON");
            return new Imported(null, null, null, null, problems);
        }
        if (root == null || !"Bundle".equals(root.path("resourceType").asText())) {
            problems.put("resourceType", "must be Bundle");
            return new Imported(null, null, null, null, problems);
        }
        Map<String, JsonNode> byUrl = new LinkedHashMap<>();
        JsonNode patient = null;
        JsonNode request = null;
        JsonNode task = null;
        String requestPath = null;
        String taskPath = null;
        String patientPath = null;
        JsonNode entries = root.path("entry");
        if (!entries.isMissingNode() && !entries.isArray()) {
            // an object here made entries.get(0) null (found by ReferralApiFuzzTest, input fhir-entry-object)
            problems.put("entry", "must be a list of entries");
            return new Imported(null, null, null, null, problems);
        }
        for (int i = 0; i < entries.size(); i++) {
            JsonNode res = entries.get(i).path("resource");
            String path = "entry[" + i + "].resource";
            if (entries.get(i).hasNonNull("fullUrl")) {
                byUrl.put(entries.get(i).get("fullUrl").asText(), res);
            }
            switch (res.path("resourceType").asText()) {
                case "Patient" -> {
                    if (patient == null) {
                        patient = res;
                        patientPath = path;
                    }
                    byUrl.put("Patient/" + res.path("id").asText(), res);
                }
                case "ServiceRequest" -> {
                    if (request == null) {
                        request = res;
                        requestPath = path;
                    }
                }
                case "Task" -> {
                    if (task == null) {
                        task = res;
                        taskPath = path;
                    }
                }
                default -> {
                    // other resources are not used
                }
            }
        }
        if (request == null) {
            problems.put("entry", "a ServiceRequest is required");
            return new Imported(null, null, null, null, problems);
        }
        String srStatus = request.path("status").asText("");
        String taskStatus = task == null ? null : task.path("status").asText("");
        if (!List.of("draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown").contains(srStatus)) {
            problems.put(requestPath + ".status", "unknown request status");
        } else if ("draft".equals(srStatus) || "entered-in-error".equals(srStatus) || "unknown".equals(srStatus)) {
            problems.put(requestPath + ".status", "only a sent referral can be received (status " + srStatus + ")");
        }
        if (!List.of("proposal", "plan", "directive", "order", "original-order", "reflex-order", "filler-order", "instance-order",
                "option").contains(request.path("intent").asText(""))) {
            problems.put(requestPath + ".intent", "unknown request intent");
        }
        if (task != null && !List.of("draft", "requested", "received", "accepted", "rejected", "ready", "cancelled", "in-progress",
                "on-hold", "failed", "completed", "entered-in-error").contains(taskStatus)) {
            problems.put(taskPath + ".status", "unknown task status");
        }
        Optional<ReferralStatus> status = problems.isEmpty() ? ReferralStatus.fromFhir(srStatus, taskStatus) : Optional.empty();
        if (problems.isEmpty() && status.isEmpty()) {
            problems.put((taskPath == null ? requestPath : taskPath) + ".status", "this status cannot be received");
        }
        String subject = request.path("subject").path("reference").asText("");
        JsonNode subjectPatient = byUrl.get(subject);
        if (subject.isEmpty()) {
            problems.put(requestPath + ".subject", "required");
        } else if (subjectPatient == null) {
            problems.put(requestPath + ".subject", "must refer to a Patient in the bundle");
        } else {
            patient = subjectPatient;
        }
        String name = "";
        String born = "";
        String phone = "";
        if (patient != null) {
            JsonNode n = patient.path("name").path(0);
            name = n.hasNonNull("text") ? n.get("text").asText()
                    : (String.join(" ", texts(n.path("given"))) + " " + n.path("family").asText("")).strip();
            born = patient.path("birthDate").asText("");
            for (JsonNode t : patient.path("telecom")) {
                if ("phone".equals(t.path("system").asText()) && phone.isEmpty()) {
                    phone = t.path("value").asText("");
                }
            }
            if (!born.isEmpty()) {
                try {
                    LocalDate.parse(born);
                } catch (DateTimeParseException e) {
                    problems.put((patientPath == null ? "Patient" : patientPath) + ".birthDate", "must be a date like 1950-03-31");
                }
            }
        }
        List<String> reasons = new ArrayList<>();
        for (JsonNode rc : request.path("reasonCode")) {
            String text = rc.hasNonNull("text") ? rc.get("text").asText() : rc.path("coding").path(0).path("display").asText("");
            if (!text.isBlank()) {
                reasons.add(text);
            }
        }
        String note = texts(request.path("note"), "text");
        boolean consentContact = false;
        boolean consentFeedback = false;
        String referrerType = "ANDERS";
        String referrerOrg = "";
        for (JsonNode e : request.path("extension")) {
            switch (e.path("url").asText()) {
                case EXT_CONSENT_CONTACT -> consentContact = e.path("valueBoolean").asBoolean(false);
                case EXT_CONSENT_FEEDBACK -> consentFeedback = e.path("valueBoolean").asBoolean(false);
                case EXT_REFERRER_TYPE -> referrerType = e.path("valueCode").asText("ANDERS").toUpperCase(java.util.Locale.ROOT);
                case EXT_REFERRER_ORG -> referrerOrg = e.path("valueString").asText("");
                default -> {
                    // unknown extensions are ignored
                }
            }
        }
        String urgency = request.path("priority").asText("routine");
        String requester = request.path("requester").path("display").asText("").strip();
        String identifier = null;
        for (JsonNode id : request.path("identifier")) {
            if (id.hasNonNull("value")) {
                identifier = (id.hasNonNull("system") ? id.get("system").asText() + "|" : "") + id.get("value").asText();
                break;
            }
        }
        ReferralInput input = new ReferralInput(name, born, phone, reasons, note, urgency, consentContact, consentFeedback,
                referrerType, referrerOrg);
        return new Imported(input, status.orElse(null), requester.isEmpty() ? "FHIR" : requester, identifier, problems);
    }

    /** Maps problems of the referral input to the FHIR element they came from. */
    static String fhirPath(String field) {
        return switch (field) {
            case "patientName" -> "Patient.name";
            case "patientBirthDate" -> "Patient.birthDate";
            case "patientPhone" -> "Patient.telecom";
            case "reasons" -> "ServiceRequest.reasonCode";
            case "note" -> "ServiceRequest.note";
            case "urgency" -> "ServiceRequest.priority";
            case "consentContact" -> "ServiceRequest.extension[" + EXT_CONSENT_CONTACT + "]";
            case "referrerType" -> "ServiceRequest.extension[" + EXT_REFERRER_TYPE + "]";
            case "referrerOrg" -> "ServiceRequest.extension[" + EXT_REFERRER_ORG + "]";
            default -> field;
        };
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> {
            if (n.hasNonNull(field)) {
                out.add(n.get(field).asText());
            }
        });
        return String.join("\n", out);
    }
}
