package nl.samenredzaam.volunteering.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.volunteering.internal.matching.Candidate;
import nl.samenredzaam.volunteering.internal.matching.MatchHistory;
import nl.samenredzaam.volunteering.internal.matching.MatchRequest;
import nl.samenredzaam.volunteering.internal.matching.Matcher;
import nl.samenredzaam.volunteering.internal.matching.Ranking;
import nl.samenredzaam.volunteering.internal.matching.Slots;

/** Loads what the ranking needs in three queries (profiles, loads, history), then ranks in memory. */
public final class Matching {

    private final RequestRepository requests;
    private final ProfileRepository profiles;

    public Matching(RequestRepository requests, ProfileRepository profiles) {
        this.requests = requests;
        this.profiles = profiles;
    }

    public Ranking suggest(Sql sql, HelpRequest request, LocalDate today, int limit) {
        Map<Long, Integer> loads = requests.currentLoads(sql);
        List<Candidate> candidates = new ArrayList<>();
        for (Profile p : profiles.active(sql)) {
            if (Objects.equals(p.userId(), request.residentUserId())) {
                continue;
            }
            int load = loads.getOrDefault(p.userId(), 0);
            if (request.isAssignedTo(p.userId()) && load > 0) {
                load--; // this request itself does not count against them
            }
            candidates.add(new Candidate(p.userId(), p.displayName(), p.skills(), p.availability(),
                    new java.util.HashSet<>(p.neighbourhoods()), p.hasCar(), p.vogStatus(), p.vogIssuedOn(), load));
        }
        MatchHistory history = new MatchHistory(requests.helpersOf(sql, request));
        return Matcher.rank(toMatchRequest(request), candidates, history, today, Math.max(1, limit));
    }

    static MatchRequest toMatchRequest(HelpRequest r) {
        return new MatchRequest(r.category(), slots(r), r.neighbourhood(), r.oneToOneVulnerable(),
                Categories.TRANSPORT.equals(r.category()));
    }

    static int slots(HelpRequest r) {
        return switch (r.whenKind()) {
            case DATE -> r.preferredDate() == null ? 0 : Slots.of(r.preferredDate().getDayOfWeek(), r.windowStart(), r.windowEnd());
            case RECURRING -> r.weekday() == null ? 0 : Slots.of(DayOfWeek.of(r.weekday()), r.windowStart(), r.windowEnd());
            case FLEXIBLE -> 0;
        };
    }
}
