package nl.samenredzaam.web.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import nl.samenredzaam.api.web.ProblemException;

/**
 * What a form shows: the values as sent (so nothing typed is lost) and an error per field, in the
 * page language. Used when a form comes back with mistakes.
 */
public final class Form {

    private final Map<String, String> values = new HashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private String general;

    static Form empty() {
        return new Form();
    }

    Form value(String field, String value) {
        if (value != null) {
            values.put(field, value);
        }
        return this;
    }

    Form error(String field, String message) {
        errors.put(field, message);
        return this;
    }

    Form general(String message) {
        general = message;
        return this;
    }

    /** Takes the field errors of a problem (or its detail when it names no field). */
    Form from(ProblemException problem, Locale locale) {
        if (problem.fieldErrors().isEmpty()) {
            general = Bilingual.pick(problem.detail(), locale);
        }
        problem.fieldErrors().forEach((field, message) -> errors.put(field, Bilingual.pick(message, locale)));
        return this;
    }

    public String get(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    /** For {@code aria-invalid}: {@code "true"} or {@code null} (no attribute). */
    public String invalid(String field) {
        return errors.containsKey(field) ? "true" : null;
    }

    /** For {@code aria-describedby}: the error's element id, or {@code null}. */
    public String describedBy(String field) {
        return errors.containsKey(field) ? field + "-error" : null;
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || general != null;
    }

    public Map<String, String> errors() {
        return errors;
    }

    public String general() {
        return general;
    }
}
