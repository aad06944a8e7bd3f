package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** The printable week or month programme: as a page (print CSS) and as an A4 PDF. */
final class ProgrammePages {

    private final Occurrences occurrences;
    private final Clock clock;

    ProgrammePages(Occurrences occurrences, Clock clock) {
        this.occurrences = occurrences;
        this.clock = clock;
    }

    private Period period(WebRequest req) {
        String view = req.query("view").filter(v -> v.equals("month")).orElse("week");
        return Period.of(view, req.query("date").orElse(null), Formats.date(clock.instant()));
    }

    private List<PageModels.Day> days(WebRequest req, Period period) {
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        return CalendarPages.days(req, msg, f, occurrences.between(req.sql(), period.from(), period.to(), Web.visibleTo(req)));
    }

    WebResponse page(WebRequest req) {
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        Period period = period(req);
        String view = period.view().param();
        Map<String, Object> p = new HashMap<>();
        p.put("msg", msg);
        p.put("periodTitle", period.title(f, !"en".equals(req.locale().getLanguage())));
        p.put("days", days(req, period));
        p.put("pdfHref", req.link("/calendar/programme.pdf?view=" + view + "&date=" + period.first()));
        p.put("otherHref", req.link("/calendar/programme?view=" + (view.equals("week") ? "month" : "week") + "&date=" + period.first()));
        p.put("otherLabel", msg.get(view.equals("week") ? "programme.month" : "programme.week"));
        p.put("previousHref", req.link("/calendar/programme?view=" + view + "&date=" + period.previous()));
        p.put("nextHref", req.link("/calendar/programme?view=" + view + "&date=" + period.next()));
        p.put("footer", msg.get("programme.footer", req.absoluteUrl("/calendar")));
        return WebResponse.page(msg.get("programme.title", req.initiative().name()), Templates.render("programme.jte", p));
    }

    WebResponse pdf(WebRequest req) {
        Messages msg = req.messages();
        Formats f = new Formats(req.locale());
        Period period = period(req);
        byte[] pdf = ProgrammePdf.write(msg.get("programme.title", req.initiative().name()),
                period.title(f, !"en".equals(req.locale().getLanguage())), days(req, period), msg.get("list.empty"),
                msg.get("programme.footer", req.absoluteUrl("/calendar")));
        return WebResponse.bytes("application/pdf", pdf).attachment("programma-" + period.view().param() + "-" + period.first() + ".pdf");
    }
}
