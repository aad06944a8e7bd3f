package nl.samenredzaam.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.instruments.PositiveHealthDimension;
import nl.samenredzaam.instruments.PositiveHealthScores;

/** Data access for what happens after the referral: measurements, plan steps and follow-ups. */
public final class TrajectoryRepository {

    private static final String DIMENSION_COLUMNS = "lichaamsfuncties, mentaal_welbevinden, zingeving, kwaliteit_van_leven, meedoen, "
            + "dagelijks_functioneren";

    // ---- measurements

    /** Stores (or replaces) the measurement of this kind. */
    public void saveMeasurement(Sql sql, long referralId, Measurement m) {
        sql.update("delete from referral_measurement where initiative_id = :initiative and referral_id = :id and kind = :kind",
                "id", referralId, "kind", m.kind());
        PositiveHealthScores s = m.scores();
        sql.insert("insert into referral_measurement (initiative_id, referral_id, kind, measured_on, " + DIMENSION_COLUMNS
                + ", want_to_talk) values (:initiative, :id, :kind, :on, :d1, :d2, :d3, :d4, :d5, :d6, :talk)",
                "id", referralId, "kind", m.kind(), "on", s.measuredOn(),
                "d1", s.score(PositiveHealthDimension.LICHAAMSFUNCTIES), "d2", s.score(PositiveHealthDimension.MENTAAL_WELBEVINDEN),
                "d3", s.score(PositiveHealthDimension.ZINGEVING), "d4", s.score(PositiveHealthDimension.KWALITEIT_VAN_LEVEN),
                "d5", s.score(PositiveHealthDimension.MEEDOEN), "d6", s.score(PositiveHealthDimension.DAGELIJKS_FUNCTIONEREN),
                "talk", s.wantToTalk().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
    }

    public Map<Measurement.Kind, Measurement> measurements(Sql sql, long referralId) {
        Map<Measurement.Kind, Measurement> result = new EnumMap<>(Measurement.Kind.class);
        for (Measurement m : sql.list("select kind, measured_on, " + DIMENSION_COLUMNS + ", want_to_talk from referral_measurement "
                + "where initiative_id = :initiative and referral_id = :id", TrajectoryRepository::mapMeasurement, "id", referralId)) {
            result.put(m.kind(), m);
        }
        return result;
    }

    /** Every measurement of referrals created in {@code [from, to)}, keyed by referral id (monitor). */
    public Map<Long, Map<Measurement.Kind, Measurement>> measurementsOfReferralsCreatedBetween(Sql sql, Instant from, Instant to) {
        Map<Long, Map<Measurement.Kind, Measurement>> result = new java.util.HashMap<>();
        sql.list("select m.referral_id, m.kind, m.measured_on, " + prefixed("m.") + ", m.want_to_talk from referral_measurement m "
                + "join referral_referral r on r.id = m.referral_id and r.initiative_id = m.initiative_id "
                + "where m.initiative_id = :initiative and r.created_at >= :from and r.created_at < :to", row -> {
                    result.computeIfAbsent(row.getLong("referral_id"), k -> new EnumMap<>(Measurement.Kind.class))
                            .put(Measurement.Kind.valueOf(row.getString("kind")), mapMeasurement(row));
                    return null;
                }, "from", from, "to", to);
        return result;
    }

    private static String prefixed(String prefix) {
        return Arrays.stream(DIMENSION_COLUMNS.split(", ")).map(c -> prefix + c).collect(Collectors.joining(", "));
    }

    private static Measurement mapMeasurement(ResultSet r) throws SQLException {
        Map<PositiveHealthDimension, Integer> scores = new EnumMap<>(PositiveHealthDimension.class);
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            scores.put(d, r.getInt(d.name().toLowerCase(java.util.Locale.ROOT)));
        }
        String talk = r.getString("want_to_talk");
        Set<PositiveHealthDimension> wantToTalk = talk == null || talk.isEmpty() ? Set.of()
                : Arrays.stream(talk.split(",")).map(PositiveHealthDimension::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(PositiveHealthDimension.class)));
        return new Measurement(Measurement.Kind.valueOf(r.getString("kind")),
                new PositiveHealthScores(Rows.date(r, "measured_on"), scores, wantToTalk));
    }

    // ---- plan steps

    public long addStep(Sql sql, long referralId, PlanStep.Kind kind, String description, Long activityId, OffsetDateTime activityStart,
            Long registrationId, Long helpRequestId, Instant now) {
        return sql.insert("insert into referral_step (initiative_id, referral_id, kind, description, activity_id, activity_start, "
                + "calendar_registration_id, help_request_id, created_at) values (:initiative, :id, :kind, :description, :activity, "
                + ":start, :registration, :help, :now)", "id", referralId, "kind", kind, "description", description,
                "activity", activityId, "start", activityStart == null ? null : activityStart.toInstant(), "registration", registrationId,
                "help", helpRequestId, "now", now);
    }

    public List<PlanStep> steps(Sql sql, long referralId) {
        return sql.list("select id, referral_id, kind, description, activity_id, activity_start, calendar_registration_id, "
                + "help_request_id, created_at from referral_step where initiative_id = :initiative and referral_id = :id order by id",
                TrajectoryRepository::mapStep, "id", referralId);
    }

    /** Ids of referrals created in {@code [from, to)} with at least one activity in their plan (monitor). */
    public Set<Long> referralsWithActivity(Sql sql, Instant from, Instant to) {
        return Set.copyOf(sql.list("select distinct s.referral_id from referral_step s join referral_referral r "
                + "on r.id = s.referral_id and r.initiative_id = s.initiative_id where s.initiative_id = :initiative "
                + "and s.kind = 'ACTIVITY' and r.created_at >= :from and r.created_at < :to", row -> row.getLong(1), "from", from, "to", to));
    }

    private static PlanStep mapStep(ResultSet r) throws SQLException {
        Instant start = Rows.instant(r, "activity_start");
        return new PlanStep(r.getLong("id"), r.getLong("referral_id"), PlanStep.Kind.valueOf(r.getString("kind")),
                r.getString("description"), Rows.nullableLong(r, "activity_id"),
                start == null ? null : start.atOffset(ZoneOffset.UTC), Rows.nullableLong(r, "calendar_registration_id"),
                Rows.nullableLong(r, "help_request_id"), Rows.instant(r, "created_at"));
    }

    // ---- follow-ups

    public long planFollowUp(Sql sql, long referralId, FollowUp.Kind kind, LocalDate dueOn) {
        return sql.insert("insert into referral_follow_up (initiative_id, referral_id, kind, due_on) values (:initiative, :id, :kind, :due)",
                "id", referralId, "kind", kind, "due", dueOn);
    }

    public List<FollowUp> followUps(Sql sql, long referralId) {
        return sql.list("select id, referral_id, kind, due_on, done_at, note, reminded_at from referral_follow_up "
                + "where initiative_id = :initiative and referral_id = :id order by due_on, id", TrajectoryRepository::mapFollowUp,
                "id", referralId);
    }

    public Optional<FollowUp> followUp(Sql sql, long referralId, long followUpId) {
        return sql.first("select id, referral_id, kind, due_on, done_at, note, reminded_at from referral_follow_up "
                + "where initiative_id = :initiative and referral_id = :referral and id = :id", TrajectoryRepository::mapFollowUp,
                "referral", referralId, "id", followUpId);
    }

    public boolean completeFollowUp(Sql sql, long followUpId, String note, Instant now) {
        return sql.update("update referral_follow_up set done_at = :now, note = :note where initiative_id = :initiative and id = :id "
                + "and done_at is null", "now", now, "note", note, "id", followUpId) == 1;
    }

    /** Follow-ups due on or before {@code today}, not done and not yet reminded, of open referrals. */
    public List<FollowUp> dueWithoutReminder(Sql sql, LocalDate today) {
        return sql.list("select f.id, f.referral_id, f.kind, f.due_on, f.done_at, f.note, f.reminded_at from referral_follow_up f "
                + "join referral_referral r on r.id = f.referral_id and r.initiative_id = f.initiative_id "
                + "where f.initiative_id = :initiative and f.done_at is null and f.reminded_at is null and f.due_on <= :today "
                + "and r.status in ('ACCEPTED', 'IN_PROGRESS') order by f.due_on, f.id", TrajectoryRepository::mapFollowUp, "today", today);
    }

    /** Open follow-ups due on or before {@code today}, per referral id (the coach's queue). */
    public Map<Long, Long> dueCounts(Sql sql, LocalDate today) {
        Map<Long, Long> counts = new java.util.HashMap<>();
        sql.list("select referral_id, count(*) as n from referral_follow_up where initiative_id = :initiative and done_at is null "
                + "and due_on <= :today group by referral_id", r -> counts.put(r.getLong("referral_id"), r.getLong("n")), "today", today);
        return counts;
    }

    public void markReminded(Sql sql, long followUpId, Instant now) {
        sql.update("update referral_follow_up set reminded_at = :now where initiative_id = :initiative and id = :id", "now", now,
                "id", followUpId);
    }

    private static FollowUp mapFollowUp(ResultSet r) throws SQLException {
        return new FollowUp(r.getLong("id"), r.getLong("referral_id"), FollowUp.Kind.valueOf(r.getString("kind")),
                Rows.date(r, "due_on"), Rows.instant(r, "done_at"), r.getString("note"), Rows.instant(r, "reminded_at"));
    }
}
