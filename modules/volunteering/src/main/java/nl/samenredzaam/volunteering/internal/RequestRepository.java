package nl.samenredzaam.volunteering.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;
import nl.samenredzaam.volunteering.internal.workflow.Workflow;

/** Data access for help requests; every statement is limited to the initiative of the {@link Sql}. */
public final class RequestRepository {

    static final String COLUMNS = "select id, category, description, resident_user_id, resident_name, resident_phone, address, "
            + "neighbourhood, when_kind, preferred_date, weekday, window_start, window_end, urgency, one_to_one_vulnerable, "
            + "visibility, state, created_by_user_id, created_by_name, on_behalf, source, activity_id, activity_start, "
            + "activity_title, volunteer_user_id, volunteer_name, minutes_spent, feedback, resident_feedback, created_at, updated_at, matched_at, "
            + "done_at from volunteering_request ";
    private static final String ORDER = " order by case urgency when 'HIGH' then 0 when 'NORMAL' then 1 else 2 end, created_at, id";

    public Optional<HelpRequest> find(Sql sql, long id) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and id = :id", RequestRepository::map, "id", id);
    }

    public long insert(Sql sql, NewRequest r, State state, Long createdBy, String createdByName, Instant now) {
        long id = sql.insert("insert into volunteering_request (initiative_id, category, description, resident_user_id, "
                + "resident_name, resident_phone, address, neighbourhood, when_kind, preferred_date, weekday, window_start, "
                + "window_end, urgency, one_to_one_vulnerable, visibility, state, created_by_user_id, created_by_name, on_behalf, "
                + "source, activity_id, activity_start, activity_title, created_at, updated_at) values (:initiative, :category, "
                + ":description, :residentUser, :residentName, :phone, :address, :neighbourhood, :whenKind, :date, :weekday, "
                + ":windowStart, :windowEnd, :urgency, :vulnerable, :visibility, :state, :createdBy, :createdByName, :onBehalf, "
                + ":source, :activityId, :activityStart, :activityTitle, :now, :now)",
                "category", r.category(), "description", r.description(), "residentUser", r.residentUserId(),
                "residentName", r.residentName(), "phone", r.residentPhone(), "address", r.address(),
                "neighbourhood", r.neighbourhood(), "whenKind", r.whenKind(), "date", r.preferredDate(), "weekday", r.weekday(),
                "windowStart", r.windowStart(), "windowEnd", r.windowEnd(), "urgency", r.urgency(),
                "vulnerable", r.oneToOneVulnerable(), "visibility", r.visibility(), "state", state, "createdBy", createdBy,
                "createdByName", createdByName, "onBehalf", r.onBehalf(), "source", r.source(), "activityId", r.activityId(),
                "activityStart", r.activityStart(), "activityTitle", r.activityTitle(), "now", now);
        event(sql, id, null, state, createdBy, now);
        return id;
    }

    /** Changes what was asked (not who it is for, not its state); returns whether the row was there. */
    public boolean updateDetails(Sql sql, long id, NewRequest r, Instant now) {
        return sql.update("update volunteering_request set category = :category, description = :description, resident_phone = :phone, "
                + "address = :address, neighbourhood = :neighbourhood, when_kind = :whenKind, preferred_date = :date, weekday = :weekday, "
                + "window_start = :windowStart, window_end = :windowEnd, urgency = :urgency, one_to_one_vulnerable = :vulnerable, "
                + "visibility = :visibility, activity_id = :activityId, activity_start = :activityStart, activity_title = :activityTitle, "
                + "updated_at = :now where initiative_id = :initiative and id = :id",
                "category", r.category(), "description", r.description(), "phone", r.residentPhone(), "address", r.address(),
                "neighbourhood", r.neighbourhood(), "whenKind", r.whenKind(), "date", r.preferredDate(), "weekday", r.weekday(),
                "windowStart", r.windowStart(), "windowEnd", r.windowEnd(), "urgency", r.urgency(), "vulnerable", r.oneToOneVulnerable(),
                "visibility", r.visibility(), "activityId", r.activityId(), "activityStart", r.activityStart(),
                "activityTitle", r.activityTitle(), "now", now, "id", id) == 1;
    }

    /**
     * Moves a request from one state to another if, and only if, it is still in {@code from} (and,
     * when given, still assigned to {@code requiredVolunteer}). The conditional update is what
     * makes two volunteers accepting at once safe: the second finds no row to change.
     *
     * @param sets extra columns to set (names from code, never from input) and their values
     * @return whether this call made the change
     */
    public boolean move(Sql sql, long id, State from, State to, Map<String, Object> sets, Long requiredVolunteer, Long actor,
            Instant now) {
        Workflow.require(from, to);
        StringBuilder stmt = new StringBuilder("update volunteering_request set state = :to, updated_at = :now");
        List<Object> params = new ArrayList<>(List.of("to", to, "now", now, "id", id, "from", from));
        int i = 0;
        for (Map.Entry<String, Object> e : sets.entrySet()) {
            if (!e.getKey().matches("[a-z_]+")) {
                throw new IllegalArgumentException("column " + e.getKey());
            }
            String p = "p" + i++;
            stmt.append(", ").append(e.getKey()).append(" = :").append(p);
            params.add(p);
            params.add(e.getValue());
        }
        stmt.append(" where initiative_id = :initiative and id = :id and state = :from");
        if (requiredVolunteer != null) {
            stmt.append(" and volunteer_user_id = :requiredVolunteer");
            params.add("requiredVolunteer");
            params.add(requiredVolunteer);
        }
        boolean changed = sql.update(stmt.toString(), params.toArray()) == 1;
        if (changed) {
            event(sql, id, from, to, actor, now);
        }
        return changed;
    }

    private static void event(Sql sql, long requestId, State from, State to, Long actor, Instant now) {
        sql.insert("insert into volunteering_event (initiative_id, request_id, from_state, to_state, actor_user_id, occurred_at) "
                + "values (:initiative, :request, :from, :to, :actor, :now)",
                "request", requestId, "from", from, "to", to, "actor", actor, "now", now);
    }

    /** Every request, most urgent first; optionally only one state. */
    public List<HelpRequest> all(Sql sql, State state) {
        if (state == null) {
            return sql.list(COLUMNS + "where initiative_id = :initiative" + ORDER, RequestRepository::map);
        }
        return sql.list(COLUMNS + "where initiative_id = :initiative and state = :state" + ORDER, RequestRepository::map,
                "state", state);
    }

    /** Requests volunteers may react to: open and not coordinator-only. */
    public List<HelpRequest> openForVolunteers(Sql sql) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and state = 'OPEN' and visibility = 'VOLUNTEERS'" + ORDER,
                RequestRepository::map);
    }

    /** Requests proposed to, confirmed for or done by a volunteer (not yet closed). */
    public List<HelpRequest> assignedTo(Sql sql, long volunteerUserId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and volunteer_user_id = :user "
                + "and state in ('PROPOSED', 'CONFIRMED', 'DONE')" + ORDER, RequestRepository::map, "user", volunteerUserId);
    }

    /** The requests of one person (with an account), newest first. */
    public List<HelpRequest> ofResident(Sql sql, long residentUserId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and resident_user_id = :user order by created_at desc, id desc",
                RequestRepository::map, "user", residentUserId);
    }

    /** Requests proposed to or confirmed for each volunteer now. */
    public Map<Long, Integer> currentLoads(Sql sql) {
        Map<Long, Integer> loads = new HashMap<>();
        sql.list("select volunteer_user_id, count(*) as n from volunteering_request where initiative_id = :initiative "
                + "and state in ('PROPOSED', 'CONFIRMED') and volunteer_user_id is not null group by volunteer_user_id",
                r -> loads.put(r.getLong("volunteer_user_id"), r.getInt("n")));
        return loads;
    }

    /** Who helped this person before (confirmed, done or closed requests), by volunteer. */
    public Map<Long, Integer> helpersOf(Sql sql, HelpRequest request) {
        Map<Long, Integer> helps = new HashMap<>();
        String who = request.residentUserId() != null ? "resident_user_id = :user"
                : "resident_user_id is null and resident_name = :name";
        sql.list("select volunteer_user_id, count(*) as n from volunteering_request where initiative_id = :initiative and "
                + who + " and id <> :id and state in ('CONFIRMED', 'DONE', 'CLOSED') and volunteer_user_id is not null "
                + "group by volunteer_user_id",
                r -> helps.put(r.getLong("volunteer_user_id"), r.getInt("n")),
                "user", request.residentUserId(), "name", request.residentName(), "id", request.id());
        return helps;
    }

    /** Requests with a date in the past that still wait for a volunteer. */
    public List<HelpRequest> overdue(Sql sql, LocalDate today) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and when_kind = 'DATE' and preferred_date < :today "
                + "and state in ('SUBMITTED', 'OPEN', 'PROPOSED')", RequestRepository::map, "today", today);
    }

    /** How many requests are in each state. */
    public Map<State, Integer> countByState(Sql sql) {
        Map<State, Integer> counts = new LinkedHashMap<>();
        sql.list("select state, count(*) as n from volunteering_request where initiative_id = :initiative group by state",
                r -> counts.put(State.valueOf(r.getString("state")), r.getInt("n")));
        return counts;
    }

    /** Requests of a person who has an account, or made on their behalf by name (privacy). */
    public List<HelpRequest> aboutPerson(Sql sql, Long userId, String name) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and anonymised = false and "
                + "(resident_user_id = :user or (resident_user_id is null and resident_name = :name))",
                RequestRepository::map, "user", userId, "name", name);
    }

    public List<HelpRequest> helpedBy(Sql sql, long volunteerUserId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and volunteer_user_id = :user order by created_at",
                RequestRepository::map, "user", volunteerUserId);
    }

    /** Removes everything personal from a request; the category, dates and hours stay for the figures. */
    public int anonymise(Sql sql, long id) {
        return sql.update("update volunteering_request set description = '-', resident_user_id = null, resident_name = '-', "
                + "resident_phone = null, address = null, created_by_name = null, feedback = null, resident_feedback = null, anonymised = true "
                + "where initiative_id = :initiative and id = :id", "id", id);
    }

    /** Removes the volunteer's name from requests they helped with (their user id stays for no one: set to null). */
    public int forgetVolunteer(Sql sql, long volunteerUserId) {
        return sql.update("update volunteering_request set volunteer_name = null, volunteer_user_id = null "
                + "where initiative_id = :initiative and volunteer_user_id = :user and state in ('DONE', 'CLOSED', 'CANCELLED', 'EXPIRED')",
                "user", volunteerUserId);
    }

    /** Finished requests last changed before {@code before} that still hold personal data. */
    public List<Long> finishedBefore(Sql sql, Instant before) {
        return sql.list("select id from volunteering_request where initiative_id = :initiative and anonymised = false "
                + "and state in ('CLOSED', 'CANCELLED', 'EXPIRED', 'NO_MATCH') and updated_at < :before",
                r -> r.getLong("id"), "before", before);
    }

    static HelpRequest map(ResultSet r) throws SQLException {
        return new HelpRequest(r.getLong("id"), r.getString("category"), r.getString("description"),
                Rows.nullableLong(r, "resident_user_id"), r.getString("resident_name"), r.getString("resident_phone"),
                r.getString("address"), r.getString("neighbourhood"), WhenKind.valueOf(r.getString("when_kind")),
                Rows.date(r, "preferred_date"), Rows.nullableInt(r, "weekday"), Rows.nullableInt(r, "window_start"),
                Rows.nullableInt(r, "window_end"), Urgency.valueOf(r.getString("urgency")), r.getBoolean("one_to_one_vulnerable"),
                Visibility.valueOf(r.getString("visibility")), State.valueOf(r.getString("state")),
                Rows.nullableLong(r, "created_by_user_id"), r.getString("created_by_name"), r.getBoolean("on_behalf"),
                r.getString("source"), Rows.nullableLong(r, "activity_id"), Rows.instant(r, "activity_start"),
                r.getString("activity_title"), Rows.nullableLong(r, "volunteer_user_id"), r.getString("volunteer_name"),
                Rows.nullableInt(r, "minutes_spent"), r.getString("feedback"), r.getString("resident_feedback"), Rows.instant(r, "created_at"),
                Rows.instant(r, "updated_at"), Rows.instant(r, "matched_at"), Rows.instant(r, "done_at"));
    }
}
