package nl.samenredzaam.calendar.internal;

import java.util.List;

/** What the templates show: plain values, already formatted and translated. */
public final class PageModels {

    private PageModels() {
    }

    /** One line in a day list. */
    public record Item(String time, String title, String href, String location, String category, String places, boolean cancelled,
            boolean full, String note) {
    }

    /** A day with its occurrences. */
    public record Day(String label, List<Item> items) {
    }

    /** A link in a row of choices (views, periods); {@code current} marks the chosen one. */
    public record Choice(String label, String href, boolean current) {
    }

    /** An occurrence on the activity page, with what the person can do. */
    public record Slot(long ref, String when, String places, boolean cancelled, boolean past, String note, String myStatus,
            boolean canRegister, boolean canUnregister, String participantsHref) {
    }

    /** A registration on "my registrations". */
    public record Mine(String title, String href, String when, String status, long activityId, long ref, boolean canUnregister) {
    }

    /** A person on the participant list. */
    public record Person(long id, String name, String phone, String email, String status, String statusLabel, boolean onBehalf,
            boolean hasPlace) {
    }

    /** An activity on the organiser's overview. */
    public record Row(long id, String title, String when, String status, String href, String editHref, String participantsHref) {
    }
}
