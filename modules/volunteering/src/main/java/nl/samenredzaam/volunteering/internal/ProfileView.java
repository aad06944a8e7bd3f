package nl.samenredzaam.volunteering.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A profile for the API and pages, with the VOG state worked out for today. */
public record ProfileView(long userId, String displayName, List<String> skills, String interests, List<String> availability,
        List<String> neighbourhoods, boolean hasCar, String languages, boolean active, String vogStatus, LocalDate vogIssuedOn,
        LocalDate vogValidUntil, boolean vogValid, String vogProfile, int currentLoad) {

    static ProfileView of(Profile p, LocalDate today, int load) {
        ProfileForm f = ProfileForm.of(p);
        String vog = p.vogStatus().name().toLowerCase(Locale.ROOT);
        if (p.vogStatus() == nl.samenredzaam.volunteering.internal.matching.VogStatus.ISSUED && !p.vogValid(today)) {
            vog = "expired";
        }
        return new ProfileView(p.userId(), p.displayName(), List.copyOf(p.skills()), p.interests(), f.availability(),
                p.neighbourhoods(), p.hasCar(), p.languages(), p.active(), vog, p.vogIssuedOn(), p.vogValidUntil(),
                p.vogValid(today), p.vogProfile(), load);
    }
}
