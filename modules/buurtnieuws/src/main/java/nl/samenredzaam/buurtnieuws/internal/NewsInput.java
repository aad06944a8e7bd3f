package nl.samenredzaam.buurtnieuws.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;

/** What a person submits for a message; {@link #problems} says what is wrong, per field, in their language. */
public record NewsInput(String title, String body) {

    static final int TITLE_MAX = 120;
    static final int BODY_MAX = 4000;

    public NewsInput {
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.strip();
    }

    Map<String, String> problems(Messages msg) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (title.isEmpty()) {
            problems.put("title", msg.get("error.title.missing"));
        } else if (title.length() > TITLE_MAX) {
            problems.put("title", msg.get("error.title.long", TITLE_MAX));
        }
        if (body.isEmpty()) {
            problems.put("body", msg.get("error.body.missing"));
        } else if (body.length() > BODY_MAX) {
            problems.put("body", msg.get("error.body.long", BODY_MAX));
        }
        return problems;
    }
}
