package nl.samenredzaam.identity.platform;

import java.time.Instant;
import java.util.List;

import nl.samenredzaam.api.consent.ConsentPurpose;

/**
 * A purpose of an enabled module with the person's state.
 *
 * @param moduleId the module that asks
 * @param purpose  the purpose with its current text
 * @param state    the person's current state for the current text
 * @param since    when the latest record for this purpose was made, or {@code null}
 * @param history  every record for this purpose, newest first
 */
public record ConsentStatus(String moduleId, ConsentPurpose purpose, State state, Instant since, List<ConsentRecord> history) {

    /** The state for the current text version. */
    public enum State {
        /** Never answered. */
        NOT_ASKED,
        /** Given for the current text. */
        GIVEN,
        /** Withdrawn. */
        WITHDRAWN,
        /** Given for an older text: it no longer counts, the person is asked again. */
        OUTDATED
    }

    public ConsentStatus {
        history = List.copyOf(history);
    }

    public boolean given() {
        return state == State.GIVEN;
    }
}
