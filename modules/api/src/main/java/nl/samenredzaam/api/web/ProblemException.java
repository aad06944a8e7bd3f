package nl.samenredzaam.api.web;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error the caller should see, turned by the platform into an RFC 9457
 * {@code application/problem+json} body (API routes) or an error page (page routes). The detail
 * must be safe to show: never an exception message from a library, never personal data.
 */
public class ProblemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final Map<String, String> fieldErrors;

    public ProblemException(int status, String detail) {
        this(status, detail, Map.of());
    }

    /**
     * @param status      HTTP status, 4xx or 5xx
     * @param detail      a sentence for the caller
     * @param fieldErrors field name to the problem with it, in the caller's language when known
     */
    public ProblemException(int status, String detail, Map<String, String> fieldErrors) {
        super(detail, null, false, false);
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        this.status = status;
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    /** Problems per input field, in the order they were found; empty when the problem is not about a field. */
    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public static ProblemException notFound() {
        return new ProblemException(404, "Not found");
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, detail);
    }

    /** A 400 about one field, e.g. {@code invalidField("start", "must be before end")}. */
    public static ProblemException invalidField(String field, String problem) {
        return new ProblemException(400, "Invalid field: " + field, Map.of(field, problem));
    }

    /** A 400 listing every invalid field at once, so a form can show them all. */
    public static ProblemException invalidFields(Map<String, String> problems) {
        return new ProblemException(400, "Invalid fields: " + String.join(", ", problems.keySet()), problems);
    }

    public static ProblemException forbidden() {
        return new ProblemException(403, "You may not do this");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, detail);
    }
}
