package nl.samenredzaam.volunteering.internal;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.volunteering.internal.ProfileRepository.ProfileInput;
import nl.samenredzaam.volunteering.internal.matching.Slots;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/**
 * A volunteer profile as typed or sent. Availability is a list of {@code day-part} codes: day 1
 * (Monday) to 7, part 0 (morning), 1 (afternoon), 2 (evening), e.g. {@code 4-0} for Thursday
 * morning.
 */
public record ProfileForm(List<String> skills, String interests, List<String> availability, List<String> neighbourhoods,
        Boolean hasCar, String languages, Boolean active) {

    public ProfileForm {
        skills = skills == null ? List.of() : List.copyOf(skills);
        interests = interests == null ? "" : interests.strip();
        availability = availability == null ? List.of() : List.copyOf(availability);
        neighbourhoods = neighbourhoods == null ? List.of()
                : neighbourhoods.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        hasCar = Boolean.TRUE.equals(hasCar);
        languages = languages == null ? "" : languages.strip();
        active = active == null || active;
    }

    static ProfileForm of(Profile p) {
        List<String> slots = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            for (int part = 0; part < Slots.PARTS; part++) {
                if (Slots.has(p.availability(), d, part)) {
                    slots.add(d.getValue() + "-" + part);
                }
            }
        }
        return new ProfileForm(List.copyOf(p.skills()), p.interests(), slots, p.neighbourhoods(), p.hasCar(), p.languages(),
                p.active());
    }

    /** The checked input, or {@code null} with the problems filled in. */
    ProfileInput check(Messages msg, String displayName, Map<String, String> problems) {
        return check(msg, displayName, problems, Categories.ALL);
    }

    ProfileInput check(Messages msg, String displayName, Map<String, String> problems,
            List<nl.samenredzaam.volunteering.api.HelpRequestService.Category> categories) {
        Set<String> known = new LinkedHashSet<>();
        for (String s : skills) {
            if (!Categories.exists(s, categories)) {
                problems.put("skills", msg.get("error.skills"));
            } else {
                known.add(s);
            }
        }
        int mask = 0;
        for (String code : availability) {
            try {
                String[] parts = code.split("-");
                mask |= Slots.bit(DayOfWeek.of(Integer.parseInt(parts[0])), Integer.parseInt(parts[1]));
            } catch (RuntimeException e) {
                problems.put("availability", msg.get("error.availability"));
            }
        }
        if (interests.length() > 500) {
            problems.put("interests", msg.get("error.too.long", 500));
        }
        if (String.join(",", neighbourhoods).length() > 500 || neighbourhoods.stream().anyMatch(n -> n.contains(","))) {
            problems.put("neighbourhoods", msg.get("error.neighbourhoods"));
        }
        if (languages.length() > 200) {
            problems.put("languages", msg.get("error.too.long", 200));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new ProfileInput(displayName, known, interests, mask, neighbourhoods, hasCar, languages, active);
    }

    /** The VOG as a coordinator records it. */
    public record VogForm(String status, String issuedOn, String screeningProfile) {
        public VogForm {
            status = status == null ? "" : status.strip().toLowerCase(Locale.ROOT);
            issuedOn = issuedOn == null ? "" : issuedOn.strip();
            screeningProfile = screeningProfile == null || screeningProfile.isBlank() ? "45" : screeningProfile.strip();
        }

        record Checked(VogStatus status, LocalDate issuedOn, String profile) {
        }

        Checked check(Messages msg, LocalDate today, Map<String, String> problems) {
            VogStatus s = switch (status) {
                case "none" -> VogStatus.NONE;
                case "requested" -> VogStatus.REQUESTED;
                case "issued" -> VogStatus.ISSUED;
                default -> {
                    problems.put("status", msg.get("error.vog.status"));
                    yield null;
                }
            };
            LocalDate date = null;
            if (s == VogStatus.ISSUED) {
                try {
                    date = LocalDate.parse(issuedOn);
                    if (date.isAfter(today)) {
                        problems.put("issuedOn", msg.get("error.vog.future"));
                    }
                } catch (DateTimeException e) {
                    problems.put("issuedOn", msg.get("error.date"));
                }
            }
            if (!screeningProfile.matches("[0-9]{1,3}")) {
                problems.put("screeningProfile", msg.get("error.vog.profile"));
            }
            return problems.isEmpty() ? new Checked(s, date, screeningProfile) : null;
        }
    }

    static Map<String, String> problems() {
        return new LinkedHashMap<>();
    }
}
