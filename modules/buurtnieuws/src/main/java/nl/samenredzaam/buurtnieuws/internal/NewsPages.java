package nl.samenredzaam.buurtnieuws.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** The notice board's pages: the list, the form, and posting from the form (errors next to the fields). */
final class NewsPages {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final NewsRepository repository;
    private final Clock clock;

    NewsPages(NewsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    WebResponse list(WebRequest req) {
        Messages msg = req.messages();
        int pageSize = parsePageSize(req.setting("page-size"));
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("items", repository.latest(req.sql(), pageSize));
        params.put("canPost", req.isAllowed(BuurtnieuwsModule.POST));
        params.put("newHref", req.link("/buurtnieuws/nieuw"));
        params.put("dates", DateTimeFormatter.ofPattern("d MMMM yyyy", msg.locale()).withZone(AMSTERDAM));
        return WebResponse.page(msg.get("page.title"), Templates.render("list.jte", params));
    }

    WebResponse form(WebRequest req) {
        return showForm(req, new NewsInput("", ""), Map.of(), 200);
    }

    WebResponse create(WebRequest req) {
        NewsInput input = new NewsInput(req.form("title").orElse(""), req.form("body").orElse(""));
        Map<String, String> problems = input.problems(req.messages());
        if (!problems.isEmpty()) {
            return showForm(req, input, problems, 400);
        }
        var actor = req.requireActor();
        repository.create(req.sql(), input, actor.userId(), actor.displayName(), clock.instant());
        return WebResponse.redirect(req.link("/buurtnieuws"));
    }

    private WebResponse showForm(WebRequest req, NewsInput input, Map<String, String> problems, int status) {
        Messages msg = req.messages();
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("input", input);
        params.put("problems", problems);
        params.put("csrf", req.csrfToken());
        params.put("action", req.link("/buurtnieuws"));
        return WebResponse.page(msg.get("form.title"), Templates.render("form.jte", params)).status(status);
    }

    static int parsePageSize(String value) {
        try {
            int n = Integer.parseInt(value.trim());
            return Math.max(1, Math.min(n, 100));
        } catch (NumberFormatException e) {
            return 20;
        }
    }
}
