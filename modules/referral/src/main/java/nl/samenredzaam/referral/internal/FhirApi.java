package nl.samenredzaam.referral.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** FHIR R4 export (page download and API) and import (API) of a referral. */
final class FhirApi {

    static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

    private final ReferralService service;
    private final ReferralAccess access;

    FhirApi(ReferralService service, ReferralAccess access) {
        this.service = service;
        this.access = access;
    }

    WebResponse export(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.EXPORT);
        return WebResponse.text(FHIR_JSON, FhirMapper.write(FhirMapper.export(r, req.initiative().slug(), service.clock().instant())));
    }

    WebResponse download(WebRequest req) {
        return export(req).attachment("verwijzing-R-" + req.pathId("id") + ".fhir.json");
    }

    WebResponse importBundle(WebRequest req) {
        long id = receive(req, req.bodyBytes());
        Referral r = service.referrals().find(req.sql(), id).orElseThrow();
        return WebResponse.created("/api/v1/" + req.initiative().slug() + "/referral/referrals/" + id, ReferralJson.forReferrer(r));
    }

    /** The page for pasting a FHIR file received from another system. */
    WebResponse importForm(WebRequest req) {
        return showImport(req, "", Map.of(), 200);
    }

    WebResponse importFromForm(WebRequest req) {
        String text = req.form("fhir").orElse("");
        try {
            long id = receive(req, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return WebResponse.redirect(req.link("/referral/dossier/" + id));
        } catch (ProblemException e) {
            Map<String, String> problems = e.fieldErrors().isEmpty() ? Map.of("fhir", e.detail()) : e.fieldErrors();
            return showImport(req, text, problems, e.status());
        }
    }

    private WebResponse showImport(WebRequest req, String text, Map<String, String> problems, int status) {
        Map<String, Object> params = ReferrerPages.base(req);
        params.put("text", text);
        params.put("problems", problems);
        params.put("csrf", req.csrfToken());
        return WebResponse.page(req.messages().get("import.title"), Templates.render("import.jte", params)).status(status);
    }

    /** Checks and stores a received Bundle; a ProblemException names what is wrong. */
    private long receive(WebRequest req, byte[] bundle) {
        FhirMapper.Imported imported = FhirMapper.read(bundle);
        if (!imported.problems().isEmpty()) {
            throw ProblemException.invalidFields(imported.problems());
        }
        List<String> reasons = ReferralService.reasons(req.setting(ReferralModule.SETTING_REASONS));
        Map<String, String> problems = new LinkedHashMap<>();
        imported.input().problems(req.messages(), reasons, service.today()).forEach((k, v) -> problems.put(FhirMapper.fhirPath(k), v));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        if (imported.identifier() != null && service.referrals().findByExternalId(req.sql(), imported.identifier()).isPresent()) {
            throw ProblemException.conflict("This referral was received before");
        }
        long id = service.create(req.sql(), imported.input(), reasons, new ReferralService.Referrer(null, imported.requesterName(), null),
                "FHIR", imported.identifier(), ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS)));
        if (imported.status() != ReferralStatus.NEW) {
            service.referrals().setStatus(req.sql(), id, imported.status(), service.clock().instant());
        }
        ReferralAccess.log(req, Action.CREATE, id, "care");
        return id;
    }
}
