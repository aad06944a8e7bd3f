package nl.samenredzaam.volunteering.internal.matching;

import java.util.List;

/**
 * The result of ranking: the suggestions, best first, and how many volunteers were left out
 * because the request needs a valid VOG they do not have.
 */
public record Ranking(List<Suggestion> suggestions, int withoutValidVog) {
    public Ranking {
        suggestions = List.copyOf(suggestions);
    }
}
