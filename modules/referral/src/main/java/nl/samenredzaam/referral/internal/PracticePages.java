package nl.samenredzaam.referral.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/**
 * Secure referral links for practices without accounts. Coordinators make and revoke them; whoever
 * opens the link can send referrals with the one-minute form, and sees nothing else.
 */
final class PracticePages {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final ReferralService service;
    private final PracticeLinkRepository links = new PracticeLinkRepository();

    PracticePages(ReferralService service) {
        this.service = service;
    }

    PracticeLinkRepository links() {
        return links;
    }

    // ---- for coordinators

    WebResponse list(WebRequest req) {
        return showList(req, Map.of(), Map.of(), null, 200);
    }

    WebResponse create(WebRequest req) {
        Messages msg = req.messages();
        Map<String, String> input = new LinkedHashMap<>();
        input.put("practiceName", req.form("practiceName").orElse(""));
        input.put("practiceType", req.form("practiceType").orElse(""));
        input.put("practiceEmail", req.form("practiceEmail").orElse(""));
        Map<String, String> problems = new LinkedHashMap<>();
        if (input.get("practiceName").isEmpty()) {
            problems.put("practiceName", msg.get("error.practiceName"));
        } else if (input.get("practiceName").length() > 200) {
            problems.put("practiceName", msg.get("error.tooLong", 200));
        }
        ReferrerType type = ReferrerType.parse(input.get("practiceType"));
        if (type == null) {
            problems.put("practiceType", msg.get("error.referrerType"));
        }
        String email = input.get("practiceEmail");
        if (!email.isEmpty() && (!EMAIL.matcher(email).matches() || email.length() > 200)) {
            problems.put("practiceEmail", msg.get("error.email"));
        }
        if (!problems.isEmpty()) {
            return showList(req, input, problems, null, 400);
        }
        String token = links.create(req.sql(), input.get("practiceName"), type, email.isEmpty() ? null : email, service.clock().instant());
        return showList(req, Map.of(), Map.of(), req.absoluteUrl("/referral/praktijk/" + token), 200);
    }

    WebResponse revoke(WebRequest req) {
        if (!links.revoke(req.sql(), req.pathId("id"), service.clock().instant())) {
            throw ProblemException.notFound();
        }
        return WebResponse.redirect(req.link("/referral/praktijken"));
    }

    private WebResponse showList(WebRequest req, Map<String, String> input, Map<String, String> problems, String newLink, int status) {
        Map<String, Object> params = ReferrerPages.base(req);
        params.put("links", links.all(req.sql()));
        params.put("input", input);
        params.put("problems", problems);
        params.put("newLink", newLink);
        params.put("csrf", req.csrfToken());
        return WebResponse.page(req.messages().get("practice.title"), Templates.render("practices.jte", params)).status(status);
    }

    // ---- for the practice, through the link

    private PracticeLink link(WebRequest req) {
        return links.active(req.sql(), req.pathParam("token")).orElseThrow(ProblemException::notFound);
    }

    WebResponse form(WebRequest req) {
        PracticeLink link = link(req);
        return showForm(req, link, ReferralInput.empty(), "", Map.of(), req.query("ontvangen").orElse(null), 200);
    }

    WebResponse submit(WebRequest req) {
        PracticeLink link = link(req);
        Messages msg = req.messages();
        ReferralInput input = new ReferralInput(req.form("patientName").orElse(""), req.form("patientBirthDate").orElse(""),
                req.form("patientPhone").orElse(""), req.formValues("reasons"), req.form("note").orElse(""),
                req.form("urgency").orElse("NORMAL"), req.form("consentContact").isPresent(), req.form("consentFeedback").isPresent(),
                link.referrerType().name(), link.practiceName());
        String referrerName = req.form("referrerName").orElse("");
        List<String> reasons = ReferralService.reasons(req.setting(ReferralModule.SETTING_REASONS));
        Map<String, String> problems = new LinkedHashMap<>();
        if (referrerName.isEmpty()) {
            problems.put("referrerName", msg.get("error.referrerName"));
        } else if (referrerName.length() > 200) {
            problems.put("referrerName", msg.get("error.tooLong", 200));
        }
        problems.putAll(input.problems(msg, reasons, service.today()));
        if (!problems.isEmpty()) {
            return showForm(req, link, input, referrerName, problems, null, 400);
        }
        long id = service.create(req.sql(), input, reasons, new ReferralService.Referrer(null, referrerName, link.contactEmail()), "LINK",
                null, ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS)));
        service.referrals().fromPracticeLink(req.sql(), id, link.id());
        ReferralAccess.log(req, Action.CREATE, id, "referral");
        return WebResponse.redirect(req.link("/referral/praktijk/" + req.pathParam("token")) + "?ontvangen=R-" + id);
    }

    private WebResponse showForm(WebRequest req, PracticeLink link, ReferralInput input, String referrerName, Map<String, String> problems,
            String received, int status) {
        Messages msg = req.messages();
        Map<String, Object> params = ReferrerPages.base(req);
        params.put("input", input);
        params.put("problems", problems);
        params.put("csrf", req.csrfToken());
        params.put("action", req.link("/referral/praktijk/" + req.pathParam("token")));
        params.put("reasons", ReferralService.reasons(req.setting(ReferralModule.SETTING_REASONS)));
        params.put("practice", link.practiceName());
        params.put("referrerName", referrerName);
        params.put("received", received != null && received.matches("R-[0-9]{1,12}") ? received : null);
        params.put("deadline", ReferralService.date(WorkingDays.plus(service.today(),
                ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS)))));
        return WebResponse.page(msg.get("refer.title"), Templates.render("refer-form.jte", params)).status(status);
    }
}
