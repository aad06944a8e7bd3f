package nl.samenredzaam.volunteering.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;

/**
 * A help request as typed in a form or sent as JSON: all text, so that nothing is lost when it
 * comes back with errors. {@link #check} says what is wrong per field, in the person's language.
 *
 * @param when       {@code date}, {@code flexible} or {@code recurring}
 * @param weekday    1 (Monday) to 7, for recurring help
 * @param from       start of the time window, {@code HH:mm}, optional
 * @param to         end of the time window, {@code HH:mm}, optional
 * @param urgency    {@code low}, {@code normal} or {@code high}
 * @param vulnerable one-to-one with a vulnerable person: needs a VOG
 * @param visibility {@code volunteers} or {@code coordinators}
 * @param forName    coordinators: the name of the person it is for (taken by phone)
 * @param forUserId  coordinators: the account of the person it is for, if they have one
 * @param activity   transport to a calendar activity: {@code id@epochSecond}
 */
public record RequestForm(String category, String description, String when, String date, String weekday, String from, String to,
        String address, String neighbourhood, String urgency, Boolean vulnerable, String visibility, String phone, String forName,
        String forUserId, String activity) {

    static final int DESCRIPTION_MAX = 2000;
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    public RequestForm {
        category = clean(category);
        description = clean(description);
        when = clean(when).isEmpty() ? "flexible" : clean(when).toLowerCase(Locale.ROOT);
        date = clean(date);
        weekday = clean(weekday);
        from = clean(from);
        to = clean(to);
        address = clean(address);
        neighbourhood = clean(neighbourhood);
        urgency = clean(urgency).isEmpty() ? "normal" : clean(urgency).toLowerCase(Locale.ROOT);
        vulnerable = Boolean.TRUE.equals(vulnerable);
        visibility = clean(visibility).isEmpty() ? "volunteers" : clean(visibility).toLowerCase(Locale.ROOT);
        phone = clean(phone);
        forName = clean(forName);
        forUserId = clean(forUserId);
        activity = clean(activity);
    }

    static RequestForm empty() {
        return new RequestForm("", "", "flexible", "", "", "", "", "", "", "normal", false, "volunteers", "", "", "", "");
    }

    /**
     * When the signed-in coordinator acts on behalf of a resident (the platform's "namens" mode)
     * and names nobody else, the request is for that resident.
     */
    RequestForm forActingOnBehalf(java.util.Optional<Long> onBehalfOf) {
        if (onBehalfOf.isEmpty() || !forUserId.isEmpty() || !forName.isEmpty()) {
            return this;
        }
        return new RequestForm(category, description, when, date, weekday, from, to, address, neighbourhood, urgency, vulnerable,
                visibility, phone, forName, onBehalfOf.get().toString(), activity);
    }

    /** The form filled with a stored request, to change it. */
    static RequestForm of(HelpRequest r) {
        return new RequestForm(r.category(), r.description(), r.whenKind().name().toLowerCase(Locale.ROOT),
                r.preferredDate() == null ? "" : r.preferredDate().toString(), r.weekday() == null ? "" : r.weekday().toString(),
                RequestView.time(r.windowStart()), RequestView.time(r.windowEnd()), r.address(), r.neighbourhood(),
                r.urgency().name().toLowerCase(Locale.ROOT), r.oneToOneVulnerable(), r.visibility().name().toLowerCase(Locale.ROOT),
                r.residentPhone(), "", "", r.activityId() == null || r.activityStart() == null ? ""
                        : r.activityId() + "@" + r.activityStart().getEpochSecond());
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** The checked request or the problems per field. */
    public record Checked(NewRequest request, Map<String, String> problems) {
    }

    /**
     * @param msg          messages in the person's language
     * @param viewer       who submits; only coordinators may file for someone else
     * @param today        today's date (Amsterdam)
     * @param activities   upcoming activities when the calendar is available, else empty
     * @param residentName the name of the person it is for when {@code forUserId} is given (from the directory), else null
     */
    Checked check(Messages msg, Viewer viewer, LocalDate today, List<Activity> activities, String residentName) {
        return check(msg, viewer, today, activities, residentName, Categories.ALL);
    }

    /** As above, with the initiative's categories. */
    Checked check(Messages msg, Viewer viewer, LocalDate today, List<Activity> activities, String residentName,
            List<nl.samenredzaam.volunteering.api.HelpRequestService.Category> categories) {
        Map<String, String> p = new LinkedHashMap<>();
        Activity chosen = null;
        if (!activity.isEmpty()) {
            chosen = activities.stream().filter(a -> a.key().equals(activity)).findFirst().orElse(null);
            if (chosen == null) {
                p.put("activity", msg.get("error.activity"));
            }
        }
        String cat = chosen != null ? Categories.TRANSPORT : category;
        if (!Categories.exists(cat, categories) && !(chosen != null && Categories.TRANSPORT.equals(cat))) {
            p.put("category", msg.get("error.category"));
        }
        if (description.isEmpty()) {
            p.put("description", msg.get("error.description.missing"));
        } else if (description.length() > DESCRIPTION_MAX) {
            p.put("description", msg.get("error.description.long", DESCRIPTION_MAX));
        }
        WhenKind kind = switch (when) {
            case "date" -> WhenKind.DATE;
            case "recurring" -> WhenKind.RECURRING;
            case "flexible" -> WhenKind.FLEXIBLE;
            default -> {
                p.put("when", msg.get("error.when"));
                yield WhenKind.FLEXIBLE;
            }
        };
        LocalDate day = null;
        Integer wd = null;
        Integer start = parseTime(from, "from", msg, p);
        Integer end = parseTime(to, "to", msg, p);
        if (chosen != null) {
            ZonedDateTime s = chosen.start().atZone(AMSTERDAM);
            kind = WhenKind.DATE;
            day = s.toLocalDate();
            start = s.getHour() * 60 + s.getMinute();
            ZonedDateTime e = chosen.end() == null ? s.plusHours(2) : chosen.end().atZone(AMSTERDAM);
            end = e.toLocalDate().equals(day) ? e.getHour() * 60 + e.getMinute() : 24 * 60;
        } else if (kind == WhenKind.DATE) {
            try {
                day = LocalDate.parse(date);
                if (day.isBefore(today)) {
                    p.put("date", msg.get("error.date.past"));
                } else if (day.isAfter(today.plusYears(1))) {
                    p.put("date", msg.get("error.date.far"));
                }
            } catch (DateTimeException e) {
                p.put("date", msg.get("error.date"));
            }
        } else if (kind == WhenKind.RECURRING) {
            try {
                wd = Integer.parseInt(weekday);
                if (wd < 1 || wd > 7) {
                    p.put("weekday", msg.get("error.weekday"));
                }
            } catch (NumberFormatException e) {
                p.put("weekday", msg.get("error.weekday"));
            }
        }
        if (start != null && end != null && end <= start) {
            p.put("to", msg.get("error.to.before"));
        }
        if (kind == WhenKind.FLEXIBLE) {
            start = null;
            end = null;
        }
        Urgency urg = switch (urgency) {
            case "low" -> Urgency.LOW;
            case "normal" -> Urgency.NORMAL;
            case "high" -> Urgency.HIGH;
            default -> {
                p.put("urgency", msg.get("error.urgency"));
                yield Urgency.NORMAL;
            }
        };
        Visibility vis = switch (visibility) {
            case "volunteers" -> Visibility.VOLUNTEERS;
            case "coordinators" -> Visibility.COORDINATORS;
            default -> {
                p.put("visibility", msg.get("error.visibility"));
                yield Visibility.VOLUNTEERS;
            }
        };
        if (address.length() > 300) {
            p.put("address", msg.get("error.too.long", 300));
        }
        if (neighbourhood.length() > 100) {
            p.put("neighbourhood", msg.get("error.too.long", 100));
        }
        if (!phone.isEmpty() && !phone.matches("[0-9 +()-]{6,20}")) {
            p.put("phone", msg.get("error.phone"));
        }
        Long residentUser = viewer.userId();
        String residentNameValue = viewer.name();
        boolean onBehalf = false;
        if (!forUserId.isEmpty() || !forName.isEmpty()) {
            if (!viewer.coordinator()) {
                p.put("forName", msg.get("error.for.notallowed"));
            } else {
                onBehalf = true;
                residentUser = null;
                residentNameValue = forName;
                if (!forUserId.isEmpty()) {
                    try {
                        residentUser = Long.parseLong(forUserId);
                        if (residentName == null) {
                            p.put("forUserId", msg.get("error.for.member"));
                        } else {
                            residentNameValue = residentName;
                        }
                    } catch (NumberFormatException e) {
                        p.put("forUserId", msg.get("error.for.member"));
                    }
                } else if (forName.length() > 200) {
                    p.put("forName", msg.get("error.too.long", 200));
                }
            }
        } else if (viewer.coordinator() && !viewer.resident()) {
            p.put("forName", msg.get("error.for.missing"));
        }
        if (!p.isEmpty()) {
            return new Checked(null, p);
        }
        NewRequest r = new NewRequest(cat, description, residentUser, residentNameValue, blankToNull(phone), blankToNull(address),
                blankToNull(neighbourhood), kind, day, wd, start, end, urg, vulnerable, vis, onBehalf, null,
                chosen == null ? null : chosen.id(), chosen == null ? null : chosen.start(), chosen == null ? null : chosen.title());
        return new Checked(r, Map.of());
    }

    private static Integer parseTime(String value, String field, Messages msg, Map<String, String> p) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalTime t = LocalTime.parse(value.length() == 4 ? "0" + value : value);
            return t.getHour() * 60 + t.getMinute();
        } catch (DateTimeException e) {
            p.put(field, msg.get("error.time"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static Optional<Long> parseId(String s) {
        try {
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(s.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
