package nl.samenredzaam.referral.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;

/** Data access for referrals; every statement is limited to the initiative of the {@link Sql}. */
public final class ReferralRepository {

    static final String REASON_SEPARATOR = "|";

    private static final String COLUMNS = "select id, status, source, patient_name, patient_birth_date, patient_phone, reasons, note, "
            + "urgency, consent_contact, consent_feedback, referrer_user_id, referrer_name, referrer_org, referrer_type, "
            + "referrer_email, external_id, coach_user_id, coach_name, question_behind, goals, share_plan, share_scores, "
            + "share_outcome, outcome, created_at, first_contact_at, intake_at, closed_at, updated_at from referral_referral ";

    /** What a new referral is made of, after validation. */
    public record NewReferral(String source, String patientName, LocalDate patientBirthDate, String patientPhone,
            List<String> reasons, String note, Urgency urgency, boolean consentContact, boolean consentFeedback,
            Long referrerUserId, String referrerName, String referrerOrg, ReferrerType referrerType, String referrerEmail,
            String externalId) {
    }

    public long create(Sql sql, NewReferral r, ReferralStatus status, Instant now) {
        return sql.insert("insert into referral_referral (initiative_id, status, source, patient_name, patient_birth_date, "
                + "patient_phone, reasons, note, urgency, consent_contact, consent_feedback, referrer_user_id, referrer_name, "
                + "referrer_org, referrer_type, referrer_email, external_id, created_at, updated_at) values (:initiative, :status, "
                + ":source, :name, :born, :phone, :reasons, :note, :urgency, :consentContact, :consentFeedback, :referrer, "
                + ":referrerName, :org, :type, :email, :external, :now, :now)",
                "status", status, "source", r.source(), "name", r.patientName(), "born", r.patientBirthDate(),
                "phone", r.patientPhone(), "reasons", String.join(REASON_SEPARATOR, r.reasons()), "note", emptyToNull(r.note()),
                "urgency", r.urgency(), "consentContact", r.consentContact(), "consentFeedback", r.consentFeedback(),
                "referrer", r.referrerUserId(), "referrerName", r.referrerName(), "org", emptyToNull(r.referrerOrg()),
                "type", r.referrerType(), "email", r.referrerEmail(), "external", r.externalId(), "now", now);
    }

    public Optional<Referral> find(Sql sql, long id) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and id = :id", ReferralRepository::map, "id", id);
    }

    /** Notes the practice link a referral came through. */
    public void fromPracticeLink(Sql sql, long id, long linkId) {
        sql.update("update referral_referral set practice_link_id = :link where initiative_id = :initiative and id = :id",
                "link", linkId, "id", id);
    }

    /** A referral received earlier with this external identifier (FHIR import). */
    public Optional<Referral> findByExternalId(Sql sql, String externalId) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and external_id = :external", ReferralRepository::map,
                "external", externalId);
    }

    /** Open referrals (the coach's queue), oldest first; for one coach plus the unassigned ones when {@code coach} is set. */
    public List<Referral> open(Sql sql, Long coach) {
        String filter = coach == null ? "" : "and (coach_user_id is null or coach_user_id = :coach) ";
        return sql.list(COLUMNS + "where initiative_id = :initiative and status in ('NEW', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD') "
                + filter + "order by created_at, id", ReferralRepository::map, "coach", coach);
    }

    /** Closed and stopped referrals, newest first. */
    public List<Referral> finished(Sql sql, Long coach, int limit) {
        String filter = coach == null ? "" : "and coach_user_id = :coach ";
        return sql.list(COLUMNS + "where initiative_id = :initiative and status not in ('NEW', 'ACCEPTED', 'IN_PROGRESS', 'ON_HOLD') "
                + filter + "order by updated_at desc, id desc limit :limit", ReferralRepository::map, "coach", coach, "limit", limit);
    }

    /** Referrals made by one referrer, newest first. */
    public List<Referral> byReferrer(Sql sql, long referrerUserId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and referrer_user_id = :user order by created_at desc, id desc",
                ReferralRepository::map, "user", referrerUserId);
    }

    /** Referrals created in {@code [from, to)}, for the monitor. */
    public List<Referral> createdBetween(Sql sql, Instant from, Instant to) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and created_at >= :from and created_at < :to order by id",
                ReferralRepository::map, "from", from, "to", to);
    }

    /** Referrals about a person, matched on name and date of birth or phone (privacy requests). */
    public List<Referral> aboutPerson(Sql sql, String name, LocalDate born, String phone) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and lower(patient_name) = lower(:name) "
                + "and (patient_birth_date = :born or patient_phone = :phone) order by id",
                ReferralRepository::map, "name", name, "born", born, "phone", phone);
    }

    public boolean assign(Sql sql, long id, Long coachUserId, String coachName, Instant now) {
        return sql.update("update referral_referral set coach_user_id = :coach, coach_name = :coachName, updated_at = :now, "
                + "status = case when status = 'NEW' then 'ACCEPTED' else status end "
                + "where initiative_id = :initiative and id = :id", "coach", coachUserId, "coachName", coachName, "now", now, "id", id) == 1;
    }

    public boolean setStatus(Sql sql, long id, ReferralStatus status, Instant now) {
        String closedAt = status.isOpen() ? "null" : ":now";
        return sql.update("update referral_referral set status = :status, updated_at = :now, closed_at = " + closedAt
                + " where initiative_id = :initiative and id = :id", "status", status, "now", now, "id", id) == 1;
    }

    /** Records the first contact (only the first one counts for the monitor). */
    public boolean firstContact(Sql sql, long id, Instant at, Instant now) {
        return sql.update("update referral_referral set first_contact_at = coalesce(first_contact_at, :at), status = 'IN_PROGRESS', "
                + "updated_at = :now where initiative_id = :initiative and id = :id", "at", at, "now", now, "id", id) == 1;
    }

    public boolean intake(Sql sql, long id, String questionBehind, String goals, boolean sharePlan, boolean shareScores,
            boolean shareOutcome, Instant now) {
        return sql.update("update referral_referral set question_behind = :q, goals = :goals, share_plan = :plan, "
                + "share_scores = :scores, share_outcome = :outcome, intake_at = coalesce(intake_at, :now), "
                + "first_contact_at = coalesce(first_contact_at, :now), "
                + "status = case when status in ('NEW', 'ACCEPTED') then 'IN_PROGRESS' else status end, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "q", questionBehind, "goals", goals, "plan", sharePlan,
                "scores", shareScores, "outcome", shareOutcome, "now", now, "id", id) == 1;
    }

    public boolean close(Sql sql, long id, String outcome, Instant now) {
        return sql.update("update referral_referral set outcome = :outcome, status = 'CLOSED', closed_at = :now, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "outcome", outcome, "now", now, "id", id) == 1;
    }

    /** Open referrals without first contact whose overdue reminder has not been sent. */
    public List<Referral> waitingForContact(Sql sql) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and status in ('NEW', 'ACCEPTED') and first_contact_at is null "
                + "and overdue_reminded_at is null order by created_at", ReferralRepository::map);
    }

    public void markOverdueReminded(Sql sql, long id, Instant now) {
        sql.update("update referral_referral set overdue_reminded_at = :now where initiative_id = :initiative and id = :id",
                "now", now, "id", id);
    }

    /** Removes the personal data of a referral, keeping the anonymous facts the monitor counts. */
    public int anonymise(Sql sql, long id, Instant now) {
        sql.update("update referral_step set description = '-', calendar_registration_id = null, help_request_id = null "
                + "where initiative_id = :initiative and referral_id = :id", "id", id);
        sql.update("update referral_follow_up set note = null where initiative_id = :initiative and referral_id = :id", "id", id);
        return sql.update("update referral_referral set patient_name = '-', patient_birth_date = null, patient_phone = null, "
                + "note = null, question_behind = null, goals = null, outcome = null, external_id = null, referrer_email = null, "
                + "updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "now", now, "id", id);
    }

    /** Takes a referrer's name, e-mail and account off their referrals. */
    public int forgetReferrer(Sql sql, long userId, Instant now) {
        return sql.update("update referral_referral set referrer_user_id = null, referrer_name = '-', referrer_email = null, "
                + "updated_at = :now where initiative_id = :initiative and referrer_user_id = :user", "user", userId, "now", now);
    }

    /** Takes a coach's name and account off the referrals they handled. */
    public int forgetCoach(Sql sql, long userId, Instant now) {
        return sql.update("update referral_referral set coach_user_id = null, coach_name = '-', updated_at = :now "
                + "where initiative_id = :initiative and coach_user_id = :user", "user", userId, "now", now);
    }

    /** Referrals handled by a coach. */
    public List<Referral> byCoach(Sql sql, long userId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and coach_user_id = :user order by id", ReferralRepository::map,
                "user", userId);
    }

    /** Deletes a referral with everything attached to it. */
    public int delete(Sql sql, long id) {
        for (String table : List.of("referral_measurement", "referral_step", "referral_follow_up")) {
            sql.update("delete from " + table + " where initiative_id = :initiative and referral_id = :id", "id", id);
        }
        return sql.update("delete from referral_referral where initiative_id = :initiative and id = :id", "id", id);
    }

    /** Referrals finished before {@code cutoff} that still hold personal data (retention). */
    public List<Long> finishedBefore(Sql sql, Instant cutoff) {
        return sql.list("select id from referral_referral where initiative_id = :initiative and closed_at is not null "
                + "and closed_at < :cutoff and patient_name <> '-'", r -> r.getLong(1), "cutoff", cutoff);
    }

    static Referral map(ResultSet r) throws SQLException {
        String reasons = r.getString("reasons");
        return new Referral(r.getLong("id"), ReferralStatus.valueOf(r.getString("status")), r.getString("source"),
                r.getString("patient_name"), Rows.date(r, "patient_birth_date"), r.getString("patient_phone"),
                reasons == null || reasons.isEmpty() ? List.of() : Arrays.asList(reasons.split("\\" + REASON_SEPARATOR)),
                r.getString("note"), Urgency.valueOf(r.getString("urgency")), r.getBoolean("consent_contact"),
                r.getBoolean("consent_feedback"), Rows.nullableLong(r, "referrer_user_id"), r.getString("referrer_name"),
                r.getString("referrer_org"), ReferrerType.valueOf(r.getString("referrer_type")), r.getString("referrer_email"),
                r.getString("external_id"), Rows.nullableLong(r, "coach_user_id"), r.getString("coach_name"),
                r.getString("question_behind"), r.getString("goals"), r.getBoolean("share_plan"), r.getBoolean("share_scores"),
                r.getBoolean("share_outcome"), r.getString("outcome"), Rows.instant(r, "created_at"),
                Rows.instant(r, "first_contact_at"), Rows.instant(r, "intake_at"), Rows.instant(r, "closed_at"),
                Rows.instant(r, "updated_at"));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
