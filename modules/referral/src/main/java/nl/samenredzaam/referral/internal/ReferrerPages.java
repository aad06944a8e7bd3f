package nl.samenredzaam.referral.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** The referrer's pages: the one-minute form, the acknowledgement, and their referrals with the feedback. */
final class ReferrerPages {

    private final ReferralService service;
    private final ReferralAccess access;

    ReferrerPages(ReferralService service, ReferralAccess access) {
        this.service = service;
        this.access = access;
    }

    WebResponse form(WebRequest req) {
        return showForm(req, ReferralInput.empty(), Map.of(), 200);
    }

    WebResponse create(WebRequest req) {
        ReferralInput input = new ReferralInput(req.form("patientName").orElse(""), req.form("patientBirthDate").orElse(""),
                req.form("patientPhone").orElse(""), req.formValues("reasons"), req.form("note").orElse(""),
                req.form("urgency").orElse("NORMAL"), req.form("consentContact").isPresent(), req.form("consentFeedback").isPresent(),
                req.form("referrerType").orElse(""), req.form("referrerOrg").orElse(""));
        List<String> reasons = ReferralService.reasons(req.setting(ReferralModule.SETTING_REASONS));
        Map<String, String> problems = input.problems(req.messages(), reasons, service.today());
        if (!problems.isEmpty()) {
            return showForm(req, input, problems, 400);
        }
        long id = service.create(req.sql(), input, reasons, referrer(req, service), "FORM", null,
                ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS)));
        ReferralAccess.log(req, Action.CREATE, id, "referral");
        return WebResponse.redirect(req.link("/referral/verwijzingen/" + id + "?ontvangen=1"));
    }

    /** The signed-in referrer, with their e-mail address from the directory when there is one. */
    static ReferralService.Referrer referrer(WebRequest req, ReferralService service) {
        Actor actor = req.requireActor();
        String email = service.partners().directory().flatMap(d -> d.member(req.sql(), actor.userId())).map(Member::email).orElse(null);
        return new ReferralService.Referrer(actor.userId(), actor.displayName(), email);
    }

    WebResponse list(WebRequest req) {
        Messages msg = req.messages();
        ReferralAccess.logList(req, "referral-feedback");
        Map<String, Object> params = base(req);
        params.put("referrals", service.referrals().byReferrer(req.sql(), req.requireActor().userId()));
        return WebResponse.page(msg.get("referrer.list.title"), Templates.render("referrer-list.jte", params));
    }

    WebResponse detail(WebRequest req) {
        Messages msg = req.messages();
        Referral r = access.forReferrer(req, req.pathId("id"), Action.READ);
        Map<String, Object> params = base(req);
        params.put("r", r);
        params.put("received", req.query("ontvangen").isPresent());
        params.put("csrf", req.csrfToken());
        params.put("deadline", ReferralService.date(ReferralService.contactDeadline(r,
                ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS)))));
        return WebResponse.page(msg.get("referrer.detail.title", r.reference()), Templates.render("referrer-detail.jte", params));
    }

    /** The referrer withdraws a referral that is still open (e.g. the patient changed their mind). */
    WebResponse withdraw(WebRequest req) {
        Referral r = access.forReferrer(req, req.pathId("id"), Action.UPDATE);
        if (!r.status().isOpen()) {
            throw ProblemException.conflict("The referral is finished");
        }
        service.contact(req.sql(), r, ReferralService.ContactOutcome.CANCELLED);
        return WebResponse.redirect(req.link("/referral/verwijzingen/" + r.id()));
    }

    private WebResponse showForm(WebRequest req, ReferralInput input, Map<String, String> problems, int status) {
        Messages msg = req.messages();
        Map<String, Object> params = base(req);
        params.put("input", input);
        params.put("problems", problems);
        params.put("csrf", req.csrfToken());
        params.put("action", req.link("/referral/verwijzen"));
        params.put("reasons", ReferralService.reasons(req.setting(ReferralModule.SETTING_REASONS)));
        params.put("practice", null);
        params.put("referrerName", "");
        params.put("received", null);
        params.put("deadline", "");
        return WebResponse.page(msg.get("refer.title"), Templates.render("refer-form.jte", params)).status(status);
    }

    static Map<String, Object> base(WebRequest req) {
        Map<String, Object> params = new HashMap<>();
        params.put("msg", req.messages());
        params.put("view", new View(req));
        return params;
    }
}
