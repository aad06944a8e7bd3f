package ${package}.internal;

import java.util.HashMap;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;

/** The module's page: the list of notes, inside the initiative's layout (which prints the h1). */
final class NotePages {

    private final NoteRepository repository;

    NotePages(NoteRepository repository) {
        this.repository = repository;
    }

    WebResponse list(WebRequest req) {
        Messages msg = req.messages();
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("notes", repository.latest(req.sql(), 50));
        return WebResponse.page(msg.get("page.title"), Templates.render("list.jte", params));
    }
}
