package nl.samenredzaam.calendar.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.event.DomainEvents;
import nl.samenredzaam.api.event.EventOutbox;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.job.ScheduledJob;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.mail.Mailer;

/**
 * Tells the outside world: e-mail through the platform's {@link Mailer} (queued in the caller's
 * transaction) and domain events through Event Admin (ids only). Both are optional: without them
 * the calendar works and simply sends nothing.
 *
 * <p>Domain events are never posted from inside the transaction that causes them: that
 * transaction may still roll back (a later statement fails, the request ends in an error), and a
 * listener would then act on a registration that does not exist. They are written to
 * {@code calendar_event_outbox} in the caller's transaction and posted right after it commits
 * ({@link EventOutbox}). As the calendar's scheduled job {@code publish-events} this component also
 * posts what was left behind (a crash between the commit and the post, or no Event Admin at the
 * time). Delivery is at least once, oldest first.
 */
@Component(service = {Notifier.class, ScheduledJob.class})
public final class Notifier implements EventOutbox.Job {

    public static final String REGISTRATION_MADE = DomainEvents.topic(CalendarModule.ID, "registration-made");
    public static final String ATTENDED = DomainEvents.topic(CalendarModule.ID, "attended");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Mailer mailer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Directory directory;
    /** For posting right after the commit; without it the job posts. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Database database;

    private final EventOutbox outbox = new EventOutbox("calendar_event_outbox",
            Map.of("activity", "activity_id", "registration", "registration_id"), this::sink, () -> database);

    public Notifier() {
    }

    /** For tests and plain use: events are posted by the job only. */
    public Notifier(Mailer mailer, EventAdmin events, Directory directory) {
        this(mailer, events, directory, null);
    }

    /** For tests and plain use: events are posted right after the commit through {@code database}. */
    public Notifier(Mailer mailer, EventAdmin events, Directory directory, Database database) {
        this.mailer = mailer;
        this.events = events;
        this.directory = directory;
        this.database = database;
    }

    /** The e-mail address to use for a registration: the one given with it, else the account's. */
    public Optional<String> emailOf(Sql sql, RegistrationRow r) {
        if (r.email() != null && !r.email().isBlank()) {
            return Optional.of(r.email());
        }
        Directory d = directory;
        if (r.userId() == null || d == null) {
            return Optional.empty();
        }
        return d.member(sql, r.userId()).map(Member::email).filter(e -> !e.isBlank());
    }

    /** Queues a mail to the person of a registration; false when there is no address or no mailer. */
    public boolean mail(Sql sql, RegistrationRow r, String subject, String body) {
        Mailer m = mailer;
        Optional<String> to = emailOf(sql, r);
        if (m == null || to.isEmpty()) {
            return false;
        }
        m.send(sql, new Mail(to.get(), subject, body));
        return true;
    }

    /** Records "registration made" in the caller's transaction; posted once that has committed. */
    public void registrationMade(Sql sql, long activityId, long registrationId, Instant now) {
        record(sql, REGISTRATION_MADE, activityId, registrationId, now);
    }

    /** Records "attended" in the caller's transaction; posted once that has committed. */
    public void attended(Sql sql, long activityId, long registrationId, Instant now) {
        record(sql, ATTENDED, activityId, registrationId, now);
    }

    private void record(Sql sql, String topic, long activityId, long registrationId, Instant now) {
        outbox.record(sql, topic, Map.of("activity", activityId, "registration", registrationId), now);
    }

    /**
     * Posts the events of the initiative of {@code sql} still waiting, oldest first, and deletes them.
     * Without Event Admin nothing is posted and the events wait.
     *
     * @return the number of events posted
     */
    public int publishPending(Sql sql) {
        return outbox.publishPending(sql);
    }

    private EventOutbox.Sink sink() {
        EventAdmin admin = events;
        return admin == null ? null : (topic, properties) -> admin.postEvent(new Event(topic, properties));
    }

    @Override
    public String moduleId() {
        return CalendarModule.ID;
    }

    @Override
    public EventOutbox outbox() {
        return outbox;
    }
}
