package nl.samenredzaam.referral.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.referral.internal.ReferralService.ContactOutcome;

/** The welzijnscoach's pages: the work queue and the file of one referral with its forms. */
final class CoachPages {

    private final ReferralService service;
    private final ReferralAccess access;
    private final Dossier dossier;

    CoachPages(ReferralService service, ReferralAccess access) {
        this.service = service;
        this.access = access;
        this.dossier = new Dossier(service);
    }

    WebResponse queue(WebRequest req) {
        Messages msg = req.messages();
        ReferralAccess.logList(req, "care");
        Long onlyFor = req.isAllowed(ReferralModule.ASSIGN) ? null : req.requireActor().userId();
        int days = ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS));
        var rows = QueueRow.of(service.referrals().open(req.sql(), onlyFor), service.trajectory().dueCounts(req.sql(), service.today()),
                service.today(), days);
        Map<String, Object> params = ReferrerPages.base(req);
        params.put("rows", rows);
        params.put("days", days);
        params.put("finished", service.referrals().finished(req.sql(), onlyFor, 20));
        params.put("canMonitor", req.isAllowed(ReferralModule.MONITOR));
        params.put("canAssign", req.isAllowed(ReferralModule.ASSIGN));
        return WebResponse.page(msg.get("queue.title"), Templates.render("queue.jte", params));
    }

    WebResponse dossier(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.READ);
        return dossier.render(req, r, Dossier.Forms.empty(), 200);
    }

    WebResponse assign(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        Actor actor = req.requireActor();
        String choice = req.form("coach").orElse("");
        if (choice.equals("self") || choice.equals(Long.toString(actor.userId()))) {
            service.assign(req.sql(), r, actor.userId(), actor.displayName());
        } else if (choice.equals("none") && req.isAllowed(ReferralModule.ASSIGN)) {
            service.assign(req.sql(), r, null, null);
        } else if (req.isAllowed(ReferralModule.ASSIGN)) {
            Coaches.Coach coach = Coaches.find(req, service.partners(), choice)
                    .orElseThrow(() -> new ProblemException(400, req.messages().get("error.coach")));
            service.assign(req.sql(), r, coach.userId(), coach.name());
        } else {
            throw ProblemException.forbidden();
        }
        return back(req, r, "toewijzen");
    }

    WebResponse contact(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        ContactOutcome outcome;
        try {
            outcome = ContactOutcome.valueOf(req.form("outcome").orElse(""));
        } catch (IllegalArgumentException e) {
            return dossier.render(req, r, Dossier.Forms.problem("outcome", req.messages().get("error.outcome")), 400);
        }
        service.contact(req.sql(), r, outcome);
        return back(req, r, "contact");
    }

    WebResponse intake(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        IntakeInput input = new IntakeInput(req.form("questionBehind").orElse(""), req.form("goals").orElse(""),
                req.form("sharePlan").isPresent(), req.form("shareScores").isPresent(), req.form("shareOutcome").isPresent(),
                ScoresInput.fromForm(req, "score"));
        Map<String, String> problems = input.problems(req.messages());
        if (!problems.isEmpty()) {
            return dossier.render(req, r, new Dossier.Forms(input, null, null, null, problems), 400);
        }
        service.intake(req.sql(), r, input);
        return back(req, r, "intake");
    }

    WebResponse addStep(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        Map<String, String> raw = new LinkedHashMap<>();
        for (String f : List.of("kind", "description", "activity", "helpCategory", "activityDate")) {
            raw.put(f, req.form(f).orElse(""));
        }
        raw.put("oneToOne", req.form("oneToOne").isPresent() ? "yes" : "");
        Map<String, String> problems = new LinkedHashMap<>();
        StepInput input = Dossier.stepInput(req, service, raw, problems);
        problems.putAll(input.problems(req.messages()));
        if (!problems.isEmpty()) {
            return dossier.render(req, r, new Dossier.Forms(null, raw, null, null, problems), 400);
        }
        service.addStep(req.sql(), r, input);
        return back(req, r, "plan");
    }

    WebResponse followUp(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        long id = req.pathId("followUp");
        String note = req.form("note-" + id).orElse("");
        if (note.length() > IntakeInput.TEXT_MAX) {
            return dossier.render(req, r, Dossier.Forms.problem("note-" + id, req.messages().get("error.tooLong", IntakeInput.TEXT_MAX)), 400);
        }
        service.completeFollowUp(req.sql(), r, id, note.isEmpty() ? null : note);
        return back(req, r, "vervolg");
    }

    WebResponse close(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        String outcome = req.form("closingOutcome").orElse("");
        ScoresInput scores = ScoresInput.fromForm(req, "closing");
        Map<String, String> problems = new LinkedHashMap<>();
        if (outcome.isEmpty()) {
            problems.put("closingOutcome", req.messages().get("error.outcome.missing"));
        } else if (outcome.length() > IntakeInput.TEXT_MAX) {
            problems.put("closingOutcome", req.messages().get("error.tooLong", IntakeInput.TEXT_MAX));
        }
        problems.putAll(scores.problems(req.messages(), "closing"));
        if (!problems.isEmpty()) {
            return dossier.render(req, r, new Dossier.Forms(null, null, outcome, scores, problems), 400);
        }
        service.close(req.sql(), r, outcome, scores);
        return back(req, r, "afsluiten");
    }

    private static WebResponse back(WebRequest req, Referral r, String anchor) {
        return WebResponse.redirect(req.link("/referral/dossier/" + r.id()) + "#" + anchor);
    }
}
