package nl.samenredzaam.referral.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.instruments.PositiveHealthDimension;

/** The monitor: anonymous figures per period as a page with charts, as CSV and as JSON. */
public final class MonitorPages {

    private final ReferralService service;

    MonitorPages(ReferralService service) {
        this.service = service;
    }

    /** The period asked for ({@code van}/{@code tot} or {@code from}/{@code to}, inclusive), with problems per field. */
    public record Period(LocalDate from, LocalDate to, Map<String, String> problems) {
    }

    Period period(WebRequest req) {
        LocalDate today = service.today();
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate from = date(req, "van", "from", today.withDayOfYear(1), problems);
        LocalDate to = date(req, "tot", "to", today, problems);
        if (problems.isEmpty() && to.isBefore(from)) {
            problems.put("tot", req.messages().get("error.period"));
        }
        return new Period(from, to, problems);
    }

    private static LocalDate date(WebRequest req, String dutch, String english, LocalDate fallback, Map<String, String> problems) {
        String value = req.query(dutch).or(() -> req.query(english)).orElse("").strip();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.put(dutch, req.messages().get("error.date"));
            return fallback;
        }
    }

    MonitorFigures.Figures figures(Sql sql, LocalDate from, LocalDate to, int targetDays, Locale locale) {
        Instant start = from.atStartOfDay(ReferralService.AMSTERDAM).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ReferralService.AMSTERDAM).toInstant();
        List<Referral> referrals = service.referrals().createdBetween(sql, start, end);
        var measurements = service.trajectory().measurementsOfReferralsCreatedBetween(sql, start, end);
        Set<Long> withActivity = service.trajectory().referralsWithActivity(sql, start, end);
        List<MonitorFigures.Fact> facts = new ArrayList<>();
        for (Referral r : referrals) {
            var m = measurements.getOrDefault(r.id(), Map.of());
            Measurement before = m.get(Measurement.Kind.INTAKE);
            Measurement after = m.get(Measurement.Kind.CLOSING);
            facts.add(new MonitorFigures.Fact(r.referrerType(), r.reasons(), r.status(),
                    r.createdAt().atZone(ReferralService.AMSTERDAM).toLocalDate(),
                    r.firstContactAt() == null ? null : r.firstContactAt().atZone(ReferralService.AMSTERDAM).toLocalDate(),
                    withActivity.contains(r.id()), before == null ? null : before.scores().scores(),
                    after == null ? null : after.scores().scores()));
        }
        return MonitorFigures.compute(from, to, facts, targetDays, t -> t.label().in(locale));
    }

    private int target(WebRequest req) {
        return ReferralService.firstContactDays(req.setting(ReferralModule.SETTING_FIRST_CONTACT_DAYS));
    }

    WebResponse page(WebRequest req) {
        Messages msg = req.messages();
        Period p = period(req);
        MonitorFigures.Figures f = figures(req.sql(), p.from(), p.to(), target(req), msg.locale());
        Map<String, Object> params = ReferrerPages.base(req);
        params.put("p", p);
        params.put("f", f);
        params.put("target", target(req));
        params.put("min", MonitorFigures.MIN_COUNT);
        params.put("csv", req.link("/referral/monitor/csv") + "?van=" + p.from() + "&tot=" + p.to());
        params.put("typeChart", Charts.counts("chart-type", msg.get("monitor.byType"), f.byReferrerType(), msg.get("monitor.suppressed"),
                msg.get("monitor.hidden")));
        params.put("reasonChart", Charts.counts("chart-reason", msg.get("monitor.byReason"), f.byReason(), msg.get("monitor.suppressed"),
                msg.get("monitor.hidden")));
        params.put("changeChart", f.change().suppressed() ? null : Charts.change("chart-change", msg.get("monitor.change"),
                f.change().average(), msg.locale()));
        params.put("dimensions", List.of(PositiveHealthDimension.values()));
        return WebResponse.page(msg.get("monitor.title"), Templates.render("monitor.jte", params))
                .status(p.problems().isEmpty() ? 200 : 400);
    }

    WebResponse csv(WebRequest req) {
        Messages msg = req.messages();
        Period p = period(req);
        if (!p.problems().isEmpty()) {
            throw ProblemException.invalidFields(p.problems());
        }
        MonitorFigures.Figures f = figures(req.sql(), p.from(), p.to(), target(req), msg.locale());
        return WebResponse.text("text/csv;charset=UTF-8", csv(f, msg))
                .attachment("welzijn-op-recept-" + p.from() + "-" + p.to() + ".csv");
    }

    /** The figures as CSV (semicolon separated, as spreadsheet programs in Dutch expect). */
    static String csv(MonitorFigures.Figures f, Messages msg) {
        StringBuilder s = new StringBuilder();
        s.append(msg.get("csv.header")).append("\r\n");
        line(s, msg.get("monitor.period"), "", f.from() + " - " + f.to());
        line(s, msg.get("monitor.total"), "", f.total().shown());
        for (var c : f.byReferrerType()) {
            line(s, msg.get("monitor.byType"), c.label(), c.shown());
        }
        for (var c : f.byReason()) {
            line(s, msg.get("monitor.byReason"), c.label(), c.shown());
        }
        line(s, msg.get("monitor.firstContact"), msg.get("monitor.firstContact.n"), f.firstContact().n().shown());
        line(s, msg.get("monitor.firstContact"), msg.get("monitor.firstContact.average"), number(f.firstContact().averageWorkingDays()));
        line(s, msg.get("monitor.firstContact"), msg.get("monitor.firstContact.within"), number(f.firstContact().withinTargetPercent()));
        line(s, msg.get("monitor.activity"), msg.get("monitor.percent"), number(f.activity().percent()));
        line(s, msg.get("monitor.change"), msg.get("monitor.change.n"), f.change().n().shown());
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            line(s, msg.get("monitor.change"), d.label().in(msg.locale()), number(f.change().average().get(d)));
        }
        return s.toString();
    }

    private static String number(Double v) {
        return v == null ? "< " + MonitorFigures.MIN_COUNT : String.format(Locale.ROOT, "%.1f", v);
    }

    private static void line(StringBuilder s, String part, String label, String value) {
        s.append(cell(part)).append(';').append(cell(label)).append(';').append(cell(value)).append("\r\n");
    }

    private static String cell(String v) {
        String safe = v;
        if (!safe.isEmpty() && "=+-@".indexOf(safe.charAt(0)) >= 0 && !safe.matches("[+-][0-9.]+")) {
            safe = "'" + safe; // no formulas in a spreadsheet
        }
        return safe.contains(";") || safe.contains("\"") || safe.contains("\n") ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    WebResponse json(WebRequest req) {
        Period p = period(req);
        if (!p.problems().isEmpty()) {
            Map<String, String> problems = new LinkedHashMap<>();
            p.problems().forEach((k, v) -> problems.put(k.equals("van") ? "from" : "to", v));
            throw ProblemException.invalidFields(problems);
        }
        MonitorFigures.Figures f = figures(req.sql(), p.from(), p.to(), target(req), req.locale());
        Map<String, Object> change = new LinkedHashMap<>();
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            change.put(d.key(), f.change().average().get(d));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", f.from().toString());
        body.put("to", f.to().toString());
        body.put("minimumCount", MonitorFigures.MIN_COUNT);
        body.put("total", f.total().value());
        body.put("byReferrerType", f.byReferrerType());
        body.put("byReason", f.byReason());
        body.put("firstContact", map("contacted", f.firstContact().n().value(),
                "averageWorkingDays", f.firstContact().averageWorkingDays(),
                "withinTargetPercent", f.firstContact().withinTargetPercent(), "targetWorkingDays", target(req)));
        body.put("startedActivityPercent", f.activity().percent());
        body.put("averageChange", map("measured", f.change().n().value(), "perDimension", change));
        return WebResponse.json(body);
    }

    /** A JSON object that may hold nulls (a suppressed figure is null). */
    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
