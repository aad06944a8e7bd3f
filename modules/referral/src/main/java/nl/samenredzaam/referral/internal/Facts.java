package nl.samenredzaam.referral.internal;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.event.DomainEvents;
import nl.samenredzaam.api.event.EventOutbox;
import nl.samenredzaam.api.job.ScheduledJob;

/**
 * Domain events of this module through Event Admin (optional): topic
 * {@code samenredzaam/referral/<fact>}, properties {@code initiative}, {@code referral} and, when
 * finished, {@code status} — ids and codes only, never names or text.
 *
 * <p>Never posted from inside the transaction that causes them (it may still roll back): they are
 * written to {@code referral_event_outbox} in that transaction and posted right after it commits
 * ({@link EventOutbox}). As the module's scheduled job {@code publish-events} it also posts what was
 * left behind (a crash between the commit and the post, or no Event Admin at the time). At least
 * once, oldest first.
 */
@Component(service = {Facts.class, ScheduledJob.class})
public final class Facts implements EventOutbox.Job {

    public static final String RECEIVED = DomainEvents.topic(ReferralModule.ID, "referral-received");
    public static final String CONTACTED = DomainEvents.topic(ReferralModule.ID, "first-contact-made");
    public static final String FINISHED = DomainEvents.topic(ReferralModule.ID, "referral-finished");
    public static final String REFERRAL = "referral";
    public static final String STATUS = "status";

    /* Held as Object: Event Admin is an optional import, its types are only touched when it is there. */
    private final AtomicReference<Object> events = new AtomicReference<>();
    private final Clock clock;
    private final EventOutbox outbox;

    /** Records only: nothing is posted after the commit (the job posts). */
    public Facts() {
        this(Clock.systemUTC(), null);
    }

    @Activate
    public Facts(@Reference Database database) {
        this(Clock.systemUTC(), database);
    }

    Facts(Clock clock, Database database) {
        this.clock = clock;
        this.outbox = new EventOutbox("referral_event_outbox", Map.of(REFERRAL, "referral_id", STATUS, "status"), this::sink,
                () -> database);
    }

    @Reference(name = "events", service = EventAdmin.class, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, unbind = "unset")
    void set(Object eventAdmin) {
        events.set(eventAdmin);
    }

    void unset(Object eventAdmin) {
        events.compareAndSet(eventAdmin, null);
    }

    /** Records a fact in the caller's transaction; posted once that has committed. */
    void post(Sql sql, String topic, long referralId) {
        record(sql, topic, referralId, null);
    }

    void finished(Sql sql, long referralId, ReferralStatus status) {
        record(sql, FINISHED, referralId, status.name());
    }

    private void record(Sql sql, String topic, long referralId, String status) {
        Map<String, Object> properties = new HashMap<>();
        properties.put(REFERRAL, referralId);
        properties.put(STATUS, status);
        outbox.record(sql, topic, properties, clock.instant());
    }

    /** Posts the facts of the initiative of {@code sql} still waiting, oldest first; returns how many. */
    int publishPending(Sql sql) {
        return outbox.publishPending(sql);
    }

    @Override
    public String moduleId() {
        return ReferralModule.ID;
    }

    @Override
    public EventOutbox outbox() {
        return outbox;
    }

    private EventOutbox.Sink sink() {
        Object e = events.get();
        if (e == null) {
            return null;
        }
        EventAdmin admin = (EventAdmin) e;
        return (topic, properties) -> admin.postEvent(new Event(topic, properties));
    }
}
