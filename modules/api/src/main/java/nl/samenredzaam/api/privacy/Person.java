package nl.samenredzaam.api.privacy;

import java.time.LocalDate;

/**
 * The person a privacy request is about. Modules match on the user id when the person has an
 * account, and on the other fields for records made on their behalf (by name and phone).
 * Any field but one may be {@code null}.
 */
public record Person(Long userId, String name, String email, String phone, LocalDate dateOfBirth) {
}
