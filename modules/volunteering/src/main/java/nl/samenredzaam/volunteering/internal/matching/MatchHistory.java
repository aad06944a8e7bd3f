package nl.samenredzaam.volunteering.internal.matching;

import java.util.Map;

/**
 * Who helped the person of a request before: volunteer user id to the number of earlier requests
 * of this person they did (confirmed, done or closed). Continuity of a personal relationship
 * matters more to older people than anything else the ranking weighs.
 */
public record MatchHistory(Map<Long, Integer> helpsByVolunteer) {

    public static final MatchHistory NONE = new MatchHistory(Map.of());

    public MatchHistory {
        helpsByVolunteer = Map.copyOf(helpsByVolunteer);
    }

    public int helps(long volunteerUserId) {
        Integer n = helpsByVolunteer.get(volunteerUserId);
        return n == null ? 0 : n;
    }
}
