package nl.samenredzaam.volunteering.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.consent.Consents;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.module.ModuleSwitches;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.WebRequest;

/** What the pages and the API share: settings, the clock, the optional calendar and directory, audit. */
final class Web {

    static final String REVIEW_FIRST = "review-first";
    static final String COORDINATOR_CONFIRMS = "coordinator-confirms";
    static final String RECORD = "volunteering.request";
    static final String PURPOSE = "coordination";

    private final Clock clock;
    private final Supplier<ActivityOffer> activities;
    private final Supplier<Directory> directory;
    private final Supplier<ModuleSwitches> switches;
    private final Supplier<Consents> consents;

    /** Without the consent register (tests of other things): nobody consented. */
    Web(Clock clock, Supplier<ActivityOffer> activities, Supplier<Directory> directory, Supplier<ModuleSwitches> switches) {
        this(clock, activities, directory, switches, () -> null);
    }

    Web(Clock clock, Supplier<ActivityOffer> activities, Supplier<Directory> directory, Supplier<ModuleSwitches> switches,
            Supplier<Consents> consents) {
        this.clock = clock;
        this.activities = activities;
        this.directory = directory;
        this.switches = switches;
        this.consents = consents;
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), RequestForm.AMSTERDAM);
    }

    static Requests.Policy policy(WebRequest req) {
        return new Requests.Policy(yes(req.setting(REVIEW_FIRST), true), yes(req.setting(COORDINATOR_CONFIRMS), false));
    }

    static boolean yes(String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("ja") || v.equals("yes") || v.equals("true")) {
            return true;
        }
        if (v.equals("nee") || v.equals("no") || v.equals("false")) {
            return false;
        }
        return fallback;
    }

    /** Upcoming activities in the next 60 days when the calendar is there and enabled; else empty (free text). */
    List<Activity> activities(Sql sql) {
        ActivityOffer offer = activities.get();
        ModuleSwitches on = switches.get();
        if (offer == null || on == null || !on.isEnabled(sql.initiativeId(), "calendar")) {
            return List.of();
        }
        try {
            Instant now = clock.instant();
            return offer.upcoming(sql, now, now.plus(Duration.ofDays(60)), 30);
        } catch (RuntimeException | LinkageError e) {
            return List.of(); // the calendar went away or failed: the form still works with free text
        }
    }

    /** Residents the coordinator can file a request for (when the member directory is there). */
    List<Member> residents(Sql sql) {
        Directory d = directory.get();
        return d == null ? List.of() : d.withRole(sql, Role.RESIDENT);
    }

    /** The display name of a member of this initiative, if they are one. */
    Optional<String> memberName(Sql sql, long userId) {
        Directory d = directory.get();
        return d == null ? Optional.empty() : d.member(sql, userId).map(Member::displayName);
    }

    /**
     * An access-log entry when someone reads or changes a request that is not their own and not
     * assigned to them: in practice a coordinator.
     */
    static void auditIfOthers(WebRequest req, Viewer viewer, HelpRequest r, AuditEvent.Action action) {
        if (!viewer.coordinator() || r.isOwnedBy(viewer.userId())) {
            return;
        }
        req.audit(new AuditEvent(action, RECORD, Long.toString(r.id()), r.residentUserId(),
                r.residentUserId() == null ? RECORD + ":" + r.id() : null, PURPOSE, true));
    }

    /** The viewer as someone asking for themselves: for checking a changed request, where who it is for does not change. */
    static Viewer asAsker(Viewer v) {
        return new Viewer(v.userId(), v.name(), false, v.volunteer(), true);
    }

    /**
     * A request as this viewer may see it, with the initiative's category labels. The register is asked
     * about the phone number only for a volunteer who may see the contact details; without the
     * platform's register nobody consented (fail closed).
     */
    RequestView view(WebRequest req, HelpRequest r, Viewer v, List<String> actions) {
        boolean asked = Requests.canSeeContact(v, r) && !v.coordinator() && !r.isOwnedBy(v.userId()) && r.residentUserId() != null;
        return RequestView.of(r, v, req.locale(), actions, Categories.of(req), asked && phoneShared(req.sql(), r.residentUserId()));
    }

    /** Whether the person agreed, for the current text, that the volunteer who helps them sees their phone number. */
    boolean phoneShared(Sql sql, long residentUserId) {
        Consents register = consents.get();
        return register != null && register.given(sql, residentUserId, VolunteeringModule.ID, PhoneConsent.PURPOSE);
    }

    static DateTimeFormatter dates(Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).withZone(RequestForm.AMSTERDAM);
    }

    static DateTimeFormatter dateTimes(Locale locale) {
        return DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm", locale).withZone(RequestForm.AMSTERDAM);
    }
}
