package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration.Status;

/** The residents' pages: the calendar (list, week, month), an activity, registering and "my registrations". */
final class CalendarPages {

    private final ActivityRepository activities;
    private final RegistrationRepository registrations;
    private final Registrations rules;
    private final Clock clock;

    CalendarPages(ActivityRepository activities, RegistrationRepository registrations, Registrations rules, Clock clock) {
        this.activities = activities;
        this.registrations = registrations;
        this.rules = rules;
        this.clock = clock;
    }

    WebResponse list(WebRequest req) {
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        LocalDate today = Formats.date(clock.instant());
        Period period = Period.of(req.query("view").orElse(null), req.query("date").orElse(null), today);
        String category = req.query("category").filter(c -> Web.categories(req).contains(c)).orElse("");
        boolean onlyFree = req.query("free").isPresent();
        boolean wheelchair = req.query("wheelchair").isPresent();
        Predicate<Activity> filter = Web.visibleTo(req);
        if (!category.isEmpty()) {
            filter = filter.and(a -> a.category().equals(category));
        }
        if (wheelchair) {
            filter = filter.and(Activity::wheelchair);
        }
        List<Occurrence> list = rules.occurrences().between(req.sql(), period.from(), period.to(), filter);
        if (onlyFree) {
            list = list.stream().filter(o -> !o.isCancelled() && !o.full()).toList();
        }
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("periodTitle", period.title(f, !"en".equals(req.locale().getLanguage())));
        p.put("days", days(req, msg, f, list));
        String base = req.link("/calendar");
        String filters = (category.isEmpty() ? "" : "&category=" + category) + (onlyFree ? "&free=1" : "")
                + (wheelchair ? "&wheelchair=1" : "");
        List<PageModels.Choice> views = new ArrayList<>();
        for (Period.View v : Period.View.values()) {
            views.add(new PageModels.Choice(msg.get("view." + v.param()), base + "?view=" + v.param() + "&date=" + period.first() + filters,
                    v == period.view()));
        }
        p.put("views", views);
        p.put("previousHref", base + "?view=" + period.view().param() + "&date=" + period.previous() + filters);
        p.put("nextHref", base + "?view=" + period.view().param() + "&date=" + period.next() + filters);
        p.put("todayHref", base + "?view=" + period.view().param() + filters);
        p.put("action", base);
        p.put("view", period.view().param());
        p.put("date", period.first().toString());
        p.put("categories", categoryChoices(req, msg, category));
        p.put("onlyFree", onlyFree);
        p.put("wheelchair", wheelchair);
        p.put("subscribeHref", req.link("/calendar/abonneren"));
        p.put("printHref", req.link("/calendar/programme?view=" + (period.view() == Period.View.MONTH ? "month" : "week")
                + "&date=" + period.first()));
        p.put("mineHref", Web.isMember(req) ? req.link("/calendar/mine") : null);
        p.put("manageHref", req.isAllowed(CalendarModule.MANAGE) ? req.link("/calendar/manage") : null);
        return WebResponse.page(msg.get("page.title"), Templates.render("list.jte", p));
    }

    private static List<PageModels.Choice> categoryChoices(WebRequest req, Messages msg, String current) {
        List<PageModels.Choice> list = new ArrayList<>();
        for (String c : Web.categories(req)) {
            list.add(new PageModels.Choice(Web.categoryLabel(msg, c), c, c.equals(current)));
        }
        return list;
    }

    static List<PageModels.Day> days(WebRequest req, Messages msg, Formats f, List<Occurrence> list) {
        Map<LocalDate, List<PageModels.Item>> byDay = new LinkedHashMap<>();
        for (Occurrence o : list) {
            Activity a = o.activity();
            byDay.computeIfAbsent(Formats.date(o.start()), d -> new ArrayList<>()).add(new PageModels.Item(
                    f.times(o.start(), o.end()), a.title(), req.link("/calendar/activities/" + a.id() + "?at=" + o.ref()),
                    a.location(), Web.categoryLabel(msg, a.category()), places(msg, o), o.isCancelled(), o.full(), o.note()));
        }
        List<PageModels.Day> days = new ArrayList<>();
        byDay.forEach((d, items) -> days.add(new PageModels.Day(f.day(d), items)));
        return days;
    }

    /** "Nog 3 plaatsen vrij", "Vol: wachtlijst", "Gaat niet door", or "" when there is no registration. */
    static String places(Messages msg, Occurrence o) {
        if (o.isCancelled()) {
            return msg.get("places.cancelled");
        }
        if (!o.activity().registrationRequired()) {
            return msg.get("places.walk-in");
        }
        Integer left = o.placesLeft();
        if (left == null) {
            return msg.get("places.open");
        }
        if (left == 0) {
            return o.activity().waitlist() ? msg.get("places.waitlist", o.waitlisted()) : msg.get("places.full");
        }
        return msg.get("places.left", left);
    }

    WebResponse activity(WebRequest req) {
        Activity a = Web.visibleActivity(req, activities);
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        Instant now = clock.instant();
        Optional<Actor> actor = req.actor();
        boolean member = Web.isMember(req);
        List<Occurrence> next = rules.occurrences().of(req.sql(), a, now.minus(Duration.ofHours(12)), now.plus(Duration.ofDays(183)))
                .stream().limit(12).toList();
        Map<Instant, RegistrationRow> mine = new HashMap<>();
        if (actor.isPresent()) {
            for (RegistrationRow r : registrations.byUser(req.sql(), actor.get().userId(), now.minus(Duration.ofDays(1)))) {
                if (r.activityId() == a.id() && r.active()) {
                    mine.put(r.occurrenceStart(), r);
                }
            }
        }
        boolean attendance = req.isAllowed(CalendarModule.ATTENDANCE);
        List<PageModels.Slot> slots = new ArrayList<>();
        for (Occurrence o : next) {
            RegistrationRow r = mine.get(o.key());
            boolean past = !o.end().isAfter(now);
            boolean open = a.takesRegistrations() && !o.isCancelled() && !past;
            slots.add(new PageModels.Slot(o.ref(), f.when(o.start(), o.end()), places(msg, o), o.isCancelled(), past, o.note(),
                    r == null ? null : msg.get("status." + r.status().name().toLowerCase()),
                    member && open && r == null && (!o.full() || a.waitlist()),
                    member && r != null && !past && (r.status() == Status.REGISTERED || r.status() == Status.WAITLISTED),
                    attendance ? req.link("/calendar/activities/" + a.id() + "/participants?start=" + o.ref()) : null));
        }
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("a", a);
        p.put("category", Web.categoryLabel(msg, a.category()));
        p.put("first", f.when(a.start(), a.end()));
        p.put("slots", slots);
        p.put("member", member);
        p.put("csrf", req.csrfToken());
        p.put("registerAction", req.link("/calendar/activities/" + a.id() + "/register"));
        p.put("unregisterAction", req.link("/calendar/activities/" + a.id() + "/unregister"));
        p.put("loginHref", "/login?returnTo=" + java.net.URLEncoder.encode(req.link("/calendar/activities/" + a.id()),
                java.nio.charset.StandardCharsets.UTF_8));
        p.put("seriesOpen", member && a.recurring() && a.takesRegistrations());
        p.put("icsHref", req.link("/calendar/activities/" + a.id() + "/activity.ics"));
        p.put("subscribeHref", req.link("/calendar/abonneren"));
        p.put("editHref", req.isAllowed(CalendarModule.MANAGE) ? req.link("/calendar/activities/" + a.id() + "/edit") : null);
        p.put("done", req.query("done").filter(d -> d.matches("[a-z-]{1,30}")).map(d -> msg.get("done." + d)).orElse(null));
        p.put("error", req.query("error").filter(d -> d.matches("[a-z-]{1,30}")).map(d -> msg.get("rule." + d)).orElse(null));
        return WebResponse.page(a.title(), Templates.render("activity.jte", p));
    }

    WebResponse register(WebRequest req) {
        Activity a = Web.visibleActivity(req, activities);
        Actor actor = req.requireActor();
        Participant me = new Participant(actor.userId(), actor.displayName(), null);
        String back = "/calendar/activities/" + a.id();
        try {
            if (req.form("series").isPresent()) {
                rules.registerSeries(req.sql(), a.id(), me, null, actor.userId());
                return WebResponse.redirect(req.link(back + "?done=series"));
            }
            Instant key = Web.key(req.form("start").orElse(null)).orElseThrow(ProblemException::notFound);
            RegistrationRow r = rules.register(req.sql(), a.id(), key, me, null, actor.userId());
            return WebResponse.redirect(req.link(back + "?done=" + (r.status() == Status.WAITLISTED ? "waitlisted" : "registered")));
        } catch (CalendarException e) {
            return WebResponse.redirect(req.link(back + "?error=" + e.reason().key().substring(5)));
        }
    }

    WebResponse unregister(WebRequest req) {
        Activity a = Web.visibleActivity(req, activities);
        Actor actor = req.requireActor();
        String back = req.form("back").filter(b -> b.equals("mine")).map(b -> "/calendar/mine").orElse("/calendar/activities/" + a.id());
        if (req.form("series").isPresent()) {
            rules.cancelSeries(req.sql(), a.id(), actor.userId(), Web.links(req));
            return WebResponse.redirect(req.link(back + "?done=unregistered"));
        }
        Instant key = Web.key(req.form("start").orElse(null)).orElseThrow(ProblemException::notFound);
        Optional<RegistrationRow> r = registrations.active(req.sql(), a.id(), key, actor.userId(), actor.displayName(), null);
        if (r.isPresent()) {
            rules.cancel(req.sql(), r.get().id(), Web.links(req));
        }
        return WebResponse.redirect(req.link(back + "?done=unregistered"));
    }

    WebResponse mine(WebRequest req) {
        Actor actor = req.requireActor();
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        Instant now = clock.instant();
        List<PageModels.Mine> coming = new ArrayList<>();
        List<PageModels.Mine> past = new ArrayList<>();
        Map<Long, Optional<Activity>> cache = new HashMap<>();
        for (RegistrationRow r : registrations.byUser(req.sql(), actor.userId(), now.minus(Duration.ofDays(92)))) {
            Optional<Activity> a = cache.computeIfAbsent(r.activityId(), id -> activities.find(req.sql(), id));
            if (a.isEmpty() || r.status() == Status.CANCELLED) {
                continue;
            }
            Occurrence o = rules.occurrences().one(req.sql(), a.get(), r.occurrenceStart()).orElse(null);
            Instant start = o == null ? r.occurrenceStart() : o.start();
            Instant end = o == null ? r.occurrenceStart().plus(a.get().duration()) : o.end();
            boolean isPast = !end.isAfter(now);
            String status = o != null && o.isCancelled() ? msg.get("places.cancelled") : msg.get("status." + r.status().name().toLowerCase());
            PageModels.Mine m = new PageModels.Mine(a.get().title(), req.link("/calendar/activities/" + a.get().id()),
                    f.when(start, end), status, a.get().id(), r.occurrenceStart().getEpochSecond(),
                    !isPast && (r.status() == Status.REGISTERED || r.status() == Status.WAITLISTED));
            (isPast ? past : coming).add(m);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("coming", coming);
        p.put("past", past);
        p.put("csrf", req.csrfToken());
        p.put("base", req.link("/calendar/activities/"));
        p.put("calendarHref", req.link("/calendar"));
        p.put("done", req.query("done").filter(d -> d.matches("[a-z-]{1,30}")).map(d -> msg.get("done." + d)).orElse(null));
        return WebResponse.page(msg.get("mine.title"), Templates.render("mine.jte", p));
    }
}
