package nl.samenredzaam.calendar.api;

import java.time.OffsetDateTime;

/**
 * One occurrence of an activity.
 *
 * @param activityId     the activity (a series has one id for all occurrences)
 * @param title          title
 * @param category       category key, e.g. {@code bewegen}
 * @param start          start of this occurrence (Europe/Amsterdam offset)
 * @param end            end of this occurrence
 * @param location       where, or {@code null}
 * @param placesLeft     free places, or {@code null} when there is no limit
 * @param path           page path within the initiative, e.g. {@code /calendar/activities/12}
 */
public record UpcomingActivity(long activityId, String title, String category, OffsetDateTime start, OffsetDateTime end,
        String location, Integer placesLeft, String path) {
}
