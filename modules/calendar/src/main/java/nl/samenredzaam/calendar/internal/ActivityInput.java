package nl.samenredzaam.calendar.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import nl.samenredzaam.api.i18n.Messages;

/**
 * What an organiser submits for an activity, as JSON (API) or converted from the form. Everything
 * is checked in {@link #validate}, which names every wrong field in the person's language.
 *
 * @param start      ISO-8601 with offset, e.g. {@code 2026-12-01T10:00:00+01:00}
 * @param recurrence an RRULE value, e.g. {@code FREQ=WEEKLY;BYDAY=TU}, or empty for a single event
 * @param exceptions dates without an occurrence: {@code 2026-07-14}, or a range {@code 2026-07-14/2026-08-25}
 */
public record ActivityInput(String title, String description, String category, String organiser, String location,
        String accessibility, Boolean wheelchair, Boolean hearingLoop, String onlineUrl, String start, String end,
        String recurrence, List<String> exceptions, Integer capacity, Boolean registrationRequired, Boolean waitlist,
        String cost, String visibility, String status) {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 4000;
    static final int CAPACITY_MAX = 10_000;
    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]{3,490}", Pattern.CASE_INSENSITIVE);
    private static final Pattern CATEGORY = Pattern.compile("[a-z0-9-]{1,40}");

    public ActivityInput {
        title = strip(title);
        description = strip(description);
        category = strip(category).toLowerCase(Locale.ROOT);
        organiser = strip(organiser);
        location = strip(location);
        accessibility = strip(accessibility);
        onlineUrl = strip(onlineUrl);
        start = strip(start);
        end = strip(end);
        recurrence = strip(recurrence).replaceFirst("(?i)^RRULE:", "");
        exceptions = exceptions == null ? List.of() : exceptions.stream().map(ActivityInput::strip).filter(s -> !s.isEmpty()).toList();
        cost = strip(cost);
        visibility = strip(visibility).toUpperCase(Locale.ROOT);
        status = strip(status).toUpperCase(Locale.ROOT);
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }

    /** The checked values, ready to store. */
    public record Valid(String title, String description, String category, String organiser, String location,
            String accessibility, boolean wheelchair, boolean hearingLoop, String onlineUrl, Instant start, Instant end,
            String rrule, List<LocalDate> exceptions, Instant seriesUntil, Integer capacity, boolean registrationRequired,
            boolean waitlist, String cost, Activity.Visibility visibility, Activity.Status status) {
    }

    /**
     * Checks every field; puts the problems (field name to a sentence) into {@code problems} and
     * returns the valid values when there are none.
     */
    public Valid validate(Messages msg, List<String> categories, Map<String, String> problems) {
        if (title.isEmpty()) {
            problems.put("title", msg.get("error.title.missing"));
        } else if (title.length() > TITLE_MAX) {
            problems.put("title", msg.get("error.too-long", TITLE_MAX));
        }
        if (description.length() > DESCRIPTION_MAX) {
            problems.put("description", msg.get("error.too-long", DESCRIPTION_MAX));
        }
        String cat = category.isEmpty() ? categories.get(0) : category;
        if (!CATEGORY.matcher(cat).matches() || !categories.contains(cat)) {
            problems.put("category", msg.get("error.category"));
        }
        limit("organiser", organiser, 200, msg, problems);
        limit("location", location, 300, msg, problems);
        limit("accessibility", accessibility, 500, msg, problems);
        limit("cost", cost, 100, msg, problems);
        if (!onlineUrl.isEmpty() && !URL.matcher(onlineUrl).matches()) {
            problems.put("onlineUrl", msg.get("error.url"));
        }
        Instant from = instant("start", start, msg, problems);
        Instant to = instant("end", end, msg, problems);
        if (from != null && to != null) {
            if (!to.isAfter(from)) {
                problems.put("end", msg.get("error.end.before-start"));
            } else if (Duration.between(from, to).compareTo(Duration.ofDays(14)) > 0) {
                problems.put("end", msg.get("error.end.too-long"));
            }
        }
        String rrule = recurrence.isEmpty() ? null : recurrence.toUpperCase(Locale.ROOT);
        if (rrule != null) {
            if (rrule.length() > 500) {
                problems.put("recurrence", msg.get("error.recurrence"));
            } else {
                try {
                    rrule = Recurrence.normalize(rrule);
                    Recurrence.parse(rrule);
                    if (from != null) {
                        // a trial expansion: ical4j can accept a rule it cannot expand
                        Recurrence.starts(from, rrule, List.of(), from, from.plus(java.time.Duration.ofDays(400)));
                        Recurrence.lastStart(from, rrule, List.of());
                    }
                } catch (RuntimeException e) {
                    problems.put("recurrence", msg.get("error.recurrence"));
                }
            }
        }
        List<LocalDate> skip = exceptionDates(from, problems.containsKey("recurrence") ? null : rrule, msg, problems);
        if (capacity != null && (capacity < 1 || capacity > CAPACITY_MAX)) {
            problems.put("capacity", msg.get("error.capacity", CAPACITY_MAX));
        }
        Activity.Visibility vis = null;
        try {
            vis = visibility.isEmpty() ? Activity.Visibility.PUBLIC : Activity.Visibility.valueOf(visibility);
        } catch (IllegalArgumentException e) {
            problems.put("visibility", msg.get("error.choice"));
        }
        Activity.Status st = null;
        try {
            st = status.isEmpty() ? Activity.Status.PUBLISHED : Activity.Status.valueOf(status);
        } catch (IllegalArgumentException e) {
            problems.put("status", msg.get("error.choice"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        Instant until = Recurrence.lastStart(from, rrule, skip);
        boolean registration = registrationRequired != null ? registrationRequired : capacity != null;
        return new Valid(title, description, cat, blankToNull(organiser), blankToNull(location), blankToNull(accessibility),
                Boolean.TRUE.equals(wheelchair), Boolean.TRUE.equals(hearingLoop), blankToNull(onlineUrl), from, to, rrule,
                skip, until, capacity, registration, waitlist == null || waitlist, blankToNull(cost), vis, st);
    }

    private List<LocalDate> exceptionDates(Instant from, String rrule, Messages msg, Map<String, String> problems) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (String entry : exceptions) {
            try {
                int slash = entry.indexOf('/');
                if (slash < 0) {
                    dates.add(LocalDate.parse(entry));
                    continue;
                }
                LocalDate a = LocalDate.parse(entry.substring(0, slash).strip());
                LocalDate b = LocalDate.parse(entry.substring(slash + 1).strip());
                if (b.isBefore(a) || a.plusDays(400).isBefore(b)) {
                    problems.put("exceptions", msg.get("error.exceptions"));
                    continue;
                }
                if (from != null && rrule != null) {
                    // a break: only the dates on which the series would take place
                    Instant rangeFrom = a.atStartOfDay(Recurrence.ZONE).toInstant();
                    Instant rangeTo = b.plusDays(1).atStartOfDay(Recurrence.ZONE).toInstant();
                    for (Instant s : Recurrence.starts(from, rrule, List.of(), rangeFrom, rangeTo)) {
                        dates.add(s.atZone(Recurrence.ZONE).toLocalDate());
                    }
                } else {
                    for (LocalDate d = a; !d.isAfter(b); d = d.plusDays(1)) {
                        dates.add(d);
                    }
                }
            } catch (DateTimeParseException e) {
                problems.put("exceptions", msg.get("error.exceptions"));
            }
        }
        if (dates.size() > 300) {
            problems.put("exceptions", msg.get("error.exceptions"));
        }
        return new ArrayList<>(dates);
    }

    private static Instant instant(String field, String value, Messages msg, Map<String, String> problems) {
        if (value.isEmpty()) {
            problems.put(field, msg.get("error." + field + ".missing"));
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            problems.put(field, msg.get("error.datetime"));
            return null;
        }
    }

    private static void limit(String field, String value, int max, Messages msg, Map<String, String> problems) {
        if (value.length() > max) {
            problems.put(field, msg.get("error.too-long", max));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The input that shows an existing activity in the form. */
    static ActivityInput of(Activity a) {
        return new ActivityInput(a.title(), a.description(), a.category(), a.organiserName(), a.location(),
                a.accessibility(), a.wheelchair(), a.hearingLoop(), a.onlineUrl(),
                a.start().atZone(Recurrence.ZONE).toOffsetDateTime().toString(),
                a.end().atZone(Recurrence.ZONE).toOffsetDateTime().toString(), a.rrule(),
                a.exceptions().stream().map(LocalDate::toString).toList(), a.capacity(), a.registrationRequired(),
                a.waitlist(), a.cost(), a.visibility().name(), a.status().name());
    }

    static Map<String, String> newProblems() {
        return new LinkedHashMap<>();
    }
}
