package nl.samenredzaam.volunteering.internal.matching;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A volunteer as the ranking sees them.
 *
 * @param userId         account id
 * @param name           display name
 * @param skills         category keys they like to help with
 * @param availability   weekly availability ({@link Slots})
 * @param neighbourhoods where they help; empty means the whole area
 * @param hasCar         can drive people
 * @param vogStatus      VOG status
 * @param vogIssuedOn    issue date of the VOG, or {@code null}
 * @param currentLoad    requests proposed to or confirmed for them now
 */
public record Candidate(long userId, String name, Set<String> skills, int availability, Set<String> neighbourhoods,
        boolean hasCar, VogStatus vogStatus, LocalDate vogIssuedOn, int currentLoad) {
    public Candidate {
        Objects.requireNonNull(name, "name");
        skills = Set.copyOf(skills);
        neighbourhoods = neighbourhoods.stream().map(n -> n.strip().toLowerCase(Locale.ROOT)).filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        Objects.requireNonNull(vogStatus, "vogStatus");
    }
}
