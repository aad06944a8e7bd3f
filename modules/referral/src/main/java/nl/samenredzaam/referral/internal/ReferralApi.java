package nl.samenredzaam.referral.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** JSON API: {@code /api/v1/{slug}/referral/...}; the same checks and audit entries as the pages. */
final class ReferralApi {

    private final ReferralService service;
    private final ReferralAccess access;
    private final Dossier dossier;

    ReferralApi(ReferralService service, ReferralAccess access) {
        this.service = service;
        this.access = access;
        this.dossier = new Dossier(service);
    }

    WebResponse create(WebRequest req) {
        ReferralInput input = req.body(ReferralInput.class);
        List<String> reasons = ReferralService.reasons(req.setting(ReferralModule.SETTING_REASONS));
        Map<String, String> problems = input.problems(req.messages(), reasons, service.today());
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        long id = service.create(req.sql(), input, reasons, ReferrerPages.referrer(req, service), "API", null,
                ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS)));
        ReferralAccess.log(req, Action.CREATE, id, "referral");
        Referral r = service.referrals().find(req.sql(), id).orElseThrow();
        return WebResponse.created("/api/v1/" + req.initiative().slug() + "/referral/referrals/" + id, ReferralJson.forReferrer(r));
    }

    WebResponse mine(WebRequest req) {
        ReferralAccess.logList(req, "referral-feedback");
        return WebResponse.json(service.referrals().byReferrer(req.sql(), req.requireActor().userId()).stream()
                .map(ReferralJson::forReferrer).toList());
    }

    WebResponse withdraw(WebRequest req) {
        Referral r = access.forReferrer(req, req.pathId("id"), Action.UPDATE);
        if (!r.status().isOpen()) {
            throw ProblemException.conflict("The referral is finished");
        }
        service.contact(req.sql(), r, ReferralService.ContactOutcome.CANCELLED);
        return WebResponse.json(ReferralJson.forReferrer(service.referrals().find(req.sql(), r.id()).orElseThrow()));
    }

    WebResponse queue(WebRequest req) {
        ReferralAccess.logList(req, "care");
        Long onlyFor = req.isAllowed(ReferralModule.ASSIGN) ? null : req.requireActor().userId();
        int days = ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS));
        return WebResponse.json(QueueRow.of(service.referrals().open(req.sql(), onlyFor),
                service.trajectory().dueCounts(req.sql(), service.today()), service.today(), days).stream()
                .map(ReferralJson::queueRow).toList());
    }

    WebResponse get(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.READ);
        return WebResponse.json(full(req, r));
    }

    private Map<String, Object> full(WebRequest req, Referral r) {
        var sql = req.sql();
        List<Dossier.StepView> steps = service.trajectory().steps(sql, r.id()).stream()
                .map(s -> service.view(sql, s)).toList();
        return ReferralJson.full(r, service.trajectory().measurements(sql, r.id()), steps, service.trajectory().followUps(sql, r.id()));
    }

    private WebResponse updated(WebRequest req, long id) {
        return WebResponse.json(full(req, service.referrals().find(req.sql(), id).orElseThrow()));
    }

    /** Body of {@code PUT .../coach}. */
    record AssignBody(Long coachUserId) {
    }

    WebResponse assign(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        AssignBody body = req.body(AssignBody.class);
        var actor = req.requireActor();
        if (body.coachUserId() != null && body.coachUserId() == actor.userId()) {
            service.assign(req.sql(), r, actor.userId(), actor.displayName());
        } else if (!req.isAllowed(ReferralModule.ASSIGN)) {
            throw ProblemException.forbidden();
        } else if (body.coachUserId() == null) {
            service.assign(req.sql(), r, null, null);
        } else {
            Coaches.Coach coach = Coaches.find(req, service.partners(), Long.toString(body.coachUserId()))
                    .orElseThrow(() -> ProblemException.invalidField("coachUserId", req.messages().get("error.coach")));
            service.assign(req.sql(), r, coach.userId(), coach.name());
        }
        return updated(req, r.id());
    }

    /** Body of {@code POST .../contact}. */
    record ContactBody(String outcome) {
    }

    WebResponse contact(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        ContactBody body = req.body(ContactBody.class);
        ReferralService.ContactOutcome outcome;
        try {
            outcome = ReferralService.ContactOutcome.valueOf(body.outcome() == null ? "" : body.outcome());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("outcome", req.messages().get("error.outcome"));
        }
        service.contact(req.sql(), r, outcome);
        return updated(req, r.id());
    }

    /** Body of {@code PUT .../intake}. */
    record IntakeBody(String questionBehind, String goals, Boolean sharePlan, Boolean shareScores, Boolean shareOutcome,
            Map<String, Object> scores, List<String> wantToTalk) {
    }

    WebResponse intake(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        IntakeBody b = req.body(IntakeBody.class);
        IntakeInput input = new IntakeInput(b.questionBehind(), b.goals(), Boolean.TRUE.equals(b.sharePlan()),
                Boolean.TRUE.equals(b.shareScores()), Boolean.TRUE.equals(b.shareOutcome()), ScoresInput.fromJson(b.scores(), b.wantToTalk()));
        Map<String, String> problems = input.problems(req.messages());
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        service.intake(req.sql(), r, input);
        return updated(req, r.id());
    }

    /** Body of {@code POST .../steps}. */
    record StepBody(String kind, String description, Long activityId, String activityStart, String helpCategory, Boolean oneToOne) {
    }

    WebResponse addStep(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        StepBody b = req.body(StepBody.class);
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("kind", b.kind() == null ? "" : b.kind());
        raw.put("description", b.description() == null ? "" : b.description());
        raw.put("activity", b.activityId() == null ? "" : b.activityId() + "@" + (b.activityStart() == null ? "" : b.activityStart()));
        raw.put("activityDate", b.activityId() == null && b.activityStart() != null ? dateOf(b.activityStart()) : "");
        raw.put("helpCategory", b.helpCategory() == null ? "" : b.helpCategory());
        raw.put("oneToOne", Boolean.TRUE.equals(b.oneToOne()) ? "yes" : "");
        Map<String, String> problems = new LinkedHashMap<>();
        StepInput input = Dossier.stepInput(req, service, raw, problems);
        problems.putAll(input.problems(req.messages()));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        ReferralService.StepResult result = service.addStep(req.sql(), r, input);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("stepId", result.stepId());
        body.put("linked", result.linked());
        body.put("registrationStatus", result.registrationStatus());
        body.put("referral", full(req, service.referrals().find(req.sql(), r.id()).orElseThrow()));
        return WebResponse.json(201, body);
    }

    private static String dateOf(String value) {
        return value.length() >= 10 ? value.substring(0, 10) : value;
    }

    /** Body of {@code POST .../follow-ups/{id}/done}. */
    record FollowUpBody(String note) {
    }

    WebResponse followUp(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        FollowUpBody b = req.body(FollowUpBody.class);
        String note = b.note() == null ? "" : b.note().strip();
        if (note.length() > IntakeInput.TEXT_MAX) {
            throw ProblemException.invalidField("note", req.messages().get("error.tooLong", IntakeInput.TEXT_MAX));
        }
        service.completeFollowUp(req.sql(), r, req.pathId("followUp"), note.isEmpty() ? null : note);
        return updated(req, r.id());
    }

    /** Body of {@code POST .../close}. */
    record CloseBody(String outcome, Map<String, Object> scores, List<String> wantToTalk) {
    }

    WebResponse close(WebRequest req) {
        Referral r = access.forCoach(req, req.pathId("id"), Action.UPDATE);
        CloseBody b = req.body(CloseBody.class);
        String outcome = b.outcome() == null ? "" : b.outcome().strip();
        ScoresInput scores = ScoresInput.fromJson(b.scores(), b.wantToTalk());
        Map<String, String> problems = new LinkedHashMap<>();
        if (outcome.isEmpty()) {
            problems.put("outcome", req.messages().get("error.outcome.missing"));
        } else if (outcome.length() > IntakeInput.TEXT_MAX) {
            problems.put("outcome", req.messages().get("error.tooLong", IntakeInput.TEXT_MAX));
        }
        problems.putAll(scores.problems(req.messages(), "score"));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        service.close(req.sql(), r, outcome, scores);
        return updated(req, r.id());
    }

    WebResponse letter(WebRequest req) {
        return WebResponse.json(new LetterPages(service, access).letter(req, Action.READ));
    }

    WebResponse activities(WebRequest req) {
        var calendar = service.partners().calendar(req.sql());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("calendarEnabled", calendar.isPresent());
        OffsetDateTime now = OffsetDateTime.now(service.clock()).withOffsetSameInstant(ZoneOffset.UTC);
        // no lambda over CalendarService: this must run when the calendar bundle is not installed
        body.put("activities", calendar.isPresent() ? calendar.get().upcoming(req.sql(), now, now.plusWeeks(8), 60) : List.of());
        return WebResponse.json(body);
    }
}
