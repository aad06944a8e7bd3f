package nl.samenredzaam.referral.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** JSON API for practice links: manage them (coordinators) and refer through one (the practice's system). */
final class PracticeApi {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ReferralService service;
    private final PracticeLinkRepository links = new PracticeLinkRepository();

    PracticeApi(ReferralService service) {
        this.service = service;
    }

    WebResponse list(WebRequest req) {
        return WebResponse.json(links.all(req.sql()).stream().map(PracticeApi::json).toList());
    }

    /** Body of {@code POST /practice-links}. */
    record LinkBody(String practiceName, String referrerType, String contactEmail) {
    }

    WebResponse create(WebRequest req) {
        LinkBody b = req.body(LinkBody.class);
        String name = b.practiceName() == null ? "" : b.practiceName().strip();
        String email = b.contactEmail() == null ? "" : b.contactEmail().strip();
        ReferrerType type = ReferrerType.parse(b.referrerType());
        Map<String, String> problems = new LinkedHashMap<>();
        if (name.isEmpty()) {
            problems.put("practiceName", req.messages().get("error.practiceName"));
        } else if (name.length() > 200) {
            problems.put("practiceName", req.messages().get("error.tooLong", 200));
        }
        if (type == null) {
            problems.put("referrerType", req.messages().get("error.referrerType"));
        }
        if (!email.isEmpty() && (!EMAIL.matcher(email).matches() || email.length() > 200)) {
            problems.put("contactEmail", req.messages().get("error.email"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        String token = links.create(req.sql(), name, type, email.isEmpty() ? null : email, service.clock().instant());
        PracticeLink link = links.active(req.sql(), token).orElseThrow();
        Map<String, Object> body = json(link);
        body.put("url", req.absoluteUrl("/referral/praktijk/" + token));
        body.put("apiPath", "/api/v1/" + req.initiative().slug() + "/referral/practice/" + token + "/referrals");
        return WebResponse.created("/api/v1/" + req.initiative().slug() + "/referral/practice-links/" + link.id(), body);
    }

    WebResponse revoke(WebRequest req) {
        if (!links.revoke(req.sql(), req.pathId("id"), service.clock().instant())) {
            throw ProblemException.notFound();
        }
        return WebResponse.noContent();
    }

    /** Body of {@code POST /practice/{token}/referrals}: the referral body plus who refers. */
    record LinkReferralBody(String referrerName, String patientName, String patientBirthDate, String patientPhone, List<String> reasons,
            String note, String urgency, Boolean consentContact, Boolean consentFeedback) {
    }

    WebResponse refer(WebRequest req) {
        PracticeLink link = links.active(req.sql(), req.pathParam("token")).orElseThrow(ProblemException::notFound);
        LinkReferralBody b = req.body(LinkReferralBody.class);
        ReferralInput input = new ReferralInput(b.patientName(), b.patientBirthDate(), b.patientPhone(), b.reasons(), b.note(),
                b.urgency(), b.consentContact(), b.consentFeedback(), link.referrerType().name(), link.practiceName());
        String referrerName = b.referrerName() == null ? "" : b.referrerName().strip();
        List<String> reasons = ReferralService.reasons(req.setting(ReferralModule.SETTING_REASONS));
        Map<String, String> problems = new LinkedHashMap<>();
        if (referrerName.isEmpty()) {
            problems.put("referrerName", req.messages().get("error.referrerName"));
        } else if (referrerName.length() > 200) {
            problems.put("referrerName", req.messages().get("error.tooLong", 200));
        }
        problems.putAll(input.problems(req.messages(), reasons, service.today()));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        long id = service.create(req.sql(), input, reasons, new ReferralService.Referrer(null, referrerName, link.contactEmail()), "LINK",
                null, ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS)));
        service.referrals().fromPracticeLink(req.sql(), id, link.id());
        ReferralAccess.log(req, Action.CREATE, id, "referral");
        // The practice learns only the reference: the link gives no read access.
        return WebResponse.json(201, Map.of("reference", "R-" + id, "status", ReferralStatus.NEW.name()));
    }

    private static Map<String, Object> json(PracticeLink l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("practiceName", l.practiceName());
        m.put("referrerType", l.referrerType().name());
        m.put("contactEmail", l.contactEmail());
        m.put("createdAt", l.createdAt().toString());
        m.put("revokedAt", l.revokedAt() == null ? null : l.revokedAt().toString());
        m.put("active", l.isActive());
        return m;
    }
}
