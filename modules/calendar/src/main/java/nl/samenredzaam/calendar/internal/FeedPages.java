package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.calendar.internal.ActivityRepository.Change;

/** The iCalendar feed, the per-activity .ics file and the page that explains subscribing. */
final class FeedPages {

    static final String CONTENT_TYPE = "text/calendar;charset=UTF-8";
    /** The feed holds what is coming and what was recently, so calendars keep the last months. */
    static final Duration FEED_PAST = Duration.ofDays(92);
    static final Duration FEED_FUTURE = Duration.ofDays(731);

    private final ActivityRepository activities;
    private final Occurrences occurrences;
    private final Clock clock;

    FeedPages(ActivityRepository activities, Occurrences occurrences, Clock clock) {
        this.activities = activities;
        this.occurrences = occurrences;
        this.clock = clock;
    }

    /** The initiative's public activities: published or cancelled, visibility public. */
    WebResponse feed(WebRequest req) {
        Instant now = clock.instant();
        Instant from = now.minus(FEED_PAST);
        Instant to = now.plus(FEED_FUTURE);
        Map<Long, List<Change>> changes = new HashMap<>();
        for (Change c : activities.changes(req.sql(), from, to)) {
            changes.computeIfAbsent(c.activityId(), k -> new ArrayList<>()).add(c);
        }
        List<IcsWriter.Entry> entries = new ArrayList<>();
        for (Activity a : activities.inRange(req.sql(), from, to)) {
            if (a.visibility() == Activity.Visibility.PUBLIC && a.status() != Activity.Status.CONCEPT) {
                entries.add(new IcsWriter.Entry(a, changes.getOrDefault(a.id(), List.of()),
                        req.absoluteUrl("/calendar/activities/" + a.id())));
            }
        }
        String ics = IcsWriter.write(req.initiative().name(), req.initiative().slug(), entries);
        return WebResponse.text(CONTENT_TYPE, ics).header("Cache-Control", "max-age=900");
    }

    WebResponse activity(WebRequest req) {
        Activity a = Web.visibleActivity(req, activities);
        String ics = IcsWriter.write(a.title(), req.initiative().slug(), List.of(new IcsWriter.Entry(a,
                activities.changes(req.sql(), a.id()), req.absoluteUrl("/calendar/activities/" + a.id()))));
        return WebResponse.text(CONTENT_TYPE, ics).attachment("activiteit-" + a.id() + ".ics");
    }

    WebResponse help(WebRequest req) {
        Messages msg = req.messages();
        String feed = req.absoluteUrl("/calendar/feed.ics");
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("feedUrl", feed);
        p.put("webcalUrl", feed.replaceFirst("^https?://", "webcal://"));
        p.put("calendarHref", req.link("/calendar"));
        return WebResponse.page(msg.get("subscribe.title"), Templates.render("subscribe.jte", p));
    }
}
