package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.ZrmDomain;
import nl.samenredzaam.wmointake.internal.deadline.Deadline;

/**
 * What the templates need besides the data: messages, date formats, labels, links, the CSRF token
 * and the problems and entered values of the last form, so nothing is lost after an error.
 */
public final class View {

    private final Messages msg;
    private final DateTimeFormatter dates;
    private final DateTimeFormatter times;
    private final String base;
    private final String csrf;
    private final Map<String, String> problems;
    private final Map<String, String> values;

    public View(Messages msg, String base, String csrf, Map<String, String> problems, Map<String, String> values) {
        this.msg = msg;
        this.dates = DateTimeFormatter.ofPattern("d MMMM yyyy", msg.locale());
        this.times = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm", msg.locale()).withZone(IntakeService.AMSTERDAM);
        this.base = base;
        this.csrf = csrf;
        this.problems = problems;
        this.values = values;
    }

    public String t(String key, Object... args) {
        return msg.get(key, args);
    }

    public Locale locale() {
        return msg.locale();
    }

    public String csrf() {
        return csrf;
    }

    /** A link below the module, e.g. {@code href("/dossiers/3")}. */
    public String href(String path) {
        return base + path;
    }

    public String date(LocalDate d) {
        return d == null ? "" : dates.format(d);
    }

    public String time(Instant i) {
        return i == null ? "" : times.format(i);
    }

    public String time(OffsetDateTime i) {
        return i == null ? "" : times.format(i);
    }

    public String status(FileStatus s) {
        return msg.get("status." + s.name());
    }

    public String choice(String group, String value) {
        return value == null ? "" : msg.get(group + "." + value);
    }

    public String yesNo(Boolean b) {
        return b == null ? "" : msg.get(b ? "yes" : "no");
    }

    public String deadlineName(Deadline d) {
        return msg.get("deadline." + d.kind().name());
    }

    /** "nog 3 dagen", "vandaag", "2 dagen te laat", "gehaald op ...". */
    public String deadlineState(Deadline d) {
        if (d == null) {
            return "";
        }
        return switch (d.state()) {
            case MET -> msg.get(d.late() ? "deadline.metLate" : "deadline.met", date(d.metOn()));
            case PASSED -> d.kind().isDuty() ? msg.get("deadline.overdue", -d.daysLeft()) : msg.get("deadline.over");
            default -> d.daysLeft() == 0 ? msg.get("deadline.today") : msg.get("deadline.left", d.daysLeft());
        };
    }

    /** As {@link #deadlineState(Deadline)}, but on a closed file a term that was still open has lapsed. */
    public String deadlineState(Deadline d, boolean closed) {
        if (closed && d != null && d.metOn() == null && d.kind().isDuty()) {
            return msg.get("deadline.lapsed");
        }
        return deadlineState(d);
    }

    public String deadlineClass(Deadline d, boolean closed) {
        return closed ? "" : deadlineClass(d);
    }

    public String deadlineClass(Deadline d) {
        if (d == null) {
            return "";
        }
        return switch (d.state()) {
            case PASSED -> d.kind().isDuty() ? "sr-field-error" : "";
            default -> "";
        };
    }

    public String ph(PositiveHealthDimension d) {
        return d.label().in(msg.locale());
    }

    public String phQuestion(PositiveHealthDimension d) {
        return d.question().in(msg.locale());
    }

    public String zrm(ZrmDomain d) {
        return d.label().in(msg.locale());
    }

    public String zrmScore(int score) {
        return score + " – " + ZrmDomain.scoreLabel(score).in(msg.locale());
    }

    /** One problem for the summary at the top of a form. */
    public record Problem(String field, String text) {
    }

    /** All problems, for the error summary that links to each field. */
    public java.util.List<Problem> problemList() {
        return problems.entrySet().stream().map(e -> new Problem(e.getKey(), e.getValue())).toList();
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public boolean problem(String field) {
        return problems.containsKey(field);
    }

    public String problemText(String field) {
        return problems.get(field);
    }

    /** The value entered last time, or the fallback. */
    public String value(String field, String fallback) {
        String v = values.get(field);
        return v != null ? v : fallback == null ? "" : fallback;
    }

    public String value(String field) {
        return value(field, "");
    }

    public boolean selected(String field, String option, String fallback) {
        return option.equals(value(field, fallback));
    }

    /** aria attributes for a field: invalid and described by its error. */
    public Html aria(String field) {
        if (!problem(field)) {
            return new Html("");
        }
        return new Html("aria-invalid=\"true\" aria-describedby=\"" + Html.escape(field).value() + "-error\"");
    }

    /** The error paragraph of a field, or nothing. */
    public Html error(String field) {
        if (!problem(field)) {
            return new Html("");
        }
        return new Html("<p class=\"sr-field-error\" id=\"" + Html.escape(field).value() + "-error\">"
                + Html.escape(problems.get(field)).value() + "</p>");
    }
}
