package nl.samenredzaam.volunteering.internal;

import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.CANCELLED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.CLOSED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.CONFIRMED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.DONE;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.NO_MATCH;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.OPEN;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.PROPOSED;
import static nl.samenredzaam.volunteering.api.HelpRequestStatus.State.SUBMITTED;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;

/**
 * What people do with help requests: file, publish, propose, accept, confirm, complete, close,
 * cancel. Decides who may do what to which request (the route permission was checked by the
 * platform), and moves states only through {@link RequestRepository#move}, which refuses moves
 * outside the transition table (409) and loses races safely (409).
 */
public final class Requests {

    /** The things people can do to a request. */
    public enum Action {
        PUBLISH, PROPOSE, CONFIRM, ACCEPT, DECLINE, WITHDRAW, COMPLETE, CLOSE, CANCEL, NO_MATCH, REOPEN
    }

    /**
     * One action with its fields.
     *
     * @param volunteerUserId for propose and confirm by a coordinator
     * @param minutes         for complete: time spent
     * @param feedback        for complete: a short note
     */
    public record ActionInput(Action action, Long volunteerUserId, Integer minutes, String feedback) {
    }

    /** Settings that change the workflow. */
    public record Policy(boolean reviewFirst, boolean coordinatorConfirms) {
        public static final Policy DEFAULT = new Policy(true, false);
    }

    private final RequestRepository requests;
    private final ProfileRepository profiles;
    private final Notifier notifier;
    private final Clock clock;

    public Requests(RequestRepository requests, ProfileRepository profiles, Notifier notifier, Clock clock) {
        this.requests = requests;
        this.profiles = profiles;
        this.notifier = notifier;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), RequestForm.AMSTERDAM);
    }

    /**
     * Files a checked request. A resident's own request waits for a coordinator when the policy
     * says so; a coordinator's request (often on someone's behalf) is open at once.
     */
    public long create(Sql sql, Viewer viewer, NewRequest request, Policy policy) {
        State state = viewer.coordinator() || !policy.reviewFirst() ? OPEN : SUBMITTED;
        Instant now = clock.instant();
        long id = requests.insert(sql, request, state, viewer.userId(), viewer.name(), now);
        notifier.changed(sql, requests.find(sql, id).orElseThrow(), null);
        return id;
    }

    /** Files a request for another module (cooperation): coordinator-only, waiting for a coordinator. */
    public long createFromModule(Sql sql, NewRequest request) {
        long id = requests.insert(sql, request, SUBMITTED, null, null, clock.instant());
        notifier.changed(sql, requests.find(sql, id).orElseThrow(), null);
        return id;
    }

    /** The request if the viewer may see it at all; otherwise empty (answer 404, never 403: no hint it exists). */
    public Optional<HelpRequest> visible(Sql sql, Viewer viewer, long id) {
        return requests.find(sql, id).filter(r -> canSee(viewer, r));
    }

    /**
     * Who sees a request: coordinators all; the person it is for; the volunteer it is proposed to
     * or confirmed for; other volunteers only open requests that are not coordinator-only.
     */
    public static boolean canSee(Viewer viewer, HelpRequest r) {
        if (viewer.coordinator() || r.isOwnedBy(viewer.userId())) {
            return true;
        }
        if (!viewer.volunteer()) {
            return false;
        }
        if (r.isAssignedTo(viewer.userId()) && (r.state() == PROPOSED || r.state() == CONFIRMED || r.state() == DONE)) {
            return true;
        }
        return r.state() == OPEN && r.visibility() == Visibility.VOLUNTEERS;
    }

    /**
     * Name, phone and address: the person themselves and coordinators always; a volunteer only
     * once the match is confirmed (and until the help is done).
     */
    public static boolean canSeeContact(Viewer viewer, HelpRequest r) {
        if (viewer.coordinator() || r.isOwnedBy(viewer.userId())) {
            return true;
        }
        return r.isAssignedTo(viewer.userId()) && (r.state() == CONFIRMED || r.state() == DONE);
    }

    /** Runs an action; answers the request as it is afterwards. */
    public HelpRequest act(Sql sql, Viewer viewer, long id, ActionInput input, Policy policy) {
        HelpRequest found = requests.find(sql, id).orElseThrow(ProblemException::notFound);
        if (!canSee(viewer, found)) {
            // a volunteer who was a moment too late learns it was taken; coordinator-only requests stay unknown
            if (input.action() == Action.ACCEPT && viewer.volunteer() && found.visibility() == Visibility.VOLUNTEERS) {
                throw ProblemException.conflict("This request is no longer open");
            }
            throw ProblemException.notFound();
        }
        HelpRequest r = found;
        Instant now = clock.instant();
        long me = viewer.userId();
        State from = r.state();
        Map<String, Object> sets = new LinkedHashMap<>();
        Long required = null;
        State to;
        switch (input.action()) {
            case PUBLISH -> {
                coordinator(viewer);
                to = OPEN;
            }
            case PROPOSE -> {
                coordinator(viewer);
                Profile p = eligibleVolunteer(sql, r, input.volunteerUserId());
                to = PROPOSED;
                sets.put("volunteer_user_id", p.userId());
                sets.put("volunteer_name", p.displayName());
            }
            case CONFIRM -> {
                coordinator(viewer);
                to = CONFIRMED;
                if (from != PROPOSED) {
                    Profile p = eligibleVolunteer(sql, r, input.volunteerUserId());
                    sets.put("volunteer_user_id", p.userId());
                    sets.put("volunteer_name", p.displayName());
                } else {
                    required = r.volunteerUserId();
                }
                sets.put("matched_at", now);
            }
            case ACCEPT -> {
                if (!viewer.volunteer()) {
                    throw ProblemException.forbidden();
                }
                if (from == PROPOSED && r.isAssignedTo(me)) {
                    to = CONFIRMED;
                    required = me;
                    sets.put("matched_at", now);
                } else if (from == OPEN && r.visibility() == Visibility.VOLUNTEERS) {
                    requireVogIfNeeded(sql, r, me);
                    to = policy.coordinatorConfirms() ? PROPOSED : CONFIRMED;
                    sets.put("volunteer_user_id", me);
                    sets.put("volunteer_name", profiles.ofUser(sql, me).map(Profile::displayName).orElse(viewer.name()));
                    if (to == CONFIRMED) {
                        sets.put("matched_at", now);
                    }
                } else {
                    throw ProblemException.conflict("This request is no longer open");
                }
            }
            case DECLINE -> {
                if (!r.isAssignedTo(me) || from != PROPOSED) {
                    throw ProblemException.forbidden();
                }
                to = OPEN;
                required = me;
                sets.put("volunteer_user_id", null);
                sets.put("volunteer_name", null);
            }
            case WITHDRAW -> {
                if (!viewer.coordinator() && !r.isAssignedTo(me)) {
                    throw ProblemException.forbidden();
                }
                to = OPEN;
                required = r.volunteerUserId();
                sets.put("volunteer_user_id", null);
                sets.put("volunteer_name", null);
                sets.put("matched_at", null);
            }
            case COMPLETE -> {
                if (!viewer.coordinator() && !(r.isAssignedTo(me) && viewer.volunteer())) {
                    throw ProblemException.forbidden();
                }
                Integer minutes = input.minutes();
                if (minutes == null || minutes < 1 || minutes > 24 * 60) {
                    throw ProblemException.invalidField("minutes", "1-1440");
                }
                String feedback = input.feedback() == null ? null : input.feedback().strip();
                if (feedback != null && feedback.length() > 1000) {
                    throw ProblemException.invalidField("feedback", "max 1000");
                }
                to = DONE;
                required = r.volunteerUserId();
                sets.put("minutes_spent", minutes);
                sets.put("feedback", feedback == null || feedback.isEmpty() ? null : feedback);
                sets.put("done_at", now);
            }
            case CLOSE -> {
                if (!viewer.coordinator() && !r.isOwnedBy(me)) {
                    throw ProblemException.forbidden();
                }
                String said = input.feedback() == null ? "" : input.feedback().strip();
                if (said.length() > 1000) {
                    throw ProblemException.invalidField("feedback", "max 1000");
                }
                if (!said.isEmpty()) {
                    sets.put("resident_feedback", said); // how the person found the help (told by phone to a coordinator, or typed)
                }
                to = CLOSED;
            }
            case CANCEL -> {
                if (!viewer.coordinator() && !r.isOwnedBy(me)) {
                    throw ProblemException.forbidden();
                }
                to = CANCELLED;
            }
            case NO_MATCH -> {
                coordinator(viewer);
                to = NO_MATCH;
            }
            case REOPEN -> {
                coordinator(viewer);
                to = OPEN;
                sets.put("volunteer_user_id", null);
                sets.put("volunteer_name", null);
            }
            default -> throw ProblemException.badRequest("Unknown action");
        }
        if (!requests.move(sql, id, from, to, sets, required, me, now)) {
            throw ProblemException.conflict("Someone else changed this request just now");
        }
        HelpRequest after = requests.find(sql, id).orElseThrow();
        notifier.changed(sql, after, from);
        return after;
    }

    /**
     * Asks for the same help again (recurring help): a new request with the same details, proposed
     * straight away to the volunteer who did it last time when they are still active (and still
     * have a valid VOG where needed); otherwise open for others.
     *
     * @param date the new date for help on a date; {@code null} keeps a weekly request weekly and
     *             makes a dated one flexible
     * @return the new request's id
     */
    public long repeat(Sql sql, Viewer viewer, long id, LocalDate date) {
        HelpRequest r = visible(sql, viewer, id).orElseThrow(ProblemException::notFound);
        if (!viewer.coordinator() && !r.isOwnedBy(viewer.userId())) {
            throw ProblemException.forbidden();
        }
        if (r.state() != DONE && r.state() != CLOSED) {
            throw ProblemException.conflict("Only help that was given can be asked for again");
        }
        if (date != null && date.isBefore(today())) {
            throw ProblemException.invalidField("date", "Deze datum is al voorbij / this date has passed");
        }
        HelpRequest.WhenKind when = r.whenKind();
        if (date != null) {
            when = HelpRequest.WhenKind.DATE;
        } else if (when == HelpRequest.WhenKind.DATE) {
            when = HelpRequest.WhenKind.FLEXIBLE;
        }
        NewRequest copy = new NewRequest(r.category(), r.description(), r.residentUserId(), r.residentName(), r.residentPhone(),
                r.address(), r.neighbourhood(), when, date, r.weekday(), r.windowStart(), r.windowEnd(), r.urgency(),
                r.oneToOneVulnerable(), r.visibility(), viewer.coordinator() && !r.isOwnedBy(viewer.userId()) || r.onBehalf(),
                "volunteering:" + r.id(), null, null, null);
        Instant now = clock.instant();
        long newId = requests.insert(sql, copy, OPEN, viewer.userId(), viewer.name(), now);
        Optional<Profile> same = r.volunteerUserId() == null ? Optional.empty()
                : profiles.ofUser(sql, r.volunteerUserId()).filter(Profile::active)
                        .filter(p -> !r.oneToOneVulnerable() || p.vogValid(today()));
        if (same.isPresent()) {
            Map<String, Object> sets = new LinkedHashMap<>();
            sets.put("volunteer_user_id", same.get().userId());
            sets.put("volunteer_name", same.get().displayName());
            requests.move(sql, newId, OPEN, PROPOSED, sets, null, viewer.userId(), now);
        }
        notifier.changed(sql, requests.find(sql, newId).orElseThrow(), same.isPresent() ? OPEN : null);
        return newId;
    }

    /** Whether the viewer may change what was asked: coordinators until it is finished; the person while nobody is on it yet. */
    public static boolean canEdit(Viewer viewer, HelpRequest r) {
        if (nl.samenredzaam.volunteering.internal.workflow.Workflow.isFinal(r.state()) || r.state() == DONE) {
            return false;
        }
        if (viewer.coordinator()) {
            return true;
        }
        return r.isOwnedBy(viewer.userId()) && (r.state() == SUBMITTED || r.state() == OPEN);
    }

    /**
     * Changes what was asked. Who it is for and the state stay; a request that now needs a VOG
     * cannot stay with a volunteer who has no valid one (409).
     */
    public HelpRequest edit(Sql sql, Viewer viewer, long id, NewRequest changed) {
        HelpRequest r = visible(sql, viewer, id).orElseThrow(ProblemException::notFound);
        if (!canEdit(viewer, r)) {
            throw r.isOwnedBy(viewer.userId()) || viewer.coordinator() ? ProblemException.conflict("This request can no longer be changed")
                    : ProblemException.forbidden();
        }
        if (changed.oneToOneVulnerable() && r.volunteerUserId() != null
                && profiles.ofUser(sql, r.volunteerUserId()).filter(p -> p.vogValid(today())).isEmpty()) {
            throw new ProblemException(409, "The volunteer on this request has no valid VOG",
                    Map.of("vulnerable", "De vrijwilliger heeft geen geldige VOG / the volunteer has no valid VOG"));
        }
        requests.updateDetails(sql, id, changed, clock.instant());
        return requests.find(sql, id).orElseThrow();
    }

    /** Moves requests whose date has passed to EXPIRED (the scheduled job). */
    public int expireOverdue(Sql sql) {
        int n = 0;
        for (HelpRequest r : requests.overdue(sql, today())) {
            if (requests.move(sql, r.id(), r.state(), State.EXPIRED, new HashMap<>(), null, null, clock.instant())) {
                notifier.changed(sql, requests.find(sql, r.id()).orElseThrow(), r.state());
                n++;
            }
        }
        return n;
    }

    private static void coordinator(Viewer viewer) {
        if (!viewer.coordinator()) {
            throw ProblemException.forbidden();
        }
    }

    private Profile eligibleVolunteer(Sql sql, HelpRequest r, Long volunteerUserId) {
        if (volunteerUserId == null) {
            throw ProblemException.invalidField("volunteerUserId", "Kies een vrijwilliger / choose a volunteer");
        }
        Profile p = profiles.ofUser(sql, volunteerUserId).filter(Profile::active)
                .orElseThrow(() -> ProblemException.invalidField("volunteerUserId", "Geen actieve vrijwilliger / not an active volunteer"));
        if (r.oneToOneVulnerable() && !p.vogValid(today())) {
            throw new ProblemException(409, "This request needs a volunteer with a valid VOG",
                    Map.of("volunteerUserId", "Geen geldige VOG / no valid VOG"));
        }
        return p;
    }

    private void requireVogIfNeeded(Sql sql, HelpRequest r, long volunteerUserId) {
        if (r.oneToOneVulnerable() && profiles.ofUser(sql, volunteerUserId).filter(p -> p.vogValid(today())).isEmpty()) {
            throw new ProblemException(409, "This request needs a volunteer with a valid VOG");
        }
    }
}
