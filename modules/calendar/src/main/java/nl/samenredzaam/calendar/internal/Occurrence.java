package nl.samenredzaam.calendar.internal;

import java.time.Instant;

/**
 * One occurrence of an activity. {@code key} is the start the series gave it (RECURRENCE-ID): it
 * identifies the occurrence even when it is moved.
 *
 * @param registered number of people with a place
 * @param waitlisted number of people on the waitlist
 */
public record Occurrence(Activity activity, Instant key, Instant start, Instant end, boolean cancelled, boolean moved,
        String note, int registered, int waitlisted) {

    /** Free places, or {@code null} when there is no limit. */
    public Integer placesLeft() {
        Integer capacity = activity.capacity();
        return capacity == null ? null : Math.max(0, capacity - registered);
    }

    public boolean full() {
        Integer left = placesLeft();
        return left != null && left == 0;
    }

    /** Cancelled on its own or because the whole activity is. */
    public boolean isCancelled() {
        return cancelled || activity.status() == Activity.Status.CANCELLED;
    }

    /** Key of the occurrence in URLs and forms: epoch seconds of {@link #key}. */
    public long ref() {
        return key.getEpochSecond();
    }
}
