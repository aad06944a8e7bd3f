package nl.samenredzaam.wmointake.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.audit.AuditEvent.Action;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.instruments.InstrumentInput;
import nl.samenredzaam.instruments.Parsed;
import nl.samenredzaam.instruments.PositiveHealthScores;
import nl.samenredzaam.instruments.ZrmScores;
import nl.samenredzaam.wmointake.internal.coop.ActivityOffer;
import nl.samenredzaam.wmointake.internal.coop.Cooperation;
import nl.samenredzaam.wmointake.internal.coop.VolunteerOffer;
import nl.samenredzaam.wmointake.internal.deadline.Deadline;
import nl.samenredzaam.wmointake.internal.deadline.DeadlineClock;

/**
 * The work on files, shared by the pages and the API: every read and write checks access and is
 * written to the audit log (NEN 7513), with the file id and the resident, never with free text.
 */
public final class IntakeService {

    public static final String RECORD_TYPE = "wmo-intake.file";
    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    private final FileRepository files;
    private final MeasurementRepository measurements;
    private final Members members;
    private final Cooperation coop;
    private final DeadlineClock deadlines;
    private final Clock clock;
    private final Facts facts;

    public IntakeService(FileRepository files, MeasurementRepository measurements, Members members, Cooperation coop,
            DeadlineClock deadlines, Clock clock) {
        this(files, measurements, members, coop, deadlines, clock, new Facts());
    }

    public IntakeService(FileRepository files, MeasurementRepository measurements, Members members, Cooperation coop,
            DeadlineClock deadlines, Clock clock, Facts facts) {
        this.facts = facts;
        this.files = files;
        this.measurements = measurements;
        this.members = members;
        this.coop = coop;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(AMSTERDAM));
    }

    public Instant now() {
        return clock.instant();
    }

    public Members members() {
        return members;
    }

    public Cooperation cooperation() {
        return coop;
    }

    public DeadlineClock deadlineClock() {
        return deadlines;
    }

    // --- reading ---------------------------------------------------------------------------------

    /** A file the actor may see, audited; a 404 (also audited, as failed) when they may not. */
    public IntakeFile open(WebRequest req, long id, Action action) {
        Actor actor = req.requireActor();
        IntakeFile f = files.find(req.sql(), id).orElseThrow(ProblemException::notFound);
        FileAccess.Level level = FileAccess.of(actor, f);
        if (level == FileAccess.Level.NONE) {
            audit(req, action, f, "none", false);
            throw ProblemException.notFound();
        }
        audit(req, action, f, level.purpose(), true);
        return f;
    }

    /** A file the actor may change: staff only. Others who may see it get a 403, everyone else a 404. */
    public IntakeFile openForChange(WebRequest req, long id) {
        return openForChange(req, id, Action.UPDATE);
    }

    /**
     * A file the actor may change, audited as {@code action}: {@code READ} for showing a form of the
     * file, {@code UPDATE} for saving it.
     */
    public IntakeFile openForChange(WebRequest req, long id, Action action) {
        Actor actor = req.requireActor();
        IntakeFile f = files.find(req.sql(), id).orElseThrow(ProblemException::notFound);
        FileAccess.Level level = FileAccess.of(actor, f);
        if (!level.canEdit()) {
            audit(req, action, f, level.purpose(), false);
            throw level == FileAccess.Level.NONE ? ProblemException.notFound() : ProblemException.forbidden();
        }
        audit(req, action, f, level.purpose(), true);
        return f;
    }

    public FileDetail detail(WebRequest req, IntakeFile f) {
        return detail(req.sql(), f, FileAccess.of(req.requireActor(), f));
    }

    public FileDetail detail(Sql sql, IntakeFile f, FileAccess.Level level) {
        return new FileDetail(f, level, deadlines.deadlines(f.facts(), today()),
                files.conversation(sql, f.id()).orElse(Conversation.empty(f.id())), files.links(sql, f.id()),
                measurements.positiveHealth(sql, f.id()), measurements.zrm(sql, f.id()), members.name(sql, f.professionalUserId()),
                members.name(sql, f.coachUserId()), members.name(sql, f.coordinatorUserId()));
    }

    /** The work queue: files the actor works on, the most urgent term first; audited as a search. */
    public List<QueueRow> queue(WebRequest req, boolean withClosed) {
        Actor actor = req.requireActor();
        Sql sql = req.sql();
        List<QueueRow> rows = new ArrayList<>();
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        for (IntakeFile f : files.assignedTo(sql, actor.userId(), withClosed)) {
            if (FileAccess.of(actor, f) == FileAccess.Level.NONE) {
                continue;
            }
            List<Deadline> list = deadlines.deadlines(f.facts(), today());
            Deadline next = f.closed() ? null : DeadlineClock.next(list).orElse(null);
            String professional = names.computeIfAbsent(f.professionalUserId(), id -> members.name(sql, id));
            rows.add(new QueueRow(f, next, professional, list.stream().anyMatch(Deadline::overdue)
                    && !f.closed()));
        }
        rows.sort(queueOrder());
        req.audit(new AuditEvent(Action.SEARCH, RECORD_TYPE, null, null, null, "care", true));
        return rows;
    }

    /** Open files first; among them the earliest due term first; files without an open term last; then by melding. */
    static Comparator<QueueRow> queueOrder() {
        return Comparator.<QueueRow, Boolean>comparing(r -> r.file().closed())
                .thenComparing(r -> r.next() == null ? LocalDate.MAX : r.next().due())
                .thenComparing(r -> r.file().meldingDate()).thenComparing(r -> r.file().id());
    }

    /** The resident's own files (only files about them; audited). */
    public List<IntakeFile> mine(WebRequest req) {
        Actor actor = req.requireActor();
        List<IntakeFile> list = files.ofResident(req.sql(), actor.userId());
        for (IntakeFile f : list) {
            audit(req, Action.READ, f, "own-file", true);
        }
        return list;
    }

    // --- writing ---------------------------------------------------------------------------------

    public Checked<Long> createMelding(WebRequest req, MeldingInput.Form form, int retentionYears) {
        req.requireActor();
        Checked<MeldingInput> in = MeldingInput.check(form, req.messages(), today(), req.sql(), members);
        if (!in.ok()) {
            return new Checked<>(null, in.problems());
        }
        long id = files.create(req.sql(), in.value(), retentionYears, now());
        IntakeFile f = files.find(req.sql(), id).orElseThrow();
        audit(req, Action.CREATE, f, "care", true);
        facts.post(req.sql(), Facts.MELDING_REGISTERED, id, now());
        return new Checked<>(id, Map.of());
    }

    public Checked<Conversation> saveConversation(WebRequest req, long id, Map<String, String> values) {
        IntakeFile f = writable(req, id);
        Checked<Conversation> c = ConversationInput.check(id, values, f.meldingDate(), today(), req.messages(), now());
        if (c.ok()) {
            files.saveConversation(req.sql(), c.value(), now());
            if (f.status() == FileStatus.MELDING) {
                files.setStatus(req.sql(), id, FileStatus.GESPREK, now());
            }
        }
        return c;
    }

    public Checked<PositiveHealthScores> addPositiveHealth(WebRequest req, long id, String measuredOn, Map<String, String> raw,
            Collection<String> wantToTalk) {
        IntakeFile f = writable(req, id);
        Checked.Collector c = new Checked.Collector(req.messages());
        LocalDate on = c.date(InstrumentInput.MEASURED_ON, measuredOn, true, f.meldingDate().minusMonths(6), today());
        Parsed<PositiveHealthScores> p = InstrumentInput.positiveHealth(on == null ? today() : on, raw, wantToTalk);
        p.problemsIn(req.locale()).forEach(c.problems::putIfAbsent);
        if (!c.problems.isEmpty()) {
            return c.result(null);
        }
        measurements.addPositiveHealth(req.sql(), id, p.value(), now());
        return c.result(p.value());
    }

    public Checked<ZrmScores> addZrm(WebRequest req, long id, String measuredOn, Map<String, String> raw) {
        IntakeFile f = writable(req, id);
        Checked.Collector c = new Checked.Collector(req.messages());
        LocalDate on = c.date(InstrumentInput.MEASURED_ON, measuredOn, true, f.meldingDate().minusMonths(6), today());
        Parsed<ZrmScores> p = InstrumentInput.zrm(on == null ? today() : on, raw);
        p.problemsIn(req.locale()).forEach(c.problems::putIfAbsent);
        if (!c.problems.isEmpty()) {
            return c.result(null);
        }
        measurements.addZrm(req.sql(), id, p.value(), now());
        return c.result(p.value());
    }

    /** Applies a step of the workflow (verslag sent, reaction, aanvraag, beschikking, close, assignment, plan). */
    public Checked<IntakeFile> step(WebRequest req, long id, Steps.Step step, Map<String, String> values) {
        IntakeFile f = writable(req, id);
        boolean hasConversation = files.conversation(req.sql(), id).map(cv -> !cv.isEmpty()).orElse(false);
        Checked<Runnable> change = Steps.check(step, f, values, hasConversation, req.messages(), today(), req.sql(), members, files,
                now());
        if (!change.ok()) {
            return new Checked<>(null, change.problems());
        }
        change.value().run();
        String topic = switch (step) {
            case VERSLAG -> f.verslagSentOn() == null ? Facts.VERSLAG_SENT : null;
            case AANVRAAG -> f.aanvraagOn() == null ? Facts.AANVRAAG_MADE : null;
            case BESCHIKKING -> Facts.DECISION_RECORDED;
            case SLUITEN -> Facts.FILE_CLOSED;
            default -> null;
        };
        if (topic != null) {
            facts.post(req.sql(), topic, id, now());
        }
        return new Checked<>(files.find(req.sql(), id).orElseThrow(), Map.of());
    }

    /** Opens a closed file again (closed by mistake, or the need came back); the stage follows from its dates. */
    public IntakeFile reopen(WebRequest req, long id) {
        IntakeFile f = openForChange(req, id);
        if (!f.closed()) {
            throw ProblemException.conflict(req.messages().get("error.notClosed"));
        }
        boolean talked = files.conversation(req.sql(), id).map(c -> !c.isEmpty()).orElse(false);
        FileStatus status = f.beschikkingOn() != null ? FileStatus.BESCHIKKING : f.aanvraagOn() != null ? FileStatus.AANVRAAG
                : f.verslagSentOn() != null ? FileStatus.VERSLAG : talked ? FileStatus.GESPREK : FileStatus.MELDING;
        files.reopen(req.sql(), id, status, now());
        facts.post(req.sql(), Facts.FILE_REOPENED, id, now());
        return files.find(req.sql(), id).orElseThrow();
    }

    /**
     * The resident's own reaction to the verslag (agreed or not, and in their words), recorded on
     * today's date. Only the resident the file is about; only after the verslag was sent.
     */
    public Checked<IntakeFile> residentReaction(WebRequest req, long id, String reaction, String agreed) {
        Actor actor = req.requireActor();
        IntakeFile f = files.find(req.sql(), id).orElseThrow(ProblemException::notFound);
        FileAccess.Level level = FileAccess.of(actor, f);
        if (level != FileAccess.Level.RESIDENT) {
            audit(req, Action.UPDATE, f, level.purpose(), false);
            throw level == FileAccess.Level.NONE ? ProblemException.notFound() : ProblemException.forbidden();
        }
        audit(req, Action.UPDATE, f, level.purpose(), true);
        if (f.closed()) {
            throw ProblemException.conflict(req.messages().get("error.closed"));
        }
        Map<String, String> values = new java.util.HashMap<>();
        values.put("reactionOn", today().toString());
        if (reaction != null) {
            values.put("reaction", reaction);
        }
        if (agreed != null) {
            values.put("agreed", agreed);
        }
        Checked<Runnable> change = Steps.check(Steps.Step.REACTIE, f, values, true, req.messages(), today(), req.sql(), members, files,
                now());
        if (!change.ok()) {
            return new Checked<>(null, change.problems());
        }
        change.value().run();
        return new Checked<>(files.find(req.sql(), id).orElseThrow(), Map.of());
    }

    // --- cooperation -----------------------------------------------------------------------------

    /** Registers the resident for a calendar activity; the value is {@code activityId@start}. */
    public Checked<Link> linkActivity(WebRequest req, long id, String value) {
        IntakeFile f = writable(req, id);
        Checked.Collector c = new Checked.Collector(req.messages());
        ActivityOffer offer = coop.activities(req.sql()).orElse(null);
        if (offer == null) {
            c.add("activity", "error.calendar.off");
            return c.result(null);
        }
        long activityId;
        OffsetDateTime start;
        try {
            String[] parts = value == null ? new String[0] : value.split("@", 2);
            activityId = Long.parseLong(parts[0]);
            start = OffsetDateTime.parse(parts[1]);
        } catch (RuntimeException e) {
            c.add("activity", "error.activity.choose");
            return c.result(null);
        }
        ActivityOffer.Activity chosen = offer.upcoming(req.sql(), start.minusMinutes(1), start.plusMinutes(1), 50).stream()
                .filter(a -> a.activityId() == activityId && a.start().isEqual(start)).findFirst().orElse(null);
        if (chosen == null) {
            c.add("activity", "error.activity.choose");
            return c.result(null);
        }
        ActivityOffer.Registered r = offer.register(req.sql(), activityId, start, f.residentUserId(), f.residentName(),
                f.residentPhone());
        String title = chosen.title() + (r.waitlisted() ? " (" + req.messages().get("link.waitlisted") + ")" : "");
        long linkId = files.addLink(req.sql(), id, Choices.LinkKind.ACTIVITY, r.registrationId(), cut(title, 300), start, now());
        return c.result(new Link(linkId, id, Choices.LinkKind.ACTIVITY, r.registrationId(), title, start, now()));
    }

    /** Asks volunteering for a volunteer for the resident. */
    public Checked<Link> linkVolunteer(WebRequest req, long id, String category, String description, String preferred) {
        IntakeFile f = writable(req, id);
        Checked.Collector c = new Checked.Collector(req.messages());
        VolunteerOffer offer = coop.volunteers(req.sql()).orElse(null);
        if (offer == null) {
            c.add("helpCategory", "error.volunteering.off");
            return c.result(null);
        }
        var categories = offer.categories(req.sql());
        var cat = categories.stream().filter(k -> k.key().equals(category)).findFirst().orElse(null);
        if (cat == null) {
            c.add("helpCategory", "error.choice.missing");
        }
        String text = c.required("helpDescription", description, 1000, "error.helpDescription.missing");
        LocalDate date = c.date("helpDate", preferred, false, today(), today().plusYears(1));
        if (!c.problems.isEmpty()) {
            return c.result(null);
        }
        long requestId = offer.requestHelp(req.sql(), cat.key(), text, f.residentUserId(), f.residentName(), f.residentPhone(), date,
                "wmo-intake:" + id);
        String title = req.messages().get("link.volunteer", req.locale().getLanguage().equals("en") ? cat.labelEn() : cat.labelNl());
        long linkId = files.addLink(req.sql(), id, Choices.LinkKind.VOLUNTEER, requestId, cut(title, 300), null, now());
        return c.result(new Link(linkId, id, Choices.LinkKind.VOLUNTEER, requestId, title, null, now()));
    }

    /** A line of free text for what was arranged (when calendar or volunteering are not there, or for anything else). */
    public Checked<Link> linkText(WebRequest req, long id, String text) {
        writable(req, id);
        Checked.Collector c = new Checked.Collector(req.messages());
        String t = c.required("linkText", text, 300, "error.linkText.missing");
        if (!c.problems.isEmpty()) {
            return c.result(null);
        }
        long linkId = files.addLink(req.sql(), id, Choices.LinkKind.TEXT, null, t, null, now());
        return c.result(new Link(linkId, id, Choices.LinkKind.TEXT, null, t, null, now()));
    }

    // --- helpers ---------------------------------------------------------------------------------

    private IntakeFile writable(WebRequest req, long id) {
        IntakeFile f = openForChange(req, id);
        if (f.closed()) {
            throw ProblemException.conflict(req.messages().get("error.closed"));
        }
        return f;
    }

    static void audit(WebRequest req, Action action, IntakeFile f, String purpose, boolean success) {
        req.audit(new AuditEvent(action, RECORD_TYPE, Long.toString(f.id()), f.residentUserId(),
                f.residentUserId() == null ? f.clientRef() : null, purpose, success));
    }

    static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    /** Parses an ISO date, or null. */
    static LocalDate date(String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
