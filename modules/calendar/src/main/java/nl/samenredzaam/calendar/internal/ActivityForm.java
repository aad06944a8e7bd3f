package nl.samenredzaam.calendar.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.WebRequest;

/**
 * The organiser's form as typed (kept as text so that nothing is lost when something is wrong),
 * turned into an {@link ActivityInput}: date and times in Amsterdam, "repeat" choices into an RRULE,
 * a break ("14-07-2026 t/m 25-08-2026") into exception dates.
 */
public record ActivityForm(String title, String description, String category, String organiser, String location,
        String accessibility, boolean wheelchair, boolean hearingLoop, String onlineUrl, String date, String startTime,
        String endTime, String repeat, String until, String rrule, String exceptions, String capacity,
        boolean registrationRequired, boolean waitlist, String cost, String visibility, String status) {

    static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");

    static ActivityForm empty(String category) {
        return new ActivityForm("", "", category, "", "", "", false, false, "", "", "10:00", "11:00", "none", "", "", "", "",
                true, true, "", "PUBLIC", "PUBLISHED");
    }

    static ActivityForm read(WebRequest req) {
        return new ActivityForm(f(req, "title"), f(req, "description"), f(req, "category"), f(req, "organiser"),
                f(req, "location"), f(req, "accessibility"), req.form("wheelchair").isPresent(), req.form("hearingLoop").isPresent(),
                f(req, "onlineUrl"), f(req, "date"), f(req, "startTime"), f(req, "endTime"), req.form("repeat").orElse("none"),
                f(req, "until"), f(req, "rrule"), f(req, "exceptions"), f(req, "capacity"),
                req.form("registrationRequired").isPresent(), req.form("waitlist").isPresent(), f(req, "cost"),
                req.form("visibility").orElse("PUBLIC"), req.form("status").orElse("PUBLISHED"));
    }

    private static String f(WebRequest req, String name) {
        return req.form(name).orElse("");
    }

    /** The form of an existing activity. */
    static ActivityForm of(Activity a) {
        LocalDate day = Formats.date(a.start());
        String repeat = "none";
        String until = "";
        String custom = "";
        if (a.recurring()) {
            String rule = a.rrule();
            String base = rule.replaceAll(";?UNTIL=[0-9TZ]+", "");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("UNTIL=([0-9]{8})").matcher(rule);
            if (m.find()) {
                until = LocalDate.parse(m.group(1), DateTimeFormatter.BASIC_ISO_DATE).format(DUTCH_DATE);
            }
            repeat = "custom";
            custom = rule;
            for (String choice : List.of("weekly", "biweekly", "monthly")) {
                if (base.equals(rule(choice, day))) {
                    repeat = choice;
                    custom = "";
                }
            }
            if (repeat.equals("custom")) {
                until = "";
            }
        }
        StringBuilder ex = new StringBuilder();
        for (LocalDate d : a.exceptions()) {
            ex.append(d.format(DUTCH_DATE)).append('\n');
        }
        return new ActivityForm(a.title(), a.description(), a.category(), n(a.organiserName()), n(a.location()),
                n(a.accessibility()), a.wheelchair(), a.hearingLoop(), n(a.onlineUrl()), day.format(DUTCH_DATE),
                Formats.isoLocal(a.start()).substring(11, 16), Formats.isoLocal(a.end()).substring(11, 16), repeat, until,
                custom, ex.toString().strip(), a.capacity() == null ? "" : a.capacity().toString(), a.registrationRequired(),
                a.waitlist(), n(a.cost()), a.visibility().name(), a.status().name());
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }

    /** The RRULE for a simple choice, based on the first date. */
    static String rule(String repeat, LocalDate day) {
        String weekday = day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                .substring(0, 2).toUpperCase(Locale.ROOT);
        return switch (repeat) {
            case "weekly" -> "FREQ=WEEKLY;BYDAY=" + weekday;
            case "biweekly" -> "FREQ=WEEKLY;INTERVAL=2;BYDAY=" + weekday;
            case "monthly" -> {
                int n = (day.getDayOfMonth() - 1) / 7 + 1;
                yield "FREQ=MONTHLY;BYDAY=" + (n == 5 ? -1 : n) + weekday;
            }
            default -> null;
        };
    }

    static Optional<LocalDate> parseDate(String s) {
        String v = s.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDate.parse(v.replace('/', '-').replace('.', '-'), DUTCH_DATE));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    static Optional<LocalTime> parseTime(String s) {
        String v = s.strip().replace('.', ':');
        if (v.matches("[0-9]{1,2}")) {
            v = v + ":00";
        }
        if (v.matches("[0-9]:[0-9]{2}")) {
            v = "0" + v;
        }
        try {
            return Optional.of(LocalTime.parse(v));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Converts to API input; problems with the date, times, repeat choice and breaks are put under
     * this form's field names.
     */
    ActivityInput toInput(Messages msg, Map<String, String> problems) {
        Optional<LocalDate> day = parseDate(date);
        Optional<LocalTime> from = parseTime(startTime);
        Optional<LocalTime> to = parseTime(endTime);
        if (day.isEmpty()) {
            problems.put("date", msg.get(date.isBlank() ? "error.date.missing" : "error.date"));
        }
        if (from.isEmpty()) {
            problems.put("startTime", msg.get("error.time"));
        }
        if (to.isEmpty()) {
            problems.put("endTime", msg.get("error.time"));
        }
        String start = "";
        String end = "";
        String recurrence = "";
        if (day.isPresent() && from.isPresent() && to.isPresent()) {
            start = day.get().atTime(from.get()).atZone(Recurrence.ZONE).toOffsetDateTime().toString();
            LocalDate endDay = to.get().isAfter(from.get()) ? day.get() : day.get().plusDays(1);
            end = endDay.atTime(to.get()).atZone(Recurrence.ZONE).toOffsetDateTime().toString();
            if (repeat.equals("custom")) {
                recurrence = rrule;
                if (rrule.isBlank()) {
                    problems.put("rrule", msg.get("error.recurrence"));
                }
            } else if (!repeat.equals("none")) {
                recurrence = rule(repeat, day.get());
                if (recurrence == null) {
                    problems.put("repeat", msg.get("error.choice"));
                    recurrence = "";
                } else if (!until.isBlank()) {
                    Optional<LocalDate> last = parseDate(until);
                    if (last.isEmpty() || last.get().isBefore(day.get())) {
                        problems.put("until", msg.get("error.until"));
                    } else {
                        recurrence += ";UNTIL=" + last.get().atTime(23, 59, 59).atZone(Recurrence.ZONE)
                                .withZoneSameInstant(ZoneOffset.UTC).format(UNTIL);
                    }
                }
            }
        }
        List<String> breaks = new ArrayList<>();
        for (String line : exceptions.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            String[] parts = l.split("\\s*(t/m|tot en met|tot|until|to)\\s*");
            Optional<LocalDate> a = parseDate(parts[0]);
            Optional<LocalDate> b = parts.length > 1 ? parseDate(parts[1]) : a;
            if (a.isEmpty() || b.isEmpty() || parts.length > 2) {
                problems.put("exceptions", msg.get("error.exceptions"));
                continue;
            }
            breaks.add(a.get().equals(b.get()) ? a.get().toString() : a.get() + "/" + b.get());
        }
        Integer cap = null;
        if (!capacity.isBlank()) {
            try {
                cap = Integer.valueOf(capacity.strip());
            } catch (NumberFormatException e) {
                problems.put("capacity", msg.get("error.capacity", ActivityInput.CAPACITY_MAX));
            }
        }
        return new ActivityInput(title, description, category, organiser, location, accessibility, wheelchair, hearingLoop,
                onlineUrl, start, end, recurrence, breaks, cap, registrationRequired, waitlist, cost, visibility, status);
    }

    /** ActivityInput's field names as this form's. */
    static String formField(String inputField) {
        return switch (inputField) {
            case "start" -> "date";
            case "end" -> "endTime";
            case "recurrence" -> "rrule";
            default -> inputField;
        };
    }
}
