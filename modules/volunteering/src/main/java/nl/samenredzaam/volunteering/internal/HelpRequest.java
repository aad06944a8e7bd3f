package nl.samenredzaam.volunteering.internal;

import java.time.Instant;
import java.time.LocalDate;

import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;

/**
 * A help request as stored. Personal data: resident name, phone, address and the free text. Never
 * hand this record to a viewer as it is: {@link RequestView#of} hides what they may not see.
 */
public record HelpRequest(long id, String category, String description, Long residentUserId, String residentName,
        String residentPhone, String address, String neighbourhood, WhenKind whenKind, LocalDate preferredDate, Integer weekday,
        Integer windowStart, Integer windowEnd, Urgency urgency, boolean oneToOneVulnerable, Visibility visibility, State state,
        Long createdByUserId, String createdByName, boolean onBehalf, String source, Long activityId, Instant activityStart,
        String activityTitle, Long volunteerUserId, String volunteerName, Integer minutesSpent, String feedback,
        String residentFeedback, Instant createdAt, Instant updatedAt, Instant matchedAt, Instant doneAt) {

    /** When the help is needed. */
    public enum WhenKind {
        /** On a date, optionally within a time window. */
        DATE,
        /** Whenever suits. */
        FLEXIBLE,
        /** Every week on a weekday, optionally within a time window. */
        RECURRING
    }

    /** How soon. */
    public enum Urgency {
        LOW, NORMAL, HIGH
    }

    /** Who may see an unmatched request. */
    public enum Visibility {
        /** Volunteers see it (without name and address) and may react. */
        VOLUNTEERS,
        /** Only coordinators; they match it personally (for people who find it hard to ask). */
        COORDINATORS
    }

    /** Whether {@code userId} is the person the request is for or the one who made it for themselves. */
    public boolean isOwnedBy(long userId) {
        return residentUserId != null && residentUserId == userId;
    }

    public boolean isAssignedTo(long userId) {
        return volunteerUserId != null && volunteerUserId == userId;
    }
}
