package nl.samenredzaam.referral.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;

/**
 * A step to add to the plan. For a calendar activity, {@code activityId} and {@code activityStart}
 * name the occurrence; for volunteer help, {@code helpCategory} the category. Without those (or
 * when the other module is not enabled) the description is the step.
 */
public record StepInput(PlanStep.Kind kind, String description, Long activityId, OffsetDateTime activityStart, String activityTitle,
        String helpCategory, boolean oneToOne) {

    static final int DESCRIPTION_MAX = 500;

    public StepInput {
        description = description == null ? "" : description.strip();
        helpCategory = helpCategory == null || helpCategory.isBlank() ? null : helpCategory.strip();
    }

    /**
     * Reads the form value of a chosen calendar occurrence, {@code <activityId>@<start>} with the
     * start as an ISO offset date-time; {@code null} when blank or malformed.
     */
    static Occurrence occurrence(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int at = value.indexOf('@');
        if (at < 1) {
            return null;
        }
        try {
            return new Occurrence(Long.parseLong(value.substring(0, at)), OffsetDateTime.parse(value.substring(at + 1)));
        } catch (NumberFormatException | DateTimeParseException e) {
            return null;
        }
    }

    /** One occurrence of a calendar activity. */
    record Occurrence(long activityId, OffsetDateTime start) {
        String formValue() {
            return activityId + "@" + start;
        }
    }

    Map<String, String> problems(Messages msg) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (kind == null) {
            problems.put("kind", msg.get("error.step.kind"));
            return problems;
        }
        if (description.length() > DESCRIPTION_MAX) {
            problems.put("description", msg.get("error.tooLong", DESCRIPTION_MAX));
        } else if (description.isEmpty() && !(kind == PlanStep.Kind.ACTIVITY && activityId != null)) {
            problems.put("description", msg.get("error.step.description"));
        }
        if (activityId != null && activityStart == null) {
            problems.put("activity", msg.get("error.step.activity"));
        }
        return problems;
    }
}
