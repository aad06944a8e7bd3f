package nl.samenredzaam.buurtnieuws.internal;

import java.time.Clock;
import java.util.Map;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** JSON API: {@code /api/v1/{slug}/buurtnieuws/items[/{id}]}. */
final class NewsApi {

    private final NewsRepository repository;
    private final Clock clock;

    NewsApi(NewsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    WebResponse list(WebRequest req) {
        return WebResponse.json(repository.latest(req.sql(), 100));
    }

    WebResponse get(WebRequest req) {
        return WebResponse.json(repository.find(req.sql(), req.pathId("id")).orElseThrow(ProblemException::notFound));
    }

    WebResponse create(WebRequest req) {
        NewsInput input = valid(req);
        var actor = req.requireActor();
        long id = repository.create(req.sql(), input, actor.userId(), actor.displayName(), clock.instant());
        NewsItem item = repository.find(req.sql(), id).orElseThrow();
        return WebResponse.created("/api/v1/" + req.initiative().slug() + "/buurtnieuws/items/" + id, item);
    }

    WebResponse update(WebRequest req) {
        long id = req.pathId("id");
        if (!repository.update(req.sql(), id, valid(req))) {
            throw ProblemException.notFound();
        }
        return WebResponse.json(repository.find(req.sql(), id).orElseThrow());
    }

    WebResponse delete(WebRequest req) {
        if (!repository.delete(req.sql(), req.pathId("id"))) {
            throw ProblemException.notFound();
        }
        return WebResponse.noContent();
    }

    private static NewsInput valid(WebRequest req) {
        NewsInput input = req.body(NewsInput.class);
        Map<String, String> problems = input.problems(req.messages());
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        return input;
    }
}
