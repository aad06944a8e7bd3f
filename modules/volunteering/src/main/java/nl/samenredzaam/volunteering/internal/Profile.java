package nl.samenredzaam.volunteering.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/** A volunteer's profile in one initiative. */
public record Profile(long id, long userId, String displayName, Set<String> skills, String interests, int availability,
        List<String> neighbourhoods, boolean hasCar, String languages, VogStatus vogStatus, LocalDate vogIssuedOn,
        String vogProfile, LocalDate vogReminderSentOn, boolean active, Instant updatedAt) {

    public Profile {
        skills = Set.copyOf(skills);
        neighbourhoods = List.copyOf(neighbourhoods);
    }

    public boolean vogValid(LocalDate today) {
        return VogStatus.isValid(vogStatus, vogIssuedOn, today);
    }

    public LocalDate vogValidUntil() {
        return VogStatus.validUntil(vogStatus, vogIssuedOn);
    }
}
