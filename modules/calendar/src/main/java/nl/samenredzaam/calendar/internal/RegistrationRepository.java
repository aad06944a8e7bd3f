package nl.samenredzaam.calendar.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.calendar.api.Registration.Status;

/** Data access for registrations; every statement is limited to the initiative. */
public final class RegistrationRepository {

    private static final String COLUMNS = "select id, activity_id, occurrence_start, user_id, name, phone, email, registered_by, "
            + "status, created_at from calendar_registration ";
    static final String HOLDS_PLACE = "('REGISTERED', 'PRESENT', 'ABSENT')";

    /** Places taken and waitlist length of one occurrence. */
    public record Counts(int registered, int waitlisted) {
        static final Counts NONE = new Counts(0, 0);
    }

    /** Key of an occurrence in the counts map. */
    public record Key(long activityId, Instant start) {
    }

    public long insert(Sql sql, long activityId, Instant start, Long userId, String name, String phone, String email,
            Long registeredBy, Status status, Instant now) {
        return sql.insert("insert into calendar_registration (initiative_id, activity_id, occurrence_start, user_id, name, phone, "
                + "email, registered_by, status, created_at, updated_at) values (:initiative, :activity, :start, :user, :name, "
                + ":phone, :email, :by, :status, :now, :now)", "activity", activityId, "start", start, "user", userId,
                "name", name, "phone", phone, "email", email, "by", registeredBy, "status", status, "now", now);
    }

    public Optional<RegistrationRow> find(Sql sql, long id) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and id = :id", RegistrationRepository::map, "id", id);
    }

    /** Everyone for one occurrence: places first, then the waitlist in order of arrival. */
    public List<RegistrationRow> forOccurrence(Sql sql, long activityId, Instant start) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and activity_id = :activity and occurrence_start = :start "
                + "order by case when status = 'WAITLISTED' then 1 when status = 'CANCELLED' then 2 else 0 end, created_at, id",
                RegistrationRepository::map, "activity", activityId, "start", start);
    }

    public int placesTaken(Sql sql, long activityId, Instant start) {
        return sql.first("select count(*) from calendar_registration where initiative_id = :initiative and activity_id = :activity "
                + "and occurrence_start = :start and status in " + HOLDS_PLACE, r -> r.getInt(1),
                "activity", activityId, "start", start).orElse(0);
    }

    /** The first person on the waitlist. */
    public Optional<RegistrationRow> nextWaiting(Sql sql, long activityId, Instant start) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and activity_id = :activity and occurrence_start = :start "
                + "and status = 'WAITLISTED' order by created_at, id", RegistrationRepository::map, "activity", activityId,
                "start", start);
    }

    /** An active registration of this account, or of this name and phone, for the occurrence. */
    public Optional<RegistrationRow> active(Sql sql, long activityId, Instant start, Long userId, String name, String phone) {
        if (userId != null) {
            return sql.first(COLUMNS + "where initiative_id = :initiative and activity_id = :activity and occurrence_start = :start "
                    + "and user_id = :user and status in ('REGISTERED', 'WAITLISTED', 'PRESENT', 'ABSENT')",
                    RegistrationRepository::map, "activity", activityId, "start", start, "user", userId);
        }
        return sql.first(COLUMNS + "where initiative_id = :initiative and activity_id = :activity and occurrence_start = :start "
                + "and user_id is null and lower(name) = lower(:name) and coalesce(phone, '') = :phone "
                + "and status in ('REGISTERED', 'WAITLISTED', 'PRESENT', 'ABSENT')", RegistrationRepository::map,
                "activity", activityId, "start", start, "name", name, "phone", phone == null ? "" : phone);
    }

    public void setStatus(Sql sql, long id, Status status, Instant now) {
        sql.update("update calendar_registration set status = :status, updated_at = :now where initiative_id = :initiative and id = :id",
                "status", status, "now", now, "id", id);
    }

    /** Registrations of an account from {@code from} on (or all, with {@code null}), by occurrence. */
    public List<RegistrationRow> byUser(Sql sql, long userId, Instant from) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and user_id = :user and occurrence_start >= :from "
                + "order by occurrence_start, id", RegistrationRepository::map, "user", userId,
                "from", from == null ? Instant.EPOCH : from);
    }

    /** Registrations made on someone's behalf, matched on name and (when given) phone. */
    public List<RegistrationRow> byNameAndPhone(Sql sql, String name, String phone) {
        if (phone == null) {
            return sql.list(COLUMNS + "where initiative_id = :initiative and user_id is null and lower(name) = lower(:name) "
                    + "order by occurrence_start, id", RegistrationRepository::map, "name", name);
        }
        return sql.list(COLUMNS + "where initiative_id = :initiative and user_id is null and lower(name) = lower(:name) "
                + "and phone = :phone order by occurrence_start, id", RegistrationRepository::map, "name", name, "phone", phone);
    }

    /** Active registrations of one person for the occurrences of an activity from {@code from} on. */
    public List<RegistrationRow> activeForActivity(Sql sql, long activityId, long userId, Instant from) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and activity_id = :activity and user_id = :user "
                + "and occurrence_start >= :from and status in ('REGISTERED', 'WAITLISTED') order by occurrence_start",
                RegistrationRepository::map, "activity", activityId, "user", userId, "from", from);
    }

    /** Places and waitlists per occurrence for occurrences keyed in {@code [from, to)}. */
    public Map<Key, Counts> counts(Sql sql, Instant from, Instant to) {
        Map<Key, Counts> result = new HashMap<>();
        sql.list("select activity_id, occurrence_start, "
                + "sum(case when status in " + HOLDS_PLACE + " then 1 else 0 end) as places, "
                + "sum(case when status = 'WAITLISTED' then 1 else 0 end) as waiting "
                + "from calendar_registration where initiative_id = :initiative and occurrence_start >= :from "
                + "and occurrence_start < :to and status <> 'CANCELLED' group by activity_id, occurrence_start", r -> {
                    result.put(new Key(r.getLong("activity_id"), Rows.instant(r, "occurrence_start")),
                            new Counts(r.getInt("places"), r.getInt("waiting")));
                    return null;
                }, "from", from, "to", to);
        return result;
    }

    /** Deletes a registration outright (privacy erasure of a future registration). */
    public void delete(Sql sql, long id) {
        sql.update("delete from calendar_registration where initiative_id = :initiative and id = :id", "id", id);
    }

    /** Keeps the registration for the figures but removes who it was. */
    public void anonymise(Sql sql, long id) {
        sql.update("update calendar_registration set user_id = null, name = '-', phone = null, email = null, registered_by = null "
                + "where initiative_id = :initiative and id = :id", "id", id);
    }

    /** Retention: anonymises registrations of occurrences before {@code before}; returns how many. */
    public int anonymiseBefore(Sql sql, Instant before) {
        return sql.update("update calendar_registration set user_id = null, name = '-', phone = null, email = null, "
                + "registered_by = null where initiative_id = :initiative and occurrence_start < :before and name <> '-'",
                "before", before);
    }

    private static RegistrationRow map(ResultSet r) throws SQLException {
        return new RegistrationRow(r.getLong("id"), r.getLong("activity_id"), Rows.instant(r, "occurrence_start"),
                Rows.nullableLong(r, "user_id"), r.getString("name"), r.getString("phone"), r.getString("email"),
                Rows.nullableLong(r, "registered_by"), Status.valueOf(r.getString("status")), Rows.instant(r, "created_at"));
    }
}
