package nl.samenredzaam.calendar.api;

import java.util.Objects;

/**
 * Who takes part: a person with an account, or someone registered on their behalf by name and
 * phone (no account needed).
 *
 * @param userId account id, or {@code null}
 * @param name   name shown on the participant list
 * @param phone  phone number for the organiser, or {@code null}
 */
public record Participant(Long userId, String name, String phone) {
    public Participant {
        Objects.requireNonNull(name, "name");
    }
}
