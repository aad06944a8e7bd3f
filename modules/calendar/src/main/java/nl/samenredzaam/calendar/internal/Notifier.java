package nl.samenredzaam.calendar.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.event.DomainEvents;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
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
 * {@code calendar_event_outbox} in the caller's transaction instead, and {@link #publish} posts
 * them from a later transaction, so only committed facts are told. Delivery is at least once:
 * when the publishing transaction fails after posting, the same events are posted again.
 */
@Component(service = Notifier.class)
public final class Notifier {

    public static final String REGISTRATION_MADE = DomainEvents.topic(CalendarModule.ID, "registration-made");
    public static final String ATTENDED = DomainEvents.topic(CalendarModule.ID, "attended");

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Mailer mailer;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile EventAdmin events;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    volatile Directory directory;

    public Notifier() {
    }

    /** For tests and plain use. */
    public Notifier(Mailer mailer, EventAdmin events, Directory directory) {
        this.mailer = mailer;
        this.events = events;
        this.directory = directory;
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

    private static void record(Sql sql, String topic, long activityId, long registrationId, Instant now) {
        sql.insert("insert into calendar_event_outbox (initiative_id, topic, activity_id, registration_id, created_at) "
                + "values (:initiative, :topic, :activity, :registration, :now)",
                "topic", topic, "activity", activityId, "registration", registrationId, "now", now);
    }

    /**
     * Posts the committed events of the initiative of {@code sql}, oldest first, at most
     * {@code limit}, and deletes them. Without Event Admin nothing is posted and the events wait.
     *
     * @return the number of events posted
     */
    public int publish(Sql sql, int limit) {
        EventAdmin admin = events;
        if (admin == null) {
            return 0;
        }
        List<Pending> pending = sql.list("select id, topic, activity_id, registration_id from calendar_event_outbox "
                + "where initiative_id = :initiative order by id limit " + Math.max(1, limit), r -> new Pending(r.getLong("id"), r.getString("topic"),
                        r.getLong("activity_id"), r.getLong("registration_id")));
        int posted = 0;
        for (Pending p : pending) {
            admin.postEvent(new Event(p.topic(), Map.of(DomainEvents.INITIATIVE, sql.initiativeId(), "activity", p.activity(),
                    "registration", p.registration())));
            sql.update("delete from calendar_event_outbox where initiative_id = :initiative and id = :id", "id", p.id());
            posted++;
        }
        return posted;
    }

    private record Pending(long id, String topic, long activity, long registration) {
    }
}
