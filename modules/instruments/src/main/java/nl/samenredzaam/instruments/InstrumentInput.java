package nl.samenredzaam.instruments;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import nl.samenredzaam.api.i18n.Text;

/**
 * Checks raw input (form fields or JSON values, as text) for the instruments. Field names are the
 * dimension and domain {@code key()}s; the field for "hier wil ik over praten" is {@value #WANT_TO_TALK}.
 * Nothing is thrown for bad input: every problem is returned, so a form can show them all at once.
 */
public final class InstrumentInput {

    /** The field name of the "hier wil ik over praten" choices. */
    public static final String WANT_TO_TALK = "wantToTalk";
    /** The field name used when no ZRM domain was scored at all. */
    public static final String ZRM_SCORES = "scores";
    /** The field name of the measurement date. */
    public static final String MEASURED_ON = "measuredOn";

    private InstrumentInput() {
    }

    /**
     * Checks a Positieve Gezondheid measurement: every dimension needs a whole number 0 to 10.
     *
     * @param measuredOn the date of the measurement; {@code null} is a problem on {@value #MEASURED_ON}
     * @param raw        dimension key to the entered text (blank or missing is a problem)
     * @param wantToTalk dimension keys marked "hier wil ik over praten"
     */
    public static Parsed<PositiveHealthScores> positiveHealth(LocalDate measuredOn, Map<String, String> raw,
            Collection<String> wantToTalk) {
        Objects.requireNonNull(raw, "raw");
        Map<String, Text> problems = new LinkedHashMap<>();
        if (measuredOn == null) {
            problems.put(MEASURED_ON, Text.of("Vul de datum van de meting in.", "Enter the date of the measurement."));
        }
        EnumMap<PositiveHealthDimension, Integer> scores = new EnumMap<>(PositiveHealthDimension.class);
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            String value = raw.get(d.key());
            Integer score = wholeNumber(value);
            if (value == null || value.isBlank()) {
                problems.put(d.key(), Text.of("Kies een cijfer van 0 tot 10 voor " + d.label().nl() + ".",
                        "Choose a score from 0 to 10 for " + d.label().en() + "."));
            } else if (score == null || score < PositiveHealthDimension.MIN || score > PositiveHealthDimension.MAX) {
                problems.put(d.key(), Text.of("Het cijfer voor " + d.label().nl() + " moet een heel getal van 0 tot 10 zijn.",
                        "The score for " + d.label().en() + " must be a whole number from 0 to 10."));
            } else {
                scores.put(d, score);
            }
        }
        Set<PositiveHealthDimension> talk = EnumSet.noneOf(PositiveHealthDimension.class);
        for (String key : wantToTalk == null ? Set.<String>of() : wantToTalk) {
            var d = PositiveHealthDimension.fromKey(key);
            if (d.isEmpty()) {
                problems.put(WANT_TO_TALK, Text.of("Kies alleen onderwerpen uit de lijst.", "Only choose topics from the list."));
            } else {
                talk.add(d.get());
            }
        }
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        return Parsed.valid(new PositiveHealthScores(measuredOn, scores, talk));
    }

    /**
     * Checks a ZRM measurement: each entered domain needs a whole number 1 to 5; blank domains are
     * not scored; at least one domain must be scored.
     *
     * @param measuredOn the date of the measurement; {@code null} is a problem on {@value #MEASURED_ON}
     * @param raw        domain key to the entered text
     */
    public static Parsed<ZrmScores> zrm(LocalDate measuredOn, Map<String, String> raw) {
        Objects.requireNonNull(raw, "raw");
        Map<String, Text> problems = new LinkedHashMap<>();
        if (measuredOn == null) {
            problems.put(MEASURED_ON, Text.of("Vul de datum van de meting in.", "Enter the date of the measurement."));
        }
        EnumMap<ZrmDomain, Integer> scores = new EnumMap<>(ZrmDomain.class);
        for (ZrmDomain d : ZrmDomain.values()) {
            String value = raw.get(d.key());
            if (value == null || value.isBlank()) {
                continue;
            }
            Integer score = wholeNumber(value);
            if (score == null || !ZrmDomain.isValidScore(score)) {
                problems.put(d.key(), Text.of("De score voor " + d.label().nl() + " moet 1, 2, 3, 4 of 5 zijn.",
                        "The score for " + d.label().en() + " must be 1, 2, 3, 4 or 5."));
            } else {
                scores.put(d, score);
            }
        }
        if (scores.isEmpty() && problems.keySet().stream().noneMatch(k -> ZrmDomain.fromKey(k).isPresent())) {
            problems.put(ZRM_SCORES, Text.of("Geef ten minste één domein een score.", "Score at least one domain."));
        }
        if (!problems.isEmpty()) {
            return Parsed.invalid(problems);
        }
        return Parsed.valid(new ZrmScores(measuredOn, scores));
    }

    private static Integer wholeNumber(String value) {
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.isEmpty() || v.length() > 3 || !v.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(v);
    }
}
