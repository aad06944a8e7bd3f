package ${package}.internal;

import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** JSON API: GET /api/v1/{slug}/${moduleId}/notes. */
final class NoteApi {

    private final NoteRepository repository;

    NoteApi(NoteRepository repository) {
        this.repository = repository;
    }

    WebResponse list(WebRequest req) {
        return WebResponse.json(repository.latest(req.sql(), 100));
    }
}
