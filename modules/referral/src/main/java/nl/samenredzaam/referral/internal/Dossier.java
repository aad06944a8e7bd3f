package nl.samenredzaam.referral.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.calendar.api.UpcomingActivity;
import nl.samenredzaam.instruments.SpiderWeb;
import nl.samenredzaam.volunteering.api.HelpRequestService;

/** The coach's file of one referral: everything on one page, each part with its own form. */
public final class Dossier {

    /** What was typed into one of the forms when it comes back with problems. */
    record Forms(IntakeInput intake, Map<String, String> step, String outcome, ScoresInput closing, Map<String, String> problems) {
        static Forms empty() {
            return new Forms(null, null, null, null, Map.of());
        }

        static Forms problem(String field, String problem) {
            return new Forms(null, null, null, null, Map.of(field, problem));
        }
    }

    /**
     * A plan step with what the partner modules say about it now, as plain names so that nothing
     * outside {@link ReferralService} touches their types (the bundles may be absent).
     *
     * @param attendance calendar registration state ({@code REGISTERED}, {@code PRESENT}, ...), or {@code null}
     * @param helpState  volunteering request state ({@code SUBMITTED}, {@code CONFIRMED}, ...), or {@code null}
     * @param volunteer  first name of the confirmed volunteer, or {@code null}
     */
    public record StepView(PlanStep step, String attendance, String helpState, String volunteer) {
    }

    private final ReferralService service;

    Dossier(ReferralService service) {
        this.service = service;
    }

    WebResponse render(WebRequest req, Referral r, Forms forms, int status) {
        Messages msg = req.messages();
        var sql = req.sql();
        Map<Measurement.Kind, Measurement> measurements = service.trajectory().measurements(sql, r.id());
        Measurement before = measurements.get(Measurement.Kind.INTAKE);
        Measurement after = measurements.get(Measurement.Kind.CLOSING);
        List<StepView> steps = service.trajectory().steps(sql, r.id()).stream()
                .map(s -> service.view(sql, s)).toList();
        Optional<CalendarService> calendar = service.partners().calendar(sql);
        Optional<HelpRequestService> volunteering = service.partners().volunteering(sql);
        // No lambdas over partner types here: this must run when the calendar or volunteering bundle is not installed.
        List<UpcomingActivity> upcoming = List.of();
        if (calendar.isPresent()) {
            OffsetDateTime now = OffsetDateTime.now(service.clock()).withOffsetSameInstant(ZoneOffset.UTC);
            upcoming = calendar.get().upcoming(sql, now, now.plusWeeks(8), 60);
        }
        List<?> categories = List.of();
        if (volunteering.isPresent()) {
            categories = volunteering.get().categories(sql);
        }
        int days = ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS));

        Map<String, Object> params = ReferrerPages.base(req);
        params.put("r", r);
        params.put("problems", forms.problems());
        params.put("csrf", req.csrfToken());
        params.put("deadline", ReferralService.contactDeadline(r, days));
        params.put("steps", steps);
        params.put("followUps", service.trajectory().followUps(sql, r.id()));
        params.put("today", service.today());
        params.put("coaches", Coaches.list(req, service.partners()));
        params.put("canAssign", req.isAllowed(ReferralModule.ASSIGN));
        params.put("calendar", calendar.isPresent());
        params.put("upcoming", upcoming);
        params.put("volunteering", volunteering.isPresent());
        params.put("categories", categories);
        params.put("intake", forms.intake() != null ? forms.intake()
                : new IntakeInput(r.questionBehind(), r.goals(), r.sharePlan(), r.shareScores(), r.shareOutcome(),
                        before == null ? ScoresInput.empty() : ScoresInput.of(before.scores())));
        params.put("step", forms.step() != null ? forms.step() : Map.of());
        params.put("outcome", forms.outcome() != null ? forms.outcome() : "");
        params.put("closing", forms.closing() != null ? forms.closing() : ScoresInput.empty());
        params.put("web", before == null ? null : after == null
                ? SpiderWeb.figure(before.scores(), null, msg.locale(), "web-intake")
                : SpiderWeb.figure(after.scores(), before.scores(), msg.locale(), "web-closing"));
        return WebResponse.page(msg.get("dossier.title", r.reference()), Templates.render("dossier.jte", params)).status(status);
    }

    /** Reads the step form; problems with the chosen activity, date or category are added to {@code problems}. */
    static StepInput stepInput(WebRequest req, ReferralService service, Map<String, String> raw, Map<String, String> problems) {
        Messages msg = req.messages();
        PlanStep.Kind kind = null;
        try {
            kind = PlanStep.Kind.valueOf(raw.get("kind"));
        } catch (IllegalArgumentException e) {
            // reported by StepInput.problems
        }
        Long activityId = null;
        OffsetDateTime start = null;
        String title = null;
        if (kind == PlanStep.Kind.ACTIVITY && !raw.get("activity").isEmpty()) {
            StepInput.Occurrence o = StepInput.occurrence(raw.get("activity"));
            Optional<CalendarService> calendar = service.partners().calendar(req.sql());
            if (o == null || calendar.isEmpty()) {
                problems.put("activity", msg.get("error.step.activity"));
            } else {
                activityId = o.activityId();
                start = o.start();
                title = calendar.get().upcoming(req.sql(), o.start().minusMinutes(1), o.start().plusMinutes(1), 20).stream()
                        .filter(a -> a.activityId() == o.activityId()).map(UpcomingActivity::title).findFirst().orElse(null);
                if (title == null) {
                    problems.put("activity", msg.get("error.step.activity"));
                }
            }
        } else if (kind == PlanStep.Kind.ACTIVITY && !raw.get("activityDate").isEmpty()) {
            try {
                start = LocalDate.parse(raw.get("activityDate")).atTime(12, 0).atZone(ReferralService.AMSTERDAM).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                problems.put("activityDate", msg.get("error.date"));
            }
        }
        String category = null;
        if (kind == PlanStep.Kind.HELP && !raw.get("helpCategory").isEmpty()) {
            category = raw.get("helpCategory");
            Optional<HelpRequestService> volunteering = service.partners().volunteering(req.sql());
            String c = category;
            if (volunteering.isPresent() && volunteering.get().categories(req.sql()).stream().noneMatch(x -> x.key().equals(c))) {
                problems.put("helpCategory", msg.get("error.step.category"));
            }
        }
        return new StepInput(kind, raw.get("description"), activityId, start, title, category, !raw.get("oneToOne").isEmpty());
    }
}
