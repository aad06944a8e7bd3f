package nl.samenredzaam.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.calendar.api.CalendarService;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration;
import nl.samenredzaam.volunteering.api.HelpRequestDraft;
import nl.samenredzaam.volunteering.api.HelpRequestService;
import nl.samenredzaam.volunteering.api.HelpRequestStatus;

/**
 * The referral workflow, independent of HTTP: every method works in the caller's transaction
 * ({@link Sql}) and takes already validated input. Access checks and audit entries are done by
 * {@link ReferralAccess} before these are called.
 */
public final class ReferralService {

    static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
    static final List<String> DEFAULT_REASONS = List.of("Eenzaamheid", "Somberheid", "Stress", "Rouw", "Zingeving", "Bewegen",
            "Financiële zorgen");
    static final int DEFAULT_FIRST_CONTACT_DAYS = 5;

    private final ReferralRepository referrals = new ReferralRepository();
    private final TrajectoryRepository trajectory = new TrajectoryRepository();
    private final Partners partners;
    private final Mailer mailer;
    private final Clock clock;
    private final Facts facts;

    public ReferralService(Partners partners, Mailer mailer, Clock clock) {
        this(partners, mailer, clock, new Facts());
    }

    public ReferralService(Partners partners, Mailer mailer, Clock clock, Facts facts) {
        this.partners = partners;
        this.mailer = mailer;
        this.clock = clock;
        this.facts = facts;
    }

    public ReferralRepository referrals() {
        return referrals;
    }

    public TrajectoryRepository trajectory() {
        return trajectory;
    }

    public Partners partners() {
        return partners;
    }

    public Clock clock() {
        return clock;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(AMSTERDAM));
    }

    /** The initiative's list of reasons from the setting (comma separated), or the defaults. */
    static List<String> reasons(String setting) {
        if (setting == null || setting.isBlank()) {
            return DEFAULT_REASONS;
        }
        List<String> list = java.util.Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        return list.isEmpty() ? DEFAULT_REASONS : list;
    }

    /** The target for first contact in working days from the setting; the default when it is not a number from 1 to 60. */
    static int firstContactDays(String setting) {
        try {
            int n = Integer.parseInt(setting == null ? "" : setting.strip());
            return n >= 1 && n <= 60 ? n : DEFAULT_FIRST_CONTACT_DAYS;
        } catch (NumberFormatException e) {
            return DEFAULT_FIRST_CONTACT_DAYS;
        }
    }

    /** The last day for first contact. */
    static LocalDate contactDeadline(Referral r, int firstContactDays) {
        return WorkingDays.plus(r.createdAt().atZone(AMSTERDAM).toLocalDate(), firstContactDays);
    }

    /** Who refers. */
    public record Referrer(Long userId, String name, String email) {
    }

    /** Stores a new referral and sends the acknowledgement to the referrer when an e-mail address is known. */
    public long create(Sql sql, ReferralInput input, List<String> allowedReasons, Referrer referrer, String source, String externalId,
            int firstContactDays) {
        Instant now = clock.instant();
        long id = referrals.create(sql, new ReferralRepository.NewReferral(source, input.patientName(), input.birthDate(),
                input.patientPhone(), input.canonicalReasons(allowedReasons), input.note(), Urgency.parse(input.urgency()),
                input.consentContact(), input.consentFeedback(), referrer.userId(), referrer.name(), input.referrerOrg(),
                ReferrerType.parse(input.referrerType()), referrer.email(), externalId), ReferralStatus.NEW, now);
        facts.post(sql, Facts.RECEIVED, id);
        if (referrer.email() != null && !referrer.email().isBlank()) {
            Messages nl = Messages.of(ReferralService.class, Text.DUTCH);
            LocalDate deadline = WorkingDays.plus(today(), firstContactDays);
            mailer.send(sql, new Mail(referrer.email(), nl.get("mail.ack.subject", "R-" + id),
                    nl.get("mail.ack.body", "R-" + id, date(deadline), firstContactDays)));
        }
        return id;
    }

    /** Assigns the referral to a coach (or takes the coach off with {@code null}). */
    public void assign(Sql sql, Referral r, Long coachUserId, String coachName) {
        referrals.assign(sql, r.id(), coachUserId, coachName, clock.instant());
    }

    /** What came of an attempt to contact the person. */
    public enum ContactOutcome {
        REACHED, UNREACHABLE, DECLINED, ON_HOLD, RESUMED, CANCELLED, ENTERED_IN_ERROR
    }

    public void contact(Sql sql, Referral r, ContactOutcome outcome) {
        Instant now = clock.instant();
        if (outcome == ContactOutcome.REACHED && r.firstContactAt() == null) {
            facts.post(sql, Facts.CONTACTED, r.id());
        }
        switch (outcome) {
            case REACHED -> referrals.firstContact(sql, r.id(), now, now);
            case UNREACHABLE -> referrals.setStatus(sql, r.id(), ReferralStatus.UNREACHABLE, now);
            case DECLINED -> referrals.setStatus(sql, r.id(), ReferralStatus.DECLINED, now);
            case ON_HOLD -> referrals.setStatus(sql, r.id(), ReferralStatus.ON_HOLD, now);
            case CANCELLED -> referrals.setStatus(sql, r.id(), ReferralStatus.CANCELLED, now);
            case ENTERED_IN_ERROR -> referrals.setStatus(sql, r.id(), ReferralStatus.ENTERED_IN_ERROR, now);
            case RESUMED -> referrals.setStatus(sql, r.id(), r.firstContactAt() != null ? ReferralStatus.IN_PROGRESS
                    : r.coachUserId() != null ? ReferralStatus.ACCEPTED : ReferralStatus.NEW, now);
        }
        ReferralStatus after = referrals.find(sql, r.id()).map(Referral::status).orElse(r.status());
        if (r.status().isOpen() && !after.isOpen()) {
            facts.finished(sql, r.id(), after);
            if (after != ReferralStatus.CANCELLED && after != ReferralStatus.ENTERED_IN_ERROR) {
                letterReady(sql, r, FeedbackLetter.CLOSING);
            }
        }
    }

    /** Records the intake and its measurement; plans the follow-ups after 6 weeks and 3 months the first time. */
    public void intake(Sql sql, Referral r, IntakeInput input) {
        if (!r.status().isOpen()) {
            throw ProblemException.conflict("The referral is closed");
        }
        Instant now = clock.instant();
        referrals.intake(sql, r.id(), input.questionBehind(), input.goals(), input.sharePlan(), input.shareScores(),
                input.shareOutcome(), now);
        if (r.firstContactAt() == null) {
            facts.post(sql, Facts.CONTACTED, r.id());
        }
        if (r.intakeAt() == null) {
            letterReady(sql, r, FeedbackLetter.INTAKE);
        }
        LocalDate today = today();
        if (!input.scores().isEmpty()) {
            trajectory.saveMeasurement(sql, r.id(), new Measurement(Measurement.Kind.INTAKE, input.scores().toScores(today)));
        }
        List<FollowUp> planned = trajectory.followUps(sql, r.id());
        if (planned.stream().noneMatch(f -> f.kind() == FollowUp.Kind.WEEKS_6)) {
            trajectory.planFollowUp(sql, r.id(), FollowUp.Kind.WEEKS_6, today.plusWeeks(6));
        }
        if (planned.stream().noneMatch(f -> f.kind() == FollowUp.Kind.MONTHS_3)) {
            trajectory.planFollowUp(sql, r.id(), FollowUp.Kind.MONTHS_3, today.plusMonths(3));
        }
    }

    /** The outcome of adding a step: whether a partner module took it, or it was written down as text. */
    public record StepResult(long stepId, boolean linked, String registrationStatus) {
    }

    /**
     * Adds a step to the plan. An activity chosen from the calendar registers the person directly
     * (when the calendar is enabled); a help request goes to volunteering (when enabled); otherwise
     * the step is kept as text. The first activity with a date plans a follow-up the working day after it.
     */
    public StepResult addStep(Sql sql, Referral r, StepInput input) {
        if (!r.status().isOpen()) {
            throw ProblemException.conflict("The referral is closed");
        }
        Instant now = clock.instant();
        Long registrationId = null;
        Long helpId = null;
        Long activityId = null;
        OffsetDateTime start = null;
        String regStatus = null;
        String description = input.description();
        boolean linked = false;
        if (input.kind() == PlanStep.Kind.ACTIVITY && input.activityId() != null) {
            Optional<CalendarService> calendar = partners.calendar(sql);
            if (calendar.isPresent()) {
                Registration reg;
                try {
                    reg = calendar.get().register(sql, input.activityId(), input.activityStart(),
                            new Participant(null, r.patientName(), r.patientPhone()));
                } catch (IllegalArgumentException e) {
                    throw ProblemException.invalidField("activity", "no such activity");
                }
                registrationId = reg.id();
                regStatus = reg.status().name();
                activityId = input.activityId();
                start = input.activityStart();
                linked = true;
                if (description.isEmpty()) {
                    description = input.activityTitle() == null ? "" : input.activityTitle();
                }
            } else {
                start = input.activityStart();
            }
        } else if (input.kind() == PlanStep.Kind.ACTIVITY) {
            start = input.activityStart();
        }
        if (input.kind() == PlanStep.Kind.HELP && input.helpCategory() != null) {
            Optional<HelpRequestService> volunteering = partners.volunteering(sql);
            if (volunteering.isPresent()) {
                helpId = volunteering.get().requestHelp(sql, new HelpRequestDraft(input.helpCategory(), description, null,
                        r.patientName(), r.patientPhone(), null, null, null, input.oneToOne(), "referral:" + r.id()));
                linked = true;
            }
        }
        long stepId = trajectory.addStep(sql, r.id(), input.kind(), description.isEmpty() ? "-" : description, activityId, start,
                registrationId, helpId, now);
        if (input.kind() == PlanStep.Kind.ACTIVITY && start != null
                && trajectory.followUps(sql, r.id()).stream().noneMatch(f -> f.kind() == FollowUp.Kind.AFTER_FIRST_ACTIVITY)) {
            LocalDate activityDay = start.atZoneSameInstant(AMSTERDAM).toLocalDate();
            trajectory.planFollowUp(sql, r.id(), FollowUp.Kind.AFTER_FIRST_ACTIVITY, WorkingDays.plus(activityDay, 1));
        }
        return new StepResult(stepId, linked, regStatus);
    }

    /** A step with what the partner modules say about it now, as plain names. */
    public Dossier.StepView view(Sql sql, PlanStep step) {
        String attendance = null;
        Optional<Registration.Status> status = attendance(sql, step);
        if (status.isPresent()) {
            attendance = status.get().name();
        }
        String helpState = null;
        String volunteer = null;
        Optional<HelpRequestStatus> help = helpStatus(sql, step);
        if (help.isPresent()) {
            helpState = help.get().state().name();
            volunteer = help.get().volunteerFirstName();
        }
        return new Dossier.StepView(step, attendance, helpState, volunteer);
    }

    /** Attendance of a calendar step, when the calendar is enabled and knows the registration. */
    public Optional<Registration.Status> attendance(Sql sql, PlanStep step) {
        if (step.calendarRegistrationId() == null) {
            return Optional.empty();
        }
        // No lambdas over partner types: linking one loads the type, which fails when the bundle is not installed.
        Optional<CalendarService> calendar = partners.calendar(sql);
        if (calendar.isEmpty()) {
            return Optional.empty();
        }
        Optional<Registration> registration = calendar.get().registration(sql, step.calendarRegistrationId());
        return registration.isPresent() ? Optional.of(registration.get().status()) : Optional.empty();
    }

    /** Where a volunteer request of a step stands, when volunteering is enabled. */
    public Optional<HelpRequestStatus> helpStatus(Sql sql, PlanStep step) {
        if (step.helpRequestId() == null) {
            return Optional.empty();
        }
        Optional<HelpRequestService> volunteering = partners.volunteering(sql);
        return volunteering.isPresent() ? volunteering.get().status(sql, step.helpRequestId()) : Optional.empty();
    }

    public void completeFollowUp(Sql sql, Referral r, long followUpId, String note) {
        FollowUp f = trajectory.followUp(sql, r.id(), followUpId).orElseThrow(ProblemException::notFound);
        if (f.isDone()) {
            throw ProblemException.conflict("This follow-up is already done");
        }
        trajectory.completeFollowUp(sql, followUpId, note, clock.instant());
    }

    /** Closes the referral with its outcome and (optionally) the second measurement. */
    public void close(Sql sql, Referral r, String outcome, ScoresInput scores) {
        if (!r.status().isOpen()) {
            throw ProblemException.conflict("The referral is already closed");
        }
        referrals.close(sql, r.id(), outcome, clock.instant());
        facts.finished(sql, r.id(), ReferralStatus.CLOSED);
        letterReady(sql, r, FeedbackLetter.CLOSING);
        if (!scores.isEmpty()) {
            trajectory.saveMeasurement(sql, r.id(), new Measurement(Measurement.Kind.CLOSING, scores.toScores(today())));
        }
    }

    /**
     * Tells the referrer that a letter is ready (only with the patient's consent for feedback and
     * when an e-mail address is known). The mail names the reference, never the patient.
     */
    private void letterReady(Sql sql, Referral r, String kind) {
        if (!r.consentFeedback() || r.referrerEmail() == null || r.referrerEmail().isBlank()) {
            return;
        }
        Messages nl = Messages.of(ReferralService.class, Text.DUTCH);
        mailer.send(sql, new Mail(r.referrerEmail(), nl.get("mail.letter.subject", r.reference()),
                nl.get("mail.letter.body", r.reference(), nl.get(FeedbackLetter.CLOSING.equals(kind) ? "letter.closing" : "letter.intake"))));
    }

    static String date(LocalDate d) {
        return d == null ? "" : DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl")).format(d);
    }
}
