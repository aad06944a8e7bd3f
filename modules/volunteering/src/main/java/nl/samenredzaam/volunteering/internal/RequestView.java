package nl.samenredzaam.volunteering.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;

/**
 * A help request as one viewer may see it: name, phone and address are {@code null} unless
 * {@link Requests#canSeeContact} allows them, and the phone also for a volunteer unless the person
 * consented to sharing it ({@link PhoneConsent}; {@code phoneWithheld} then says there is one); who filed it is shown to coordinators and the person
 * only. This is what pages and the API show; {@link HelpRequest} itself never leaves the bundle.
 */
public record RequestView(long id, String category, String categoryLabel, String description, String neighbourhood,
        String when, LocalDate date, Integer weekday, String from, String to, String urgency, boolean vulnerable,
        String visibility, String state, String residentName, String residentPhone, String address, boolean onBehalf,
        String filedBy, String activityTitle, Instant activityStart, Long volunteerUserId, String volunteerName,
        Integer minutesSpent, String feedback, String residentFeedback, Instant createdAt, boolean contactShown, List<String> actions,
        boolean phoneWithheld) {

    /** For tests of who sees what: as if the person agreed to share the phone number. */
    static RequestView of(HelpRequest r, Viewer viewer, Locale locale, List<String> actions) {
        return of(r, viewer, locale, actions, Categories.ALL, true);
    }

    /**
     * @param phoneShared whether the person consented to sharing the phone number with the volunteer
     *                    ({@link PhoneConsent}); only asked about for a volunteer who may see the contact
     */
    static RequestView of(HelpRequest r, Viewer viewer, Locale locale, List<String> actions,
            List<nl.samenredzaam.volunteering.api.HelpRequestService.Category> categories, boolean phoneShared) {
        boolean contact = Requests.canSeeContact(viewer, r);
        boolean insider = viewer.coordinator() || r.isOwnedBy(viewer.userId());
        boolean phone = contact && (insider || phoneShared || r.residentUserId() == null);
        boolean withheld = contact && !phone && r.residentPhone() != null;
        boolean assigned = r.isAssignedTo(viewer.userId());
        return new RequestView(r.id(), r.category(), Categories.label(r.category(), locale, categories), r.description(), r.neighbourhood(),
                r.whenKind().name().toLowerCase(Locale.ROOT), r.preferredDate(), r.weekday(), time(r.windowStart()),
                time(r.windowEnd()), r.urgency().name().toLowerCase(Locale.ROOT), r.oneToOneVulnerable(),
                r.visibility().name().toLowerCase(Locale.ROOT), r.state().name().toLowerCase(Locale.ROOT),
                contact ? r.residentName() : null, phone ? r.residentPhone() : null, contact ? r.address() : null,
                insider && r.onBehalf(), insider && r.onBehalf() ? r.createdByName() : null, r.activityTitle(), r.activityStart(),
                insider || assigned ? r.volunteerUserId() : null, insider || assigned ? r.volunteerName() : null,
                insider || assigned ? r.minutesSpent() : null, insider || assigned ? r.feedback() : null,
                insider || assigned ? r.residentFeedback() : null, r.createdAt(), contact,
                actions, withheld);
    }

    /** The actions the viewer can take now (lower-case names of {@link Requests.Action}). */
    static List<String> actionsFor(HelpRequest r, Viewer v) {
        java.util.List<String> a = new java.util.ArrayList<>();
        State s = r.state();
        long me = v.userId();
        if (v.coordinator()) {
            if (s == State.SUBMITTED) {
                a.add("publish");
            }
            if (s == State.SUBMITTED || s == State.OPEN) {
                a.add("propose");
                a.add("confirm");
            }
            if (s == State.PROPOSED) {
                a.add("confirm");
            }
            if (s == State.PROPOSED || s == State.CONFIRMED) {
                a.add("withdraw");
            }
            if (s == State.SUBMITTED || s == State.OPEN || s == State.PROPOSED) {
                a.add("no_match");
            }
            if (s == State.NO_MATCH || s == State.EXPIRED) {
                a.add("reopen");
            }
        }
        if (v.volunteer()) {
            if (s == State.OPEN && r.visibility() == HelpRequest.Visibility.VOLUNTEERS && !r.isAssignedTo(me)) {
                a.add("accept");
            }
            if (s == State.PROPOSED && r.isAssignedTo(me)) {
                a.add("accept");
                a.add("decline");
            }
            if (s == State.CONFIRMED && r.isAssignedTo(me) && !a.contains("withdraw")) {
                a.add("withdraw");
            }
        }
        if (s == State.CONFIRMED && (v.coordinator() || (v.volunteer() && r.isAssignedTo(me)))) {
            a.add("complete");
        }
        if (s == State.DONE && (v.coordinator() || r.isOwnedBy(me))) {
            a.add("close");
        }
        if ((s == State.DONE || s == State.CLOSED) && (v.coordinator() || r.isOwnedBy(me))) {
            a.add("repeat");
        }
        if (Requests.canEdit(v, r)) {
            a.add("edit");
        }
        if ((v.coordinator() || r.isOwnedBy(me)) && (s == State.SUBMITTED || s == State.OPEN || s == State.PROPOSED
                || s == State.CONFIRMED || s == State.NO_MATCH)) {
            a.add("cancel");
        }
        return a;
    }

    static String time(Integer minutes) {
        return minutes == null ? null : String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
    }
}
