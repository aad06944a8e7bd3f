package nl.samenredzaam.volunteering.internal.matching;

import java.util.Locale;
import java.util.Objects;

/**
 * What the ranking needs to know about a request.
 *
 * @param category      category key
 * @param slots         the parts of the week it is about ({@link Slots}); 0 when flexible
 * @param neighbourhood where, or {@code null}
 * @param needsVog      one-to-one with a vulnerable person: only volunteers with a valid VOG
 * @param needsCar      transport: a car counts
 */
public record MatchRequest(String category, int slots, String neighbourhood, boolean needsVog, boolean needsCar) {
    public MatchRequest {
        Objects.requireNonNull(category, "category");
        neighbourhood = neighbourhood == null || neighbourhood.isBlank() ? null : neighbourhood.strip().toLowerCase(Locale.ROOT);
    }
}
