package nl.samenredzaam.wmointake.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.ProblemException;

/**
 * Checked input: the value, or the problems per field in the person's language.
 *
 * @param value    the value, or {@code null} when there are problems
 * @param problems field to problem
 */
public record Checked<T>(T value, Map<String, String> problems) {

    public Checked {
        problems = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The value, or a 400 problem naming every invalid field (for the API). */
    public T orThrow() {
        if (!ok()) {
            throw ProblemException.invalidFields(problems);
        }
        return value;
    }

    /** A helper that collects problems while fields are read. */
    static final class Collector {
        final Map<String, String> problems = new LinkedHashMap<>();
        private final Messages msg;

        Collector(Messages msg) {
            this.msg = msg;
        }

        void add(String field, String key, Object... args) {
            problems.putIfAbsent(field, msg.get(key, args));
        }

        /** Optional text, stripped, {@code null} when blank; a problem when longer than max. */
        String text(String field, String value, int max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            String v = value.strip();
            if (v.length() > max) {
                add(field, "error.tooLong", max);
            }
            return v;
        }

        String required(String field, String value, int max, String missingKey) {
            String v = text(field, value, max);
            if (v == null) {
                add(field, missingKey);
            }
            return v;
        }

        /** A date yyyy-mm-dd, not after {@code latest}, not before {@code earliest} (either may be null). */
        LocalDate date(String field, String value, boolean required, LocalDate earliest, LocalDate latest) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(field, "error.date.missing");
                }
                return null;
            }
            LocalDate d;
            try {
                d = LocalDate.parse(value.strip());
            } catch (DateTimeParseException e) {
                add(field, "error.date.format");
                return null;
            }
            if (latest != null && d.isAfter(latest)) {
                add(field, "error.date.future");
            } else if (earliest != null && d.isBefore(earliest)) {
                add(field, "error.date.early", earliest);
            }
            return d;
        }

        Long id(String field, String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                long id = Long.parseLong(value.strip());
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            add(field, "error.member.unknown");
            return null;
        }

        <E extends Enum<E>> E choice(String field, Class<E> type, String value, boolean required) {
            if (value == null || value.isBlank()) {
                if (required) {
                    add(field, "error.choice.missing");
                }
                return null;
            }
            E e = Choices.parse(type, value);
            if (e == null) {
                add(field, "error.choice.unknown");
            }
            return e;
        }

        static boolean bool(String value) {
            return value != null && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("on") || value.equals("1")
                    || value.equalsIgnoreCase("ja"));
        }

        <T> Checked<T> result(T value) {
            return problems.isEmpty() ? new Checked<>(value, Map.of()) : new Checked<>(null, problems);
        }
    }
}
