package nl.samenredzaam.instruments;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One Positieve Gezondheid measurement: a score 0–10 for every dimension, and the dimensions the
 * person wants to talk about ("hier wil ik over praten").
 *
 * @param measuredOn the date of the conversation
 * @param scores     a score 0–10 for each of the six dimensions
 * @param wantToTalk dimensions marked "hier wil ik over praten"
 */
public record PositiveHealthScores(LocalDate measuredOn, Map<PositiveHealthDimension, Integer> scores,
        Set<PositiveHealthDimension> wantToTalk) {

    public PositiveHealthScores {
        Objects.requireNonNull(measuredOn, "measuredOn");
        EnumMap<PositiveHealthDimension, Integer> copy = new EnumMap<>(PositiveHealthDimension.class);
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            Integer score = scores.get(d);
            if (score == null || score < 0 || score > 10) {
                throw new IllegalArgumentException("score for " + d + " must be 0 to 10");
            }
            copy.put(d, score);
        }
        scores = Map.copyOf(copy);
        wantToTalk = wantToTalk.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(wantToTalk));
    }

    public int score(PositiveHealthDimension dimension) {
        return scores.get(dimension);
    }
}
