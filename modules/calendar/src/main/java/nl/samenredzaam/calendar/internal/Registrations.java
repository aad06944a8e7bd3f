package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.calendar.api.Participant;
import nl.samenredzaam.calendar.api.Registration.Status;
import nl.samenredzaam.calendar.internal.CalendarException.Reason;

/**
 * The registration rules: places are taken under a lock on the activity row (so two people can't
 * take the last place, on H2 and PostgreSQL alike), a full occurrence puts people on the waitlist,
 * a place that frees up goes to the first person waiting, who is told by e-mail.
 */
public final class Registrations {

    /** How far ahead "the whole series" reaches. */
    static final Duration SERIES_HORIZON = Duration.ofDays(92);

    private final ActivityRepository activities;
    private final RegistrationRepository registrations;
    private final Occurrences occurrences;
    private final Notifier notifier;
    private final Clock clock;

    public Registrations(ActivityRepository activities, RegistrationRepository registrations, Notifier notifier, Clock clock) {
        this.activities = activities;
        this.registrations = registrations;
        this.occurrences = new Occurrences(activities, registrations);
        this.notifier = notifier;
        this.clock = clock;
    }

    public Occurrences occurrences() {
        return occurrences;
    }

    /**
     * Registers someone for one occurrence: a place when there is one, else the waitlist (when the
     * activity has one). Registering twice returns the existing registration.
     *
     * @param email        address for notices when registered on someone's behalf, or {@code null}
     * @param registeredBy the account that does it
     */
    public RegistrationRow register(Sql sql, long activityId, Instant key, Participant p, String email, Long registeredBy) {
        Activity a = activities.lock(sql, activityId).orElseThrow(() -> new CalendarException(Reason.NO_ACTIVITY));
        return registerLocked(sql, a, key, p, email, registeredBy);
    }

    private RegistrationRow registerLocked(Sql sql, Activity a, Instant key, Participant p, String email, Long registeredBy) {
        if (!a.takesRegistrations()) {
            throw new CalendarException(a.status() == Activity.Status.CANCELLED ? Reason.CANCELLED : Reason.NOT_OPEN);
        }
        Occurrence o = occurrences.one(sql, a, key).orElseThrow(() -> new CalendarException(Reason.NO_OCCURRENCE));
        if (o.isCancelled()) {
            throw new CalendarException(Reason.CANCELLED);
        }
        Instant now = clock.instant();
        if (!o.end().isAfter(now)) {
            throw new CalendarException(Reason.PAST);
        }
        Optional<RegistrationRow> existing = registrations.active(sql, a.id(), key, p.userId(), p.name(), blank(p.phone()));
        if (existing.isPresent()) {
            return existing.get();
        }
        int taken = registrations.placesTaken(sql, a.id(), key);
        Status status;
        if (a.capacity() == null || taken < a.capacity()) {
            status = Status.REGISTERED;
        } else if (a.waitlist()) {
            status = Status.WAITLISTED;
        } else {
            throw new CalendarException(Reason.FULL);
        }
        long id = registrations.insert(sql, a.id(), key, p.userId(), p.name(), blank(p.phone()), blank(email), registeredBy,
                status, now);
        notifier.registrationMade(sql, a.id(), id, now);
        return registrations.find(sql, id).orElseThrow();
    }

    /**
     * Registers someone for every coming occurrence of the series within {@link #SERIES_HORIZON}
     * (skipping cancelled ones); returns the registrations made or found.
     */
    public List<RegistrationRow> registerSeries(Sql sql, long activityId, Participant p, String email, Long registeredBy) {
        Activity a = activities.lock(sql, activityId).orElseThrow(() -> new CalendarException(Reason.NO_ACTIVITY));
        Instant now = clock.instant();
        List<RegistrationRow> made = new ArrayList<>();
        for (Occurrence o : occurrences.of(sql, a, now, now.plus(SERIES_HORIZON))) {
            if (!o.isCancelled()) {
                made.add(registerLocked(sql, a, o.key(), p, email, registeredBy));
            }
        }
        if (made.isEmpty()) {
            throw new CalendarException(Reason.NO_OCCURRENCE);
        }
        return made;
    }

    /**
     * Cancels a registration; when it held a place, the first person on the waitlist gets it
     * and is told by e-mail.
     *
     * @param link turns a path in the initiative into the address used in the e-mail
     */
    public RegistrationRow cancel(Sql sql, long registrationId, UnaryOperator<String> link) {
        RegistrationRow r = registrations.find(sql, registrationId).orElseThrow(() -> new CalendarException(Reason.NO_REGISTRATION));
        Activity a = activities.lock(sql, r.activityId()).orElseThrow(() -> new CalendarException(Reason.NO_ACTIVITY));
        r = registrations.find(sql, registrationId).orElseThrow();
        if (r.status() != Status.REGISTERED && r.status() != Status.WAITLISTED) {
            return r;
        }
        registrations.setStatus(sql, r.id(), Status.CANCELLED, clock.instant());
        if (r.status() == Status.REGISTERED) {
            promote(sql, a, r.occurrenceStart(), link);
        }
        return registrations.find(sql, registrationId).orElseThrow();
    }

    /** Cancels a person's registrations for all coming occurrences of an activity. */
    public int cancelSeries(Sql sql, long activityId, long userId, UnaryOperator<String> link) {
        activities.lock(sql, activityId).orElseThrow(() -> new CalendarException(Reason.NO_ACTIVITY));
        int n = 0;
        for (RegistrationRow r : registrations.activeForActivity(sql, activityId, userId, clock.instant())) {
            cancel(sql, r.id(), link);
            n++;
        }
        return n;
    }

    /**
     * Gives free places of an occurrence to the waitlist, in order of arrival; call with the
     * activity locked. Returns the people promoted.
     */
    public List<RegistrationRow> promote(Sql sql, Activity a, Instant key, UnaryOperator<String> link) {
        List<RegistrationRow> promoted = new ArrayList<>();
        Instant now = clock.instant();
        Occurrence o = occurrences.one(sql, a, key).orElse(null);
        if (o == null || o.isCancelled() || !o.end().isAfter(now)) {
            return promoted;
        }
        while (a.capacity() == null || registrations.placesTaken(sql, a.id(), key) < a.capacity()) {
            Optional<RegistrationRow> next = registrations.nextWaiting(sql, a.id(), key);
            if (next.isEmpty()) {
                break;
            }
            RegistrationRow r = next.get();
            registrations.setStatus(sql, r.id(), Status.REGISTERED, now);
            promoted.add(r);
            String when = Formats.DUTCH.when(o.start(), o.end());
            notifier.mail(sql, r, "Er is een plek voor u: " + a.title(),
                    "Beste " + r.name() + ",\n\n"
                    + "Er is een plek vrijgekomen bij \"" + a.title() + "\" op " + when + ".\n"
                    + "U stond op de wachtlijst. U bent nu ingeschreven.\n\n"
                    + "Kunt u toch niet? Meld u dan af, dan krijgt iemand anders de plek:\n"
                    + link.apply("/calendar/activities/" + a.id()) + "\n\n"
                    + "(English: a place became free and you are now registered.)\n");
        }
        return promoted;
    }

    /** Promotes the waitlists of all coming occurrences, e.g. after the capacity went up. */
    public void promoteAll(Sql sql, long activityId, UnaryOperator<String> link) {
        Activity a = activities.lock(sql, activityId).orElseThrow(() -> new CalendarException(Reason.NO_ACTIVITY));
        Instant now = clock.instant();
        for (Occurrence o : occurrences.of(sql, a, now.minus(Duration.ofDays(14)), now.plus(Duration.ofDays(800)))) {
            if (o.waitlisted() > 0) {
                promote(sql, a, o.key(), link);
            }
        }
    }

    /** Records attendance for a registration with a place; from the day of the occurrence on. */
    public RegistrationRow attendance(Sql sql, long registrationId, boolean present) {
        RegistrationRow r = registrations.find(sql, registrationId).orElseThrow(() -> new CalendarException(Reason.NO_REGISTRATION));
        if (!r.hasPlace()) {
            throw new CalendarException(Reason.NO_REGISTRATION);
        }
        Activity a = activities.find(sql, r.activityId()).orElseThrow(() -> new CalendarException(Reason.NO_ACTIVITY));
        Occurrence o = occurrences.one(sql, a, r.occurrenceStart()).orElseThrow(() -> new CalendarException(Reason.NO_OCCURRENCE));
        if (Formats.date(o.start()).isAfter(Formats.date(clock.instant()))) {
            throw new CalendarException(Reason.NOT_STARTED);
        }
        Status status = present ? Status.PRESENT : Status.ABSENT;
        if (r.status() != status) {
            registrations.setStatus(sql, r.id(), status, clock.instant());
            if (present) {
                notifier.attended(sql, a.id(), r.id(), clock.instant());
            }
        }
        return registrations.find(sql, registrationId).orElseThrow();
    }

    /** What cancelling an occurrence did: who got an e-mail, who must be phoned. */
    public record CancelResult(int mailed, List<RegistrationRow> toCall) {
    }

    /** Cancels one occurrence: everyone registered or waiting is cancelled and told. */
    public CancelResult cancelOccurrence(Sql sql, long activityId, Instant key, String reason) {
        Activity a = activities.lock(sql, activityId).orElseThrow(() -> new CalendarException(Reason.NO_ACTIVITY));
        Occurrence o = occurrences.one(sql, a, key).orElseThrow(() -> new CalendarException(Reason.NO_OCCURRENCE));
        Instant now = clock.instant();
        activities.saveChange(sql, new ActivityRepository.Change(a.id(), key, true, o.moved() ? o.start() : null,
                o.moved() ? o.end() : null, blank(reason)));
        activities.touch(sql, a.id(), now);
        int mailed = 0;
        List<RegistrationRow> toCall = new ArrayList<>();
        String when = Formats.DUTCH.when(o.start(), o.end());
        for (RegistrationRow r : registrations.forOccurrence(sql, a.id(), key)) {
            if (r.status() != Status.REGISTERED && r.status() != Status.WAITLISTED) {
                continue;
            }
            registrations.setStatus(sql, r.id(), Status.CANCELLED, now);
            boolean sent = notifier.mail(sql, r, "Gaat niet door: " + a.title(), "Beste " + r.name() + ",\n\n\""
                    + a.title() + "\" op " + when + " gaat niet door." + (blank(reason) == null ? "" : "\nReden: " + reason.strip())
                    + "\nUw inschrijving is daarom vervallen.\n\n(English: this activity is cancelled.)\n");
            if (sent) {
                mailed++;
            } else {
                toCall.add(r);
            }
        }
        return new CancelResult(mailed, toCall);
    }

    /** Moves one occurrence to another time; registrations stay and everyone with an e-mail address is told. */
    public Occurrence moveOccurrence(Sql sql, long activityId, Instant key, Instant newStart, Instant newEnd) {
        Activity a = activities.lock(sql, activityId).orElseThrow(() -> new CalendarException(Reason.NO_ACTIVITY));
        Occurrence o = occurrences.one(sql, a, key).orElseThrow(() -> new CalendarException(Reason.NO_OCCURRENCE));
        activities.saveChange(sql, new ActivityRepository.Change(a.id(), key, o.cancelled(), newStart, newEnd, o.note()));
        activities.touch(sql, a.id(), clock.instant());
        String was = Formats.DUTCH.when(o.start(), o.end());
        String now = Formats.DUTCH.when(newStart, newEnd);
        for (RegistrationRow r : registrations.forOccurrence(sql, a.id(), key)) {
            if (r.status() == Status.REGISTERED || r.status() == Status.WAITLISTED) {
                notifier.mail(sql, r, "Andere tijd: " + a.title(), "Beste " + r.name() + ",\n\n\"" + a.title()
                        + "\" van " + was + " is verplaatst naar " + now + ".\nUw inschrijving blijft staan. "
                        + "Kunt u dan niet? Meld u dan af, dan krijgt iemand anders de plek.\n\n"
                        + "(English: this activity has moved to another time; your registration stays.)\n");
            }
        }
        return occurrences.one(sql, activities.find(sql, a.id()).orElseThrow(), key).orElseThrow();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
