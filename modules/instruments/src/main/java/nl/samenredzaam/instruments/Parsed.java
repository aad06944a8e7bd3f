package nl.samenredzaam.instruments;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Text;

/**
 * The result of checking input from a form or a JSON body: the value when everything is right,
 * otherwise the problems per field (key = the field name, text in Dutch and English), so a form can
 * show every problem next to its field and an API can name the fields in its 400 answer.
 *
 * @param value    the checked value, or {@code null} when there are problems
 * @param problems field to problem; empty when the input is valid
 * @param <T>      the type of the value
 */
public record Parsed<T>(T value, Map<String, Text> problems) {

    public Parsed {
        problems = Map.copyOf(new LinkedHashMap<>(problems));
        if (problems.isEmpty() == (value == null)) {
            throw new IllegalArgumentException("either a value or problems");
        }
    }

    public static <T> Parsed<T> valid(T value) {
        return new Parsed<>(value, Map.of());
    }

    public static <T> Parsed<T> invalid(Map<String, Text> problems) {
        return new Parsed<>(null, problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    public Optional<T> toOptional() {
        return Optional.ofNullable(value);
    }

    /** The problems in one language, e.g. for a {@code ProblemException}. */
    public Map<String, String> problemsIn(java.util.Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach((field, text) -> out.put(field, text.in(locale)));
        return out;
    }
}
