package nl.samenredzaam.volunteering.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;

/** A checked request, ready to be stored. */
public record NewRequest(String category, String description, Long residentUserId, String residentName, String residentPhone,
        String address, String neighbourhood, WhenKind whenKind, LocalDate preferredDate, Integer weekday, Integer windowStart,
        Integer windowEnd, Urgency urgency, boolean oneToOneVulnerable, Visibility visibility, boolean onBehalf, String source,
        Long activityId, Instant activityStart, String activityTitle) {
    public NewRequest {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(residentName, "residentName");
        Objects.requireNonNull(whenKind, "whenKind");
        Objects.requireNonNull(urgency, "urgency");
        Objects.requireNonNull(visibility, "visibility");
    }

    /** The same request with contact details. */
    public NewRequest withContact(String phone, String address, String neighbourhood) {
        return new NewRequest(category, description, residentUserId, residentName, phone, address, neighbourhood, whenKind,
                preferredDate, weekday, windowStart, windowEnd, urgency, oneToOneVulnerable, visibility, onBehalf, source, activityId,
                activityStart, activityTitle);
    }

    /** The same request with another urgency. */
    public NewRequest withUrgency(Urgency newUrgency) {
        return new NewRequest(category, description, residentUserId, residentName, residentPhone, address, neighbourhood, whenKind,
                preferredDate, weekday, windowStart, windowEnd, newUrgency, oneToOneVulnerable, visibility, onBehalf, source, activityId,
                activityStart, activityTitle);
    }
}
