package nl.samenredzaam.referral.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.instruments.InstrumentInput;
import nl.samenredzaam.instruments.Parsed;
import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;

/**
 * A Positieve Gezondheid measurement as typed in: one text per dimension (0 to 10) and the
 * dimensions marked "hier wil ik over praten". All empty means: no measurement this time. The
 * checks are the shared ones of the instruments bundle. Form and problem field names are
 * {@code <prefix>.<dimension key>}, e.g. {@code score.meedoen} or {@code closing.meedoen}.
 */
public record ScoresInput(Map<PositiveHealthDimension, String> values, Set<PositiveHealthDimension> wantToTalk) {

    public ScoresInput {
        Map<PositiveHealthDimension, String> copy = new EnumMap<>(PositiveHealthDimension.class);
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            String v = values == null ? null : values.get(d);
            copy.put(d, v == null ? "" : v.strip());
        }
        values = Map.copyOf(copy);
        wantToTalk = wantToTalk == null || wantToTalk.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(wantToTalk));
    }

    static ScoresInput empty() {
        return new ScoresInput(Map.of(), Set.of());
    }

    /** Reads {@code <prefix>.<key>} fields and the {@code <prefix>.talk} check boxes of a form. */
    static ScoresInput fromForm(WebRequest req, String prefix) {
        Map<PositiveHealthDimension, String> values = new EnumMap<>(PositiveHealthDimension.class);
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            values.put(d, req.form(field(prefix, d)).orElse(""));
        }
        Set<PositiveHealthDimension> talk = EnumSet.noneOf(PositiveHealthDimension.class);
        for (String key : req.formValues(prefix + ".talk")) {
            PositiveHealthDimension.fromKey(key).ifPresent(talk::add);
        }
        return new ScoresInput(values, talk);
    }

    /** From JSON: dimension key to score, and keys to talk about. */
    static ScoresInput fromJson(Map<String, Object> scores, java.util.List<String> talk) {
        Map<PositiveHealthDimension, String> values = new EnumMap<>(PositiveHealthDimension.class);
        if (scores != null) {
            scores.forEach((k, v) -> PositiveHealthDimension.fromKey(k).ifPresent(d -> values.put(d, v == null ? "" : v.toString())));
        }
        Set<PositiveHealthDimension> set = EnumSet.noneOf(PositiveHealthDimension.class);
        if (talk != null) {
            talk.forEach(k -> PositiveHealthDimension.fromKey(k).ifPresent(set::add));
        }
        return new ScoresInput(values, set);
    }

    static ScoresInput of(PositiveHealthScores scores) {
        Map<PositiveHealthDimension, String> values = new EnumMap<>(PositiveHealthDimension.class);
        scores.scores().forEach((d, v) -> values.put(d, Integer.toString(v)));
        return new ScoresInput(values, scores.wantToTalk());
    }

    /** The form field name of a dimension. */
    static String field(String prefix, PositiveHealthDimension d) {
        return prefix + "." + d.key();
    }

    boolean isEmpty() {
        return values.values().stream().allMatch(String::isEmpty);
    }

    public String value(PositiveHealthDimension d) {
        return values.get(d);
    }

    public boolean talk(PositiveHealthDimension d) {
        return wantToTalk.contains(d);
    }

    private Parsed<PositiveHealthScores> parse(LocalDate measuredOn) {
        Map<String, String> raw = new HashMap<>();
        values.forEach((d, v) -> raw.put(d.key(), v));
        return InstrumentInput.positiveHealth(measuredOn, raw, wantToTalk.stream().map(PositiveHealthDimension::key).toList());
    }

    /** Problems per field ({@code <prefix>.<key>}); none when the input is empty (no measurement). */
    Map<String, String> problems(Messages msg, String prefix) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (isEmpty()) {
            return problems;
        }
        parse(LocalDate.of(2000, 1, 1)).problemsIn(msg.locale()).forEach((k, v) -> problems.put(prefix + "." + k, v));
        return problems;
    }

    /** The measurement; only call when {@link #problems} is empty and the input is not empty. */
    PositiveHealthScores toScores(LocalDate measuredOn) {
        return parse(measuredOn).toOptional().orElseThrow(() -> new IllegalStateException("invalid scores"));
    }
}
