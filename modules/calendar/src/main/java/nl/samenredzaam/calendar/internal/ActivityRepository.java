package nl.samenredzaam.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;

/** Data access for activities and their occurrence changes; every statement is limited to the initiative. */
public final class ActivityRepository {

    private static final String COLUMNS = "select id, title, description, category, organiser_name, organiser_user_id, "
            + "location, accessibility, wheelchair, hearing_loop, online_url, starts_at, ends_at, rrule, exceptions, "
            + "capacity, registration_required, waitlist, cost, visibility, status, sequence_no, updated_at from calendar_activity ";

    /** A cancelled or moved occurrence. */
    public record Change(long activityId, Instant key, boolean cancelled, Instant movedStart, Instant movedEnd, String note) {
    }

    public long create(Sql sql, ActivityInput.Valid v, Long organiserUserId, Instant now) {
        return sql.insert("insert into calendar_activity (initiative_id, title, description, category, organiser_name, "
                + "organiser_user_id, location, accessibility, wheelchair, hearing_loop, online_url, starts_at, ends_at, rrule, "
                + "exceptions, series_until, capacity, registration_required, waitlist, cost, visibility, status, sequence_no, "
                + "created_at, updated_at) values (:initiative, :title, :description, :category, :organiser, :organiserUser, "
                + ":location, :accessibility, :wheelchair, :hearingLoop, :onlineUrl, :start, :end, :rrule, :exceptions, :until, "
                + ":capacity, :registration, :waitlist, :cost, :visibility, :status, 0, :now, :now)",
                values(v, "organiserUser", organiserUserId, "now", now));
    }

    /** Changes an activity and bumps its iCalendar SEQUENCE. */
    public boolean update(Sql sql, long id, ActivityInput.Valid v, Instant now) {
        return sql.update("update calendar_activity set title = :title, description = :description, category = :category, "
                + "organiser_name = :organiser, location = :location, accessibility = :accessibility, wheelchair = :wheelchair, "
                + "hearing_loop = :hearingLoop, online_url = :onlineUrl, starts_at = :start, ends_at = :end, rrule = :rrule, "
                + "exceptions = :exceptions, series_until = :until, capacity = :capacity, registration_required = :registration, "
                + "waitlist = :waitlist, cost = :cost, visibility = :visibility, status = :status, "
                + "sequence_no = sequence_no + 1, updated_at = :now where initiative_id = :initiative and id = :id",
                values(v, "id", id, "now", now)) == 1;
    }

    private static Object[] values(ActivityInput.Valid v, Object... more) {
        Object[] base = {"title", v.title(), "description", v.description(), "category", v.category(), "organiser",
                v.organiser(), "location", v.location(), "accessibility", v.accessibility(), "wheelchair", v.wheelchair(),
                "hearingLoop", v.hearingLoop(), "onlineUrl", v.onlineUrl(), "start", v.start(), "end", v.end(), "rrule",
                v.rrule(), "exceptions", joinDates(v.exceptions()), "until", v.seriesUntil(), "capacity", v.capacity(),
                "registration", v.registrationRequired(), "waitlist", v.waitlist(), "cost", v.cost(), "visibility",
                v.visibility(), "status", v.status()};
        Object[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    public boolean setStatus(Sql sql, long id, Activity.Status status, Instant now) {
        return sql.update("update calendar_activity set status = :status, sequence_no = sequence_no + 1, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "status", status, "now", now, "id", id) == 1;
    }

    /** Bumps the SEQUENCE after a change to one occurrence, so calendar apps pick it up. */
    public void touch(Sql sql, long id, Instant now) {
        sql.update("update calendar_activity set sequence_no = sequence_no + 1, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "now", now, "id", id);
    }

    public boolean delete(Sql sql, long id) {
        sql.update("delete from calendar_registration where initiative_id = :initiative and activity_id = :id", "id", id);
        sql.update("delete from calendar_occurrence where initiative_id = :initiative and activity_id = :id", "id", id);
        return sql.update("delete from calendar_activity where initiative_id = :initiative and id = :id", "id", id) == 1;
    }

    public Optional<Activity> find(Sql sql, long id) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and id = :id", ActivityRepository::map, "id", id);
    }

    /**
     * Reads the activity and locks its row until the transaction ends: registrations for any of
     * its occurrences queue up behind each other, so two people cannot take the last place. Works
     * the same on H2 and PostgreSQL.
     */
    public Optional<Activity> lock(Sql sql, long id) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and id = :id for update", ActivityRepository::map, "id", id);
    }

    /**
     * The month (or week) query: served by the index {@code calendar_activity_range} (initiative_id,
     * starts_at, series_until) on H2 and PostgreSQL, see {@code MonthQueryPlanDatabaseTest}.
     */
    static final String IN_RANGE = COLUMNS + "where initiative_id = :initiative and starts_at < :to "
            + "and (series_until is null or series_until >= :from) order by starts_at, id";

    /** Activities that may have an occurrence starting in {@code [from, to)}. */
    public List<Activity> inRange(Sql sql, Instant from, Instant to) {
        return sql.list(IN_RANGE, ActivityRepository::map, "from", from, "to", to);
    }

    /** All activities, newest first (organiser's overview). */
    public List<Activity> all(Sql sql, int limit) {
        return sql.list(COLUMNS + "where initiative_id = :initiative order by updated_at desc, id desc limit :limit",
                ActivityRepository::map, "limit", limit);
    }

    public List<Activity> organisedBy(Sql sql, long userId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and organiser_user_id = :user order by id",
                ActivityRepository::map, "user", userId);
    }

    public int forgetOrganiser(Sql sql, long userId) {
        return sql.update("update calendar_activity set organiser_user_id = null, organiser_name = null "
                + "where initiative_id = :initiative and organiser_user_id = :user", "user", userId);
    }

    // ---- occurrence changes ----

    public List<Change> changes(Sql sql, Instant from, Instant to) {
        return sql.list("select activity_id, original_start, cancelled, moved_start, moved_end, note from calendar_occurrence "
                + "where initiative_id = :initiative and ((original_start >= :from and original_start < :to) "
                + "or (moved_start >= :from and moved_start < :to))", ActivityRepository::mapChange, "from", from, "to", to);
    }

    public List<Change> changes(Sql sql, long activityId) {
        return sql.list("select activity_id, original_start, cancelled, moved_start, moved_end, note from calendar_occurrence "
                + "where initiative_id = :initiative and activity_id = :id order by original_start", ActivityRepository::mapChange,
                "id", activityId);
    }

    /** Records that one occurrence is cancelled or moved (replacing an earlier change of it). */
    public void saveChange(Sql sql, Change c) {
        sql.update("delete from calendar_occurrence where initiative_id = :initiative and activity_id = :id and original_start = :key",
                "id", c.activityId(), "key", c.key());
        sql.insert("insert into calendar_occurrence (initiative_id, activity_id, original_start, cancelled, moved_start, moved_end, note) "
                + "values (:initiative, :id, :key, :cancelled, :movedStart, :movedEnd, :note)", "id", c.activityId(), "key", c.key(),
                "cancelled", c.cancelled(), "movedStart", c.movedStart(), "movedEnd", c.movedEnd(), "note", c.note());
    }

    private static Change mapChange(ResultSet r) throws SQLException {
        return new Change(r.getLong("activity_id"), Rows.instant(r, "original_start"), r.getBoolean("cancelled"),
                Rows.instant(r, "moved_start"), Rows.instant(r, "moved_end"), r.getString("note"));
    }

    static String joinDates(List<LocalDate> dates) {
        return dates.isEmpty() ? null : dates.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }

    static List<LocalDate> splitDates(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).map(LocalDate::parse).toList();
    }

    private static Activity map(ResultSet r) throws SQLException {
        return new Activity(r.getLong("id"), r.getString("title"), r.getString("description"), r.getString("category"),
                r.getString("organiser_name"), Rows.nullableLong(r, "organiser_user_id"), r.getString("location"),
                r.getString("accessibility"), r.getBoolean("wheelchair"), r.getBoolean("hearing_loop"), r.getString("online_url"),
                Rows.instant(r, "starts_at"), Rows.instant(r, "ends_at"), r.getString("rrule"), splitDates(r.getString("exceptions")),
                Rows.nullableInt(r, "capacity"), r.getBoolean("registration_required"), r.getBoolean("waitlist"),
                r.getString("cost"), Activity.Visibility.valueOf(r.getString("visibility")),
                Activity.Status.valueOf(r.getString("status")), r.getInt("sequence_no"), Rows.instant(r, "updated_at"));
    }
}
