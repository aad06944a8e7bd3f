package nl.samenredzaam.calendar.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;

/** What the pages and the API share: who sees which activity, reading occurrence keys, errors. */
final class Web {

    private Web() {
    }

    static boolean isMember(WebRequest req) {
        return req.isAllowed(Permission.MEMBER);
    }

    /** Visitors see published public activities, members also members-only ones, managers everything. */
    static Predicate<Activity> visibleTo(WebRequest req) {
        boolean manager = req.isAllowed(CalendarModule.MANAGE);
        boolean member = isMember(req);
        return a -> manager || (a.status() != Activity.Status.CONCEPT
                && (a.visibility() == Activity.Visibility.PUBLIC || member));
    }

    /** The activity when the person may see it; a 404 otherwise (no hint that it exists). */
    static Activity visibleActivity(WebRequest req, ActivityRepository activities) {
        return activities.find(req.sql(), req.pathId("id")).filter(visibleTo(req)).orElseThrow(ProblemException::notFound);
    }

    static List<String> categories(WebRequest req) {
        String value = req.setting(CalendarModule.CATEGORIES);
        List<String> list = Arrays.stream(value.split(",")).map(String::strip).map(String::toLowerCase)
                .filter(s -> s.matches("[a-z0-9-]{1,40}")).distinct().toList();
        return list.isEmpty() ? Arrays.asList(CalendarModule.DEFAULT_CATEGORIES.split(",")) : list;
    }

    /** Label of a category: the translated one for the defaults, the key itself for the initiative's own. */
    static String categoryLabel(nl.samenredzaam.api.i18n.Messages msg, String category) {
        String key = "category." + category;
        return msg.has(key) ? msg.get(key) : category;
    }

    /** An occurrence key from a form field or query: epoch seconds or ISO-8601 with offset. */
    static Optional<Instant> key(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.strip();
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(v)));
        } catch (NumberFormatException e) {
            try {
                return Optional.of(OffsetDateTime.parse(v).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static UnaryOperator<String> links(WebRequest req) {
        return req::absoluteUrl;
    }

    /** A calendar rule as an API problem, in the person's language. */
    static ProblemException problem(WebRequest req, CalendarException e) {
        return new ProblemException(e.reason().status(), req.messages().get(e.reason().key()));
    }
}
