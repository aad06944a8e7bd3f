package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;

/** Checks the conversation form; every text is optional (a conversation is recorded step by step). */
final class ConversationInput {

    static final int TEXT_MAX = 4000;

    private ConversationInput() {
    }

    /** @param values field name ({@code heldOn}, {@code present} and {@link Conversation#FIELDS}) to entered text */
    static Checked<Conversation> check(long fileId, Map<String, String> values, LocalDate melding, LocalDate today, Messages msg,
            Instant now) {
        Checked.Collector c = new Checked.Collector(msg);
        LocalDate held = c.date("heldOn", values.get("heldOn"), false, melding, today);
        String present = c.text("present", values.get("present"), 500);
        String[] t = new String[Conversation.FIELDS.size()];
        for (int i = 0; i < t.length; i++) {
            String f = Conversation.FIELDS.get(i);
            t[i] = c.text(f, values.get(f), TEXT_MAX);
        }
        return c.result(new Conversation(fileId, held, present, t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7], now));
    }
}
