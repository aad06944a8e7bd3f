package nl.samenredzaam.instruments;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One Zelfredzaamheidsmatrix (ZRM 2017) measurement: a score 1–5 per domain. A domain that was not
 * scored (for instance "Werk &amp; opleiding" for someone long retired) is simply absent.
 *
 * @param measuredOn the date of the conversation
 * @param scores     a score 1–5 for each scored domain; at least one
 */
public record ZrmScores(LocalDate measuredOn, Map<ZrmDomain, Integer> scores) {

    public ZrmScores {
        Objects.requireNonNull(measuredOn, "measuredOn");
        Objects.requireNonNull(scores, "scores");
        EnumMap<ZrmDomain, Integer> copy = new EnumMap<>(ZrmDomain.class);
        scores.forEach((domain, score) -> {
            Objects.requireNonNull(domain, "domain");
            if (score == null || !ZrmDomain.isValidScore(score)) {
                throw new IllegalArgumentException("score for " + domain + " must be 1 to 5");
            }
            copy.put(domain, score);
        });
        if (copy.isEmpty()) {
            throw new IllegalArgumentException("score at least one domain");
        }
        scores = Map.copyOf(copy);
    }

    /** The score of a domain, empty when it was not scored. */
    public Optional<Integer> score(ZrmDomain domain) {
        return Optional.ofNullable(scores.get(domain));
    }
}
