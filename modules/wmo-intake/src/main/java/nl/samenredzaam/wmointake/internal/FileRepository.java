package nl.samenredzaam.wmointake.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;

/** Data access for files and conversations; every statement is limited to the initiative of the {@link Sql}. */
public final class FileRepository {

    private static final String COLUMNS = "select id, resident_user_id, resident_name, resident_phone, melding_date, reported_by, "
            + "reporter_name, channel, request_text, consent_processing, consent_municipality, consent_gp, wants_coach, "
            + "professional_user_id, coach_user_id, coordinator_user_id, status, plan_received_on, verslag_sent_on, reaction, agreed, "
            + "reaction_on, aanvraag_on, beschikking_on, decision, decision_note, closed_on, close_reason, retention_years, "
            + "created_at, updated_at from wmo_intake_file ";

    public long create(Sql sql, MeldingInput in, int retentionYears, Instant now) {
        return sql.insert("insert into wmo_intake_file (initiative_id, resident_user_id, resident_name, resident_phone, melding_date, "
                + "reported_by, reporter_name, channel, request_text, consent_processing, consent_municipality, consent_gp, wants_coach, "
                + "professional_user_id, coach_user_id, coordinator_user_id, status, retention_years, created_at, updated_at) values "
                + "(:initiative, :residentUser, :residentName, :residentPhone, :melding, :reportedBy, :reporterName, :channel, :request, "
                + ":cProcessing, :cMunicipality, :cGp, :wantsCoach, :professional, :coach, :coordinator, :status, :retention, :now, :now)",
                "residentUser", in.residentUserId(), "residentName", in.residentName(), "residentPhone", in.residentPhone(),
                "melding", in.meldingDate(), "reportedBy", in.reportedBy().name(), "reporterName", in.reporterName(),
                "channel", in.channel().name(), "request", in.requestText(), "cProcessing", in.consentProcessing(),
                "cMunicipality", in.consentMunicipality(), "cGp", in.consentGp(), "wantsCoach", in.wantsCoach(),
                "professional", in.professionalUserId(), "coach", in.coachUserId(), "coordinator", in.coordinatorUserId(),
                "status", FileStatus.MELDING.name(), "retention", retentionYears, "now", now);
    }

    public Optional<IntakeFile> find(Sql sql, long id) {
        return sql.first(COLUMNS + "where initiative_id = :initiative and id = :id", FileRepository::map, "id", id);
    }

    /** Files where the user is professional, coach or coordinator; open ones only unless {@code withClosed}. */
    public List<IntakeFile> assignedTo(Sql sql, long userId, boolean withClosed) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and (professional_user_id = :user or coach_user_id = :user "
                + "or coordinator_user_id = :user)" + (withClosed ? "" : " and status <> 'GESLOTEN'") + " order by melding_date, id",
                FileRepository::map, "user", userId);
    }

    /** Files about a resident with an account. */
    public List<IntakeFile> ofResident(Sql sql, long userId) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and resident_user_id = :user order by melding_date desc, id desc",
                FileRepository::map, "user", userId);
    }

    /** Open files, for the deadline warnings. */
    public List<IntakeFile> open(Sql sql) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and status <> 'GESLOTEN' order by id", FileRepository::map);
    }

    /** Files about a person without an account, matched on name (and phone when given): privacy requests. */
    public List<IntakeFile> byName(Sql sql, String name, String phone) {
        return sql.list(COLUMNS + "where initiative_id = :initiative and resident_user_id is null and lower(resident_name) = lower(:name)"
                + (phone == null ? "" : " and resident_phone = :phone") + " order by id", FileRepository::map, "name", name,
                "phone", phone);
    }

    public void assign(Sql sql, long id, long professional, Long coach, Long coordinator, Instant now) {
        sql.update("update wmo_intake_file set professional_user_id = :p, coach_user_id = :c, coordinator_user_id = :co, "
                + "updated_at = :now where initiative_id = :initiative and id = :id", "p", professional, "c", coach, "co", coordinator,
                "now", now, "id", id);
    }

    public void setStatus(Sql sql, long id, FileStatus status, Instant now) {
        sql.update("update wmo_intake_file set status = :s, updated_at = :now where initiative_id = :initiative and id = :id",
                "s", status.name(), "now", now, "id", id);
    }

    public void planReceived(Sql sql, long id, LocalDate on, Instant now) {
        sql.update("update wmo_intake_file set plan_received_on = :on, updated_at = :now where initiative_id = :initiative and id = :id",
                "on", on, "now", now, "id", id);
    }

    public void verslagSent(Sql sql, long id, LocalDate on, Instant now) {
        sql.update("update wmo_intake_file set verslag_sent_on = :on, status = :s, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "on", on, "s", FileStatus.VERSLAG.name(), "now", now, "id", id);
    }

    public void reaction(Sql sql, long id, String reaction, Boolean agreed, LocalDate on, Instant now) {
        sql.update("update wmo_intake_file set reaction = :r, agreed = :a, reaction_on = :on, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "r", reaction, "a", agreed, "on", on, "now", now, "id", id);
    }

    public void aanvraag(Sql sql, long id, LocalDate on, Instant now) {
        sql.update("update wmo_intake_file set aanvraag_on = :on, status = :s, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "on", on, "s", FileStatus.AANVRAAG.name(), "now", now, "id", id);
    }

    public void beschikking(Sql sql, long id, LocalDate on, Choices.Decision decision, String note, Instant now) {
        sql.update("update wmo_intake_file set beschikking_on = :on, decision = :d, decision_note = :n, status = :s, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "on", on, "d", decision.name(), "n", note,
                "s", FileStatus.BESCHIKKING.name(), "now", now, "id", id);
    }

    public void close(Sql sql, long id, LocalDate on, String reason, int retentionYears, Instant now) {
        sql.update("update wmo_intake_file set closed_on = :on, close_reason = :r, retention_years = :y, status = :s, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "on", on, "r", reason, "y", retentionYears,
                "s", FileStatus.GESLOTEN.name(), "now", now, "id", id);
    }

    public void reopen(Sql sql, long id, FileStatus status, Instant now) {
        sql.update("update wmo_intake_file set closed_on = null, close_reason = null, status = :s, updated_at = :now "
                + "where initiative_id = :initiative and id = :id", "s", status.name(), "now", now, "id", id);
    }

    public Optional<Conversation> conversation(Sql sql, long fileId) {
        return sql.first("select file_id, held_on, present, vraag, omstandigheden, zelf, herwinnen, netwerk, vrijwilligers, "
                + "voorzieningen, maatwerk, updated_at from wmo_intake_conversation where initiative_id = :initiative and file_id = :id",
                r -> new Conversation(r.getLong(1), Rows.date(r, "held_on"), r.getString(3), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getString(8), r.getString(9), r.getString(10), r.getString(11),
                        Rows.instant(r, "updated_at")), "id", fileId);
    }

    public void saveConversation(Sql sql, Conversation c, Instant now) {
        Object[] params = {"id", c.fileId(), "held", c.heldOn(), "present", c.present(), "vraag", c.vraag(), "omst", c.omstandigheden(),
            "zelf", c.zelf(), "herw", c.herwinnen(), "netw", c.netwerk(), "vrijw", c.vrijwilligers(), "voorz", c.voorzieningen(),
            "maat", c.maatwerk(), "now", now};
        int changed = sql.update("update wmo_intake_conversation set held_on = :held, present = :present, vraag = :vraag, "
                + "omstandigheden = :omst, zelf = :zelf, herwinnen = :herw, netwerk = :netw, vrijwilligers = :vrijw, "
                + "voorzieningen = :voorz, maatwerk = :maat, updated_at = :now where initiative_id = :initiative and file_id = :id", params);
        if (changed == 0) {
            sql.update("insert into wmo_intake_conversation (file_id, initiative_id, held_on, present, vraag, omstandigheden, zelf, "
                    + "herwinnen, netwerk, vrijwilligers, voorzieningen, maatwerk, updated_at) values (:id, :initiative, :held, :present, "
                    + ":vraag, :omst, :zelf, :herw, :netw, :vrijw, :voorz, :maat, :now)", params);
        }
    }

    public List<Link> links(Sql sql, long fileId) {
        return sql.list("select id, file_id, kind, external_id, title, starts_at, created_at from wmo_intake_link "
                + "where initiative_id = :initiative and file_id = :id order by created_at, id", r -> new Link(r.getLong(1), r.getLong(2),
                        Choices.LinkKind.valueOf(r.getString(3)), Rows.nullableLong(r, "external_id"), r.getString(5),
                        r.getObject("starts_at", java.time.OffsetDateTime.class), Rows.instant(r, "created_at")), "id", fileId);
    }

    public long addLink(Sql sql, long fileId, Choices.LinkKind kind, Long externalId, String title, java.time.OffsetDateTime startsAt,
            Instant now) {
        return sql.insert("insert into wmo_intake_link (initiative_id, file_id, kind, external_id, title, starts_at, created_at) "
                + "values (:initiative, :file, :kind, :ext, :title, :starts, :now)", "file", fileId, "kind", kind.name(), "ext", externalId,
                "title", title, "starts", startsAt, "now", now);
    }

    /** Records that a warning was sent; false when it had been sent before. */
    public boolean markWarned(Sql sql, long fileId, String deadline, LocalDate due, String level, Instant now) {
        boolean before = sql.first("select 1 from wmo_intake_warning where initiative_id = :initiative and file_id = :f and deadline = :d "
                + "and due_on = :due and level = :l", r -> 1, "f", fileId, "d", deadline, "due", due, "l", level).isPresent();
        if (before) {
            return false;
        }
        sql.update("insert into wmo_intake_warning (initiative_id, file_id, deadline, due_on, level, sent_at) "
                + "values (:initiative, :f, :d, :due, :l, :now)", "f", fileId, "d", deadline, "due", due, "l", level, "now", now);
        return true;
    }

    /** Deletes a file and everything hanging from it (cascading). */
    public int delete(Sql sql, long id) {
        sql.update("delete from wmo_intake_score where initiative_id = :initiative and measurement_id in "
                + "(select id from wmo_intake_measurement where initiative_id = :initiative and file_id = :id)", "id", id);
        return sql.update("delete from wmo_intake_file where initiative_id = :initiative and id = :id", "id", id);
    }

    /** Closed files whose retention term has passed. */
    public List<Long> expired(Sql sql, LocalDate today) {
        return sql.list("select id, closed_on, retention_years from wmo_intake_file where initiative_id = :initiative "
                + "and status = 'GESLOTEN' and closed_on is not null", r -> {
                    LocalDate closed = Rows.date(r, "closed_on");
                    return closed.plusYears(r.getInt(3)).isBefore(today) ? r.getLong(1) : -1L;
                }).stream().filter(id -> id > 0).toList();
    }

    private static IntakeFile map(ResultSet r) throws SQLException {
        Boolean agreed = r.getBoolean("agreed");
        if (r.wasNull()) {
            agreed = null;
        }
        return new IntakeFile(r.getLong("id"), Rows.nullableLong(r, "resident_user_id"), r.getString("resident_name"),
                r.getString("resident_phone"), Rows.date(r, "melding_date"), r.getString("reported_by"), r.getString("reporter_name"),
                r.getString("channel"), r.getString("request_text"), r.getBoolean("consent_processing"),
                r.getBoolean("consent_municipality"), r.getBoolean("consent_gp"), r.getBoolean("wants_coach"),
                r.getLong("professional_user_id"), Rows.nullableLong(r, "coach_user_id"), Rows.nullableLong(r, "coordinator_user_id"),
                FileStatus.valueOf(r.getString("status")), Rows.date(r, "plan_received_on"), Rows.date(r, "verslag_sent_on"),
                r.getString("reaction"), agreed, Rows.date(r, "reaction_on"), Rows.date(r, "aanvraag_on"),
                Rows.date(r, "beschikking_on"), r.getString("decision"), r.getString("decision_note"), Rows.date(r, "closed_on"),
                r.getString("close_reason"), r.getInt("retention_years"), Rows.instant(r, "created_at"), Rows.instant(r, "updated_at"));
    }
}
