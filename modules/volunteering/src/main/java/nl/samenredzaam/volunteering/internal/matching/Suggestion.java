package nl.samenredzaam.volunteering.internal.matching;

import java.util.List;

/** One ranked volunteer for a request, with the reasons for their place. */
public record Suggestion(Candidate candidate, int score, List<Reason> reasons) {
    public Suggestion {
        reasons = List.copyOf(reasons);
    }
}
