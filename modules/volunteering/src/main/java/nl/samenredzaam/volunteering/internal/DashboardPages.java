package nl.samenredzaam.volunteering.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** The coordinator's dashboard as a page (with SVG bar charts and the same figures in tables) and as JSON. */
public final class DashboardPages {

    private final Dashboard dashboard;
    private final Web web;

    DashboardPages(Dashboard dashboard, Web web) {
        this.dashboard = dashboard;
        this.web = web;
    }

    WebResponse show(WebRequest req) {
        Messages msg = req.messages();
        Dashboard.Figures f = dashboard.figures(req.sql(), web.now(), web.today(), Categories.of(req));
        req.audit(new AuditEvent(AuditEvent.Action.SEARCH, Web.RECORD, null, null, null, Web.PURPOSE, true));
        DateTimeFormatter monthName = DateTimeFormatter.ofPattern("MMM yyyy", msg.locale());
        List<String> months = f.months().stream().map(m -> monthName.format(m.month())).toList();
        List<Chart> charts = new ArrayList<>();
        charts.add(Chart.of("chart-requests", msg.get("dash.chart.requests"), msg.get("dash.chart.requests.desc"), months,
                f.months().stream().map(Dashboard.Month::requests).toList(),
                f.months().stream().map(m -> Integer.toString(m.requests())).toList()));
        charts.add(Chart.of("chart-matches", msg.get("dash.chart.matches"), msg.get("dash.chart.matches.desc"), months,
                f.months().stream().map(Dashboard.Month::matches).toList(),
                f.months().stream().map(m -> Integer.toString(m.matches())).toList()));
        charts.add(Chart.of("chart-hours", msg.get("dash.chart.hours"), msg.get("dash.chart.hours.desc"), months,
                f.months().stream().map(Dashboard.Month::minutes).toList(),
                f.months().stream().map(m -> hours(m.minutes())).toList()));
        List<nl.samenredzaam.volunteering.api.HelpRequestService.Category> categories = Categories.of(req);
        List<String> catLabels = f.byCategory().keySet().stream().map(k -> Categories.label(k, msg.locale(), categories)).toList();
        charts.add(Chart.of("chart-categories", msg.get("dash.chart.categories"), msg.get("dash.chart.categories.desc"), catLabels,
                new ArrayList<>(f.byCategory().values()), f.byCategory().values().stream().map(String::valueOf).toList()));
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("f", f);
        p.put("charts", charts);
        p.put("base", req.link("/volunteering"));
        p.put("dates", DateTimeFormatter.ofPattern("d MMMM yyyy", msg.locale()));
        p.put("today", web.today());
        p.put("categoryLabels", catLabels);
        p.put("categories", categories);
        return WebResponse.page(msg.get("dash.title"), Templates.render("dashboard.jte", p));
    }

    WebResponse json(WebRequest req) {
        Dashboard.Figures f = dashboard.figures(req.sql(), web.now(), web.today(), Categories.of(req));
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Integer> urgency = new LinkedHashMap<>();
        f.waitingByUrgency().forEach((k, v) -> urgency.put(k.name().toLowerCase(Locale.ROOT), v));
        out.put("waitingByUrgency", urgency);
        out.put("waitingByAgeInDays", f.waitingByAge());
        out.put("withoutMatch", f.withoutMatch().stream().map(r -> Map.of("id", r.id(), "category", r.category(),
                "state", r.state().name().toLowerCase(Locale.ROOT), "createdAt", r.createdAt().toString())).toList());
        out.put("idleVolunteers", f.idleVolunteers().stream().map(p -> Map.of("userId", p.userId(), "name", p.displayName())).toList());
        out.put("vogAttention", f.vogAttention().stream().map(p -> ProfileView.of(p, web.today(), 0)).toList());
        out.put("months", f.months().stream().map(m -> Map.of("month", m.month().toString(), "requests", m.requests(),
                "matches", m.matches(), "minutes", m.minutes())).toList());
        out.put("byCategory", f.byCategory());
        return WebResponse.json(out);
    }

    public static String hours(int minutes) {
        return minutes % 60 == 0 ? Integer.toString(minutes / 60) : String.format(Locale.ROOT, "%d:%02d", minutes / 60, minutes % 60);
    }
}
