package nl.samenredzaam.volunteering.api;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A request for help made by another module on behalf of a person.
 *
 * @param category      category key, e.g. {@code vervoer}, {@code gezelschap}
 * @param description   what is needed, in plain words (personal data: never logged)
 * @param personUserId  the person's account, or {@code null}
 * @param personName    the person's name
 * @param personPhone   phone, or {@code null}
 * @param address       address (shown to the volunteer only after matching), or {@code null}
 * @param neighbourhood neighbourhood shown in lists, or {@code null}
 * @param preferredDate wanted date, or {@code null} when flexible
 * @param oneToOneVulnerable one-to-one contact with a vulnerable person: only volunteers with a valid VOG
 * @param source        the asking module and record, e.g. {@code referral:42}
 */
public record HelpRequestDraft(String category, String description, Long personUserId, String personName, String personPhone,
        String address, String neighbourhood, LocalDate preferredDate, boolean oneToOneVulnerable, String source) {
    public HelpRequestDraft {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(personName, "personName");
        Objects.requireNonNull(source, "source");
    }
}
