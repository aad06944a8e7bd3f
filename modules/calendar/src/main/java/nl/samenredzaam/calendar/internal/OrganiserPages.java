package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration.Status;

/** The organisers' pages: overview, activity form, participant list, attendance, on-behalf registration, cancelling. */
final class OrganiserPages {

    private final ActivityRepository activities;
    private final RegistrationRepository registrations;
    private final Registrations rules;
    private final Clock clock;

    OrganiserPages(ActivityRepository activities, RegistrationRepository registrations, Registrations rules, Clock clock) {
        this.activities = activities;
        this.registrations = registrations;
        this.rules = rules;
        this.clock = clock;
    }

    WebResponse overview(WebRequest req) {
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        List<PageModels.Row> rows = new ArrayList<>();
        for (Activity a : activities.all(req.sql(), 500)) {
            String base = "/calendar/activities/" + a.id();
            rows.add(new PageModels.Row(a.id(), a.title(), (a.recurring() ? msg.get("manage.from") + " " : "") + f.when(a.start(), a.end()),
                    msg.get("activity.status." + a.status().name().toLowerCase()), req.link(base), req.link(base + "/edit"),
                    req.link(base + "/participants")));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("rows", rows);
        p.put("newHref", req.link("/calendar/activities/new"));
        return WebResponse.page(msg.get("manage.title"), Templates.render("manage.jte", p));
    }

    WebResponse newForm(WebRequest req) {
        return form(req, null, ActivityForm.empty(Web.categories(req).get(0)), Map.of(), 200);
    }

    WebResponse editForm(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        return form(req, a, ActivityForm.of(a), Map.of(), 200);
    }

    WebResponse create(WebRequest req) {
        ActivityForm form = ActivityForm.read(req);
        Map<String, String> problems = ActivityInput.newProblems();
        ActivityInput.Valid v = validate(req, form, problems);
        if (v == null) {
            return form(req, null, form, problems, 400);
        }
        long id = activities.create(req.sql(), v, req.requireActor().userId(), clock.instant());
        return WebResponse.redirect(req.link("/calendar/activities/" + id + "?done=saved"));
    }

    WebResponse update(WebRequest req) {
        long id = req.pathId("id");
        Activity a = activities.lock(req.sql(), id).orElseThrow(ProblemException::notFound);
        ActivityForm form = ActivityForm.read(req);
        Map<String, String> problems = ActivityInput.newProblems();
        ActivityInput.Valid v = validate(req, form, problems);
        if (v == null) {
            return form(req, a, form, problems, 400);
        }
        activities.update(req.sql(), id, v, clock.instant());
        rules.promoteAll(req.sql(), id, Web.links(req));
        return WebResponse.redirect(req.link("/calendar/activities/" + id + "?done=saved"));
    }

    private static ActivityInput.Valid validate(WebRequest req, ActivityForm form, Map<String, String> problems) {
        Map<String, String> formProblems = ActivityInput.newProblems();
        ActivityInput input = form.toInput(req.messages(), formProblems);
        Map<String, String> inputProblems = ActivityInput.newProblems();
        ActivityInput.Valid v = input.validate(req.messages(), Web.categories(req), inputProblems);
        problems.putAll(formProblems);
        inputProblems.forEach((k, m) -> problems.putIfAbsent(ActivityForm.formField(k), m));
        return problems.isEmpty() ? v : null;
    }

    private WebResponse form(WebRequest req, Activity existing, ActivityForm form, Map<String, String> problems, int status) {
        Messages msg = req.messages();
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("form", form);
        p.put("problems", problems);
        p.put("csrf", req.csrfToken());
        p.put("action", req.link(existing == null ? "/calendar/activities" : "/calendar/activities/" + existing.id()));
        List<PageModels.Choice> cats = new ArrayList<>();
        for (String c : Web.categories(req)) {
            cats.add(new PageModels.Choice(Web.categoryLabel(msg, c), c, c.equals(form.category())));
        }
        p.put("categories", cats);
        String title = existing == null ? msg.get("form.new") : msg.get("form.edit", existing.title());
        return WebResponse.page(title, Templates.render("form.jte", p)).status(status);
    }

    // ---- participants and attendance ----

    WebResponse participants(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        Occurrence o = occurrence(req, a);
        List<RegistrationRow> list = registrations.forOccurrence(req.sql(), a.id(), o.key());
        req.audit(AuditEvent.of(AuditEvent.Action.READ, "calendar.participants", a.id() + "@" + o.ref(), null, "coordination"));
        return participantsPage(req, a, o, list, Map.of(), null, 200);
    }

    private WebResponse participantsPage(WebRequest req, Activity a, Occurrence o, List<RegistrationRow> list,
            Map<String, String> problems, Map<String, String> values, int status) {
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        Instant now = clock.instant();
        List<PageModels.Person> registered = new ArrayList<>();
        List<PageModels.Person> waiting = new ArrayList<>();
        for (RegistrationRow r : list) {
            PageModels.Person person = person(msg, r);
            if (r.hasPlace()) {
                registered.add(person);
            } else if (r.status() == Status.WAITLISTED) {
                waiting.add(person);
            }
        }
        List<PageModels.Choice> dates = new ArrayList<>();
        String base = "/calendar/activities/" + a.id();
        for (Occurrence other : rules.occurrences().of(req.sql(), a, now.minus(Duration.ofDays(21)), now.plus(Duration.ofDays(60)))) {
            dates.add(new PageModels.Choice(f.when(other.start(), other.end()), req.link(base + "/participants?start=" + other.ref()),
                    other.key().equals(o.key())));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("when", f.when(o.start(), o.end()) + (o.moved() ? " (" + msg.get("participants.moved") + ")" : ""));
        p.put("places", CalendarPages.places(msg, o));
        p.put("cancelled", o.isCancelled());
        p.put("registered", registered);
        p.put("waiting", waiting);
        p.put("dates", dates);
        p.put("ref", o.ref());
        p.put("csrf", req.csrfToken());
        p.put("base", req.link(base));
        p.put("canManage", req.isAllowed(CalendarModule.MANAGE));
        p.put("attendanceOpen", !Formats.date(o.start()).isAfter(Formats.date(now)) && !o.isCancelled());
        p.put("problems", problems);
        p.put("values", values == null ? Map.of() : values);
        p.put("done", req.query("done").filter(d -> d.matches("[a-z-]{1,30}")).map(d -> msg.get("done." + d)).orElse(null));
        p.put("error", req.query("error").filter(d -> d.matches("[a-z-]{1,30}")).map(d -> msg.get("rule." + d)).orElse(null));
        p.put("toCall", List.of());
        return WebResponse.page(msg.get("participants.title", a.title()), Templates.render("participants.jte", p)).status(status);
    }

    private static PageModels.Person person(Messages msg, RegistrationRow r) {
        return new PageModels.Person(r.id(), r.name(), r.phone(), r.email(), r.status().name(),
                msg.get("status." + r.status().name().toLowerCase()), r.onBehalf(), r.hasPlace());
    }

    WebResponse printList(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        Occurrence o = occurrence(req, a);
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        List<PageModels.Person> people = new ArrayList<>();
        List<PageModels.Person> waiting = new ArrayList<>();
        for (RegistrationRow r : registrations.forOccurrence(req.sql(), a.id(), o.key())) {
            if (r.hasPlace()) {
                people.add(person(msg, r));
            } else if (r.status() == Status.WAITLISTED) {
                waiting.add(person(msg, r));
            }
        }
        req.audit(AuditEvent.of(AuditEvent.Action.PRINT, "calendar.participants", a.id() + "@" + o.ref(), null, "coordination"));
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("when", f.when(o.start(), o.end()));
        p.put("location", a.location());
        p.put("people", people);
        p.put("waiting", waiting);
        p.put("backHref", req.link("/calendar/activities/" + a.id() + "/participants?start=" + o.ref()));
        return WebResponse.page(msg.get("participants.title", a.title()), Templates.render("print-list.jte", p));
    }

    WebResponse attendance(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        Occurrence o = occurrence(req, a, req.form("start").orElse(null));
        String back = "/calendar/activities/" + a.id() + "/participants?start=" + o.ref();
        try {
            for (RegistrationRow r : registrations.forOccurrence(req.sql(), a.id(), o.key())) {
                Optional<String> value = req.form("att-" + r.id());
                if (r.hasPlace() && value.isPresent() && (value.get().equals("present") || value.get().equals("absent"))) {
                    rules.attendance(req.sql(), r.id(), value.get().equals("present"));
                }
            }
        } catch (CalendarException e) {
            return WebResponse.redirect(req.link(back + "&error=" + e.reason().key().substring(5)));
        }
        return WebResponse.redirect(req.link(back + "&done=attendance"));
    }

    WebResponse onBehalf(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        Occurrence o = occurrence(req, a, req.form("start").orElse(null));
        String name = req.form("name").orElse("");
        String phone = req.form("phone").orElse("");
        String email = req.form("email").orElse("");
        Map<String, String> problems = ParticipantInput.problems(req.messages(), name, phone, email);
        Map<String, String> values = Map.of("name", name, "phone", phone, "email", email);
        if (!problems.isEmpty()) {
            return participantsPage(req, a, o, registrations.forOccurrence(req.sql(), a.id(), o.key()), problems, values, 400);
        }
        Actor actor = req.requireActor();
        Participant participant = new Participant(null, name.strip(), ParticipantInput.clean(phone));
        String back = "/calendar/activities/" + a.id() + "/participants?start=" + o.ref();
        try {
            if (req.form("series").isPresent()) {
                rules.registerSeries(req.sql(), a.id(), participant, ParticipantInput.clean(email), actor.userId());
                return WebResponse.redirect(req.link(back + "&done=series"));
            }
            RegistrationRow r = rules.register(req.sql(), a.id(), o.key(), participant, ParticipantInput.clean(email), actor.userId());
            return WebResponse.redirect(req.link(back + "&done=" + (r.status() == Status.WAITLISTED ? "waitlisted-other" : "registered-other")));
        } catch (CalendarException e) {
            return WebResponse.redirect(req.link(back + "&error=" + e.reason().key().substring(5)));
        }
    }

    WebResponse cancelRegistration(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        long id = req.form("registration").map(OrganiserPages::parseId).orElseThrow(ProblemException::notFound);
        RegistrationRow r = registrations.find(req.sql(), id).filter(x -> x.activityId() == a.id()).orElseThrow(ProblemException::notFound);
        rules.cancel(req.sql(), r.id(), Web.links(req));
        return WebResponse.redirect(req.link("/calendar/activities/" + a.id() + "/participants?start="
                + r.occurrenceStart().getEpochSecond() + "&done=unregistered-other"));
    }

    WebResponse cancelOccurrence(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        Occurrence o = occurrence(req, a, req.form("start").orElse(null));
        String reason = req.form("reason").orElse(null);
        if (reason != null && reason.length() > 500) {
            return participantsPage(req, a, o, registrations.forOccurrence(req.sql(), a.id(), o.key()),
                    Map.of("reason", req.messages().get("error.too-long", 500)), Map.of("reason", reason), 400);
        }
        Registrations.CancelResult result = rules.cancelOccurrence(req.sql(), a.id(), o.key(), reason);
        Messages msg = req.messages();
        Occurrence after = rules.occurrences().one(req.sql(), activities.find(req.sql(), a.id()).orElseThrow(), o.key()).orElseThrow();
        WebResponse page = participantsPage(req, a, after, registrations.forOccurrence(req.sql(), a.id(), o.key()), Map.of(), null, 200);
        if (result.toCall().isEmpty()) {
            return WebResponse.redirect(req.link("/calendar/activities/" + a.id() + "/participants?start=" + o.ref() + "&done=occurrence-cancelled"));
        }
        // people without e-mail: the organiser must phone them, so show them right away
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("mailed", result.mailed());
        p.put("people", result.toCall().stream().map(r -> person(msg, r)).toList());
        p.put("backHref", req.link("/calendar/activities/" + a.id() + "/participants?start=" + o.ref()));
        return WebResponse.page(page.title(), Templates.render("to-call.jte", p));
    }

    /** Moves one occurrence to another day or time; registrations stay. */
    WebResponse moveOccurrence(WebRequest req) {
        Activity a = activities.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound);
        Occurrence o = occurrence(req, a, req.form("start").orElse(null));
        String date = req.form("moveDate").orElse("");
        String from = req.form("moveStart").orElse("");
        String to = req.form("moveEnd").orElse("");
        Map<String, String> problems = ActivityInput.newProblems();
        Optional<java.time.LocalDate> day = ActivityForm.parseDate(date);
        Optional<java.time.LocalTime> startTime = ActivityForm.parseTime(from);
        Optional<java.time.LocalTime> endTime = ActivityForm.parseTime(to);
        if (day.isEmpty()) {
            problems.put("moveDate", req.messages().get(date.isBlank() ? "error.date.missing" : "error.date"));
        }
        if (startTime.isEmpty()) {
            problems.put("moveStart", req.messages().get("error.time"));
        }
        if (endTime.isEmpty()) {
            problems.put("moveEnd", req.messages().get("error.time"));
        } else if (startTime.isPresent() && !endTime.get().isAfter(startTime.get())) {
            problems.put("moveEnd", req.messages().get("error.end.before-start"));
        }
        if (!problems.isEmpty()) {
            return participantsPage(req, a, o, registrations.forOccurrence(req.sql(), a.id(), o.key()), problems,
                    Map.of("moveDate", date, "moveStart", from, "moveEnd", to), 400);
        }
        Instant newStart = day.get().atTime(startTime.get()).atZone(Recurrence.ZONE).toInstant();
        Instant newEnd = day.get().atTime(endTime.get()).atZone(Recurrence.ZONE).toInstant();
        rules.moveOccurrence(req.sql(), a.id(), o.key(), newStart, newEnd);
        return WebResponse.redirect(req.link("/calendar/activities/" + a.id() + "/participants?start=" + o.ref() + "&done=moved"));
    }

    private static long parseId(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.notFound();
        }
    }

    private Occurrence occurrence(WebRequest req, Activity a) {
        return occurrence(req, a, req.query("start").orElse(null));
    }

    /** The occurrence named by {@code start}, or the next one (or the last one of a finished activity). */
    private Occurrence occurrence(WebRequest req, Activity a, String start) {
        Optional<Instant> key = Web.key(start);
        if (key.isPresent()) {
            return rules.occurrences().one(req.sql(), a, key.get()).orElseThrow(ProblemException::notFound);
        }
        Instant now = clock.instant();
        List<Occurrence> coming = rules.occurrences().of(req.sql(), a, now.minus(Duration.ofHours(12)), now.plus(Duration.ofDays(400)));
        if (!coming.isEmpty()) {
            return coming.get(0);
        }
        return rules.occurrences().one(req.sql(), a, a.start()).orElseThrow(ProblemException::notFound);
    }
}
