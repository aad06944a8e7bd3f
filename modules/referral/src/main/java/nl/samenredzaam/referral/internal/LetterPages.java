package nl.samenredzaam.referral.internal;

import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.instruments.SpiderWeb;

/** The feedback letter as a page and as a PDF, for the coach and for the referrer who made the referral. */
final class LetterPages {

    private final ReferralService service;
    private final ReferralAccess access;

    LetterPages(ReferralService service, ReferralAccess access) {
        this.service = service;
        this.access = access;
    }

    /** The letter, or a 404 when the referral is not the reader's or there is no letter of that kind. */
    FeedbackLetter letter(WebRequest req, Action action) {
        Referral r = access.forCoachOrReferrer(req, req.pathId("id"), action);
        return build(req, r);
    }

    private FeedbackLetter build(WebRequest req, Referral r) {
        return FeedbackLetter.build(req.pathParam("kind"), r, service.trajectory().measurements(req.sql(), r.id()),
                service.trajectory().steps(req.sql(), r.id()), req.messages(), new View(req)).orElseThrow(ProblemException::notFound);
    }

    WebResponse page(WebRequest req) {
        Referral r = access.forCoachOrReferrer(req, req.pathId("id"), Action.READ);
        FeedbackLetter letter = build(req, r);
        Map<String, Object> params = ReferrerPages.base(req);
        params.put("letter", letter);
        params.put("web", web(req, r, letter));
        params.put("pdf", req.link("/referral/brief/" + req.pathId("id") + "/" + letter.kind() + "/pdf"));
        params.put("back", req.isAllowed(ReferralModule.COACH) ? req.link("/referral/dossier/" + req.pathId("id"))
                : req.link("/referral/verwijzingen/" + req.pathId("id")));
        return WebResponse.page(letter.title(), Templates.render("letter.jte", params));
    }

    /** The spider web (before and after at closing) when the patient agreed to share the scores. */
    private Html web(WebRequest req, Referral r, FeedbackLetter letter) {
        if (letter.scores().isEmpty()) {
            return null;
        }
        var m = service.trajectory().measurements(req.sql(), r.id());
        Measurement before = m.get(Measurement.Kind.INTAKE);
        Measurement after = letter.withAfter() ? m.get(Measurement.Kind.CLOSING) : null;
        return after == null ? SpiderWeb.html(before.scores(), null, req.locale(), "letter-web")
                : SpiderWeb.html(after.scores(), before.scores(), req.locale(), "letter-web");
    }

    WebResponse pdf(WebRequest req) {
        FeedbackLetter letter = letter(req, Action.PRINT);
        Messages msg = req.messages();
        byte[] pdf = LetterPdf.render(letter, req.initiative().name(), new View(req).date(service.today()), msg);
        return WebResponse.bytes("application/pdf", pdf).attachment("verwijzing-R-" + req.pathId("id") + "-" + letter.kind() + ".pdf");
    }
}
