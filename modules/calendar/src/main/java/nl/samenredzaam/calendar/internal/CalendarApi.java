package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.calendar.api.Participant;

/** JSON API under {@code /api/v1/{slug}/calendar}. */
final class CalendarApi {

    /** Longest period one list request may ask for. */
    static final Duration MAX_RANGE = Duration.ofDays(400);

    private final ActivityRepository activities;
    private final RegistrationRepository registrations;
    private final Registrations rules;
    private final Clock clock;

    CalendarApi(ActivityRepository activities, RegistrationRepository registrations, Registrations rules, Clock clock) {
        this.activities = activities;
        this.registrations = registrations;
        this.rules = rules;
        this.clock = clock;
    }

    /** Occurrences in {@code [from, to)} (default: the coming 31 days), optionally of one category. */
    WebResponse list(WebRequest req) {
        Instant from = time(req, "from").orElse(clock.instant());
        Instant to = time(req, "to").orElse(from.plus(Duration.ofDays(31)));
        checkRange(from, to);
        Optional<String> category = req.query("category").filter(s -> !s.isBlank());
        Predicate<Activity> visible = Web.visibleTo(req);
        Predicate<Activity> filter = category.isPresent() ? visible.and(a -> a.category().equals(category.get())) : visible;
        return WebResponse.json(rules.occurrences().between(req.sql(), from, to, filter).stream()
                .map(o -> Views.occurrence(req, o)).toList());
    }

    WebResponse occurrences(WebRequest req) {
        Activity a = Web.visibleActivity(req, activities);
        Instant from = time(req, "from").orElse(clock.instant());
        Instant to = time(req, "to").orElse(from.plus(Duration.ofDays(92)));
        checkRange(from, to);
        return WebResponse.json(rules.occurrences().of(req.sql(), a, from, to).stream().map(o -> Views.occurrence(req, o)).toList());
    }

    WebResponse get(WebRequest req) {
        Activity a = Web.visibleActivity(req, activities);
        return WebResponse.json(view(req, a));
    }

    private Views.ActivityView view(WebRequest req, Activity a) {
        Instant now = clock.instant();
        List<Occurrence> next = rules.occurrences().of(req.sql(), a, now, now.plus(Duration.ofDays(366))).stream().limit(10).toList();
        return Views.activity(req, a, next);
    }

    WebResponse create(WebRequest req) {
        ActivityInput.Valid v = valid(req);
        Actor actor = req.requireActor();
        long id = activities.create(req.sql(), v, actor.userId(), clock.instant());
        Activity a = activities.find(req.sql(), id).orElseThrow();
        return WebResponse.created("/api/v1/" + req.initiative().slug() + "/calendar/activities/" + id, view(req, a));
    }

    WebResponse update(WebRequest req) {
        long id = req.pathId("id");
        activities.lock(req.sql(), id).orElseThrow(ProblemException::notFound);
        ActivityInput.Valid v = valid(req);
        activities.update(req.sql(), id, v, clock.instant());
        rules.promoteAll(req.sql(), id, Web.links(req));
        return WebResponse.json(view(req, activities.find(req.sql(), id).orElseThrow()));
    }

    WebResponse delete(WebRequest req) {
        if (!activities.delete(req.sql(), req.pathId("id"))) {
            throw ProblemException.notFound();
        }
        return WebResponse.noContent();
    }

    private static ActivityInput.Valid valid(WebRequest req) {
        ActivityInput input = req.body(ActivityInput.class);
        Map<String, String> problems = ActivityInput.newProblems();
        ActivityInput.Valid v = input.validate(req.messages(), Web.categories(req), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        return v;
    }

    // ---- occurrences ----

    /** Body of the occurrence actions. */
    record OccurrenceAction(String start, String reason, String newStart, String newEnd) {
    }

    WebResponse cancelOccurrence(WebRequest req) {
        long id = req.pathId("id");
        OccurrenceAction body = req.body(OccurrenceAction.class);
        Instant key = requiredTime(req, "start", body.start());
        if (body.reason() != null && body.reason().length() > 500) {
            throw ProblemException.invalidField("reason", req.messages().get("error.too-long", 500));
        }
        try {
            Registrations.CancelResult result = rules.cancelOccurrence(req.sql(), id, key, body.reason());
            return WebResponse.json(Map.of("mailed", result.mailed(), "toCall",
                    result.toCall().stream().map(r -> Views.registration(r, true)).toList()));
        } catch (CalendarException e) {
            throw Web.problem(req, e);
        }
    }

    WebResponse moveOccurrence(WebRequest req) {
        long id = req.pathId("id");
        OccurrenceAction body = req.body(OccurrenceAction.class);
        Instant key = requiredTime(req, "start", body.start());
        Instant newStart = requiredTime(req, "newStart", body.newStart());
        Instant newEnd = requiredTime(req, "newEnd", body.newEnd());
        if (!newEnd.isAfter(newStart)) {
            throw ProblemException.invalidField("newEnd", req.messages().get("error.end.before-start"));
        }
        try {
            return WebResponse.json(Views.occurrence(req, rules.moveOccurrence(req.sql(), id, key, newStart, newEnd)));
        } catch (CalendarException e) {
            throw Web.problem(req, e);
        }
    }

    // ---- registrations ----

    /** Body of a registration: one occurrence ({@code start}) or the series; name/phone/email only on behalf. */
    record RegistrationInput(String start, Boolean series, String name, String phone, String email) {
    }

    WebResponse register(WebRequest req) {
        Activity a = Web.visibleActivity(req, activities);
        Actor actor = req.requireActor();
        RegistrationInput in = req.body(RegistrationInput.class);
        boolean onBehalf = in.name() != null && !in.name().isBlank();
        Participant participant;
        String email = null;
        if (onBehalf) {
            if (!req.isAllowed(CalendarModule.MANAGE)) {
                throw ProblemException.forbidden();
            }
            Map<String, String> problems = ParticipantInput.problems(req.messages(), in.name(), in.phone(), in.email());
            if (!problems.isEmpty()) {
                throw ProblemException.invalidFields(problems);
            }
            participant = new Participant(null, in.name().strip(), ParticipantInput.clean(in.phone()));
            email = ParticipantInput.clean(in.email());
        } else {
            participant = new Participant(actor.userId(), actor.displayName(), null);
        }
        try {
            if (Boolean.TRUE.equals(in.series())) {
                List<RegistrationRow> made = rules.registerSeries(req.sql(), a.id(), participant, email, actor.userId());
                return WebResponse.json(201, made.stream().map(r -> Views.registration(r, true)).toList());
            }
            Instant key = requiredTime(req, "start", in.start());
            RegistrationRow r = rules.register(req.sql(), a.id(), key, participant, email, actor.userId());
            return WebResponse.created("/api/v1/" + req.initiative().slug() + "/calendar/registrations/" + r.id(),
                    Views.registration(r, true));
        } catch (CalendarException e) {
            throw Web.problem(req, e);
        }
    }

    WebResponse registrations(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        Instant key = requiredTime(req, "start", req.query("start").orElse(null));
        List<RegistrationRow> list = registrations.forOccurrence(req.sql(), a.id(), key);
        req.audit(AuditEvent.of(AuditEvent.Action.READ, "calendar.participants", a.id() + "@" + key.getEpochSecond(), null,
                "coordination"));
        return WebResponse.json(list.stream().map(r -> Views.registration(r, true)).toList());
    }

    WebResponse mine(WebRequest req) {
        Actor actor = req.requireActor();
        return WebResponse.json(registrations.byUser(req.sql(), actor.userId(), null).stream()
                .map(r -> Views.registration(r, true)).toList());
    }

    WebResponse unregister(WebRequest req) {
        RegistrationRow r = ownOrManaged(req);
        try {
            return WebResponse.json(Views.registration(rules.cancel(req.sql(), r.id(), Web.links(req)), true));
        } catch (CalendarException e) {
            throw Web.problem(req, e);
        }
    }

    /** Body of attendance. */
    record AttendanceInput(Boolean present) {
    }

    WebResponse attendance(WebRequest req) {
        long id = req.pathId("id");
        registrations.find(req.sql(), id).orElseThrow(ProblemException::notFound);
        AttendanceInput in = req.body(AttendanceInput.class);
        if (in.present() == null) {
            throw ProblemException.invalidField("present", req.messages().get("error.present"));
        }
        try {
            return WebResponse.json(Views.registration(rules.attendance(req.sql(), id, in.present()), true));
        } catch (CalendarException e) {
            throw Web.problem(req, e);
        }
    }

    /** A registration the actor may change: their own, or any for a manager; 404 otherwise. */
    private RegistrationRow ownOrManaged(WebRequest req) {
        Actor actor = req.requireActor();
        RegistrationRow r = registrations.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        boolean own = r.userId() != null && r.userId() == actor.userId();
        if (!own && !req.isAllowed(CalendarModule.MANAGE)) {
            throw ProblemException.notFound();
        }
        return r;
    }

    // ---- helpers ----

    private static Optional<Instant> time(WebRequest req, String name) {
        Optional<String> value = req.query(name).filter(s -> !s.isBlank());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parseTime(req, name, value.get()));
    }

    private static Instant requiredTime(WebRequest req, String field, String value) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalidField(field, req.messages().get("error." + (field.equals("start") ? "start" : "datetime")
                    + (field.equals("start") ? ".missing" : "")));
        }
        return parseTime(req, field, value);
    }

    private static Instant parseTime(WebRequest req, String field, String value) {
        try {
            // a query string's unencoded "+01:00" arrives as " 01:00"
            return OffsetDateTime.parse(value.strip().replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, req.messages().get("error.datetime"));
        }
    }

    private static void checkRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw ProblemException.invalidField("to", "must be after from / moet na from liggen");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.invalidField("to", "at most 400 days after from / hoogstens 400 dagen na from");
        }
    }
}
