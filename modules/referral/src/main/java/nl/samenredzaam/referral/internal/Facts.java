package nl.samenredzaam.referral.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.event.DomainEvents;

/**
 * Domain events of this module through Event Admin (optional): topic
 * {@code samenredzaam/referral/<fact>}, properties {@code initiative}, {@code referral} and, when
 * finished, {@code status} — ids and codes only, never names or text.
 *
 * <p>Never posted from inside the transaction that causes them (it may still roll back): they are
 * written to {@code referral_event_outbox} in that transaction, and {@link ReferralEventsJob} posts the
 * committed ones from a transaction of its own, within a scheduler tick. At least once: when the
 * job's transaction fails after posting, the same events come again.
 */
public final class Facts {

    public static final String RECEIVED = DomainEvents.topic(ReferralModule.ID, "referral-received");
    public static final String CONTACTED = DomainEvents.topic(ReferralModule.ID, "first-contact-made");
    public static final String FINISHED = DomainEvents.topic(ReferralModule.ID, "referral-finished");
    public static final String REFERRAL = "referral";
    public static final String STATUS = "status";

    /* Held as Object: Event Admin is an optional import, its types are only touched when it is there. */
    private final AtomicReference<Object> events = new AtomicReference<>();
    private final Clock clock;

    public Facts() {
        this(Clock.systemUTC());
    }

    Facts(Clock clock) {
        this.clock = clock;
    }

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
        sql.insert("insert into referral_event_outbox (initiative_id, topic, referral_id, status, created_at) "
                + "values (:initiative, :topic, :referral, :status, :now)", "topic", topic, "referral", referralId, "status", status,
                "now", clock.instant());
    }

    /**
     * Posts the committed facts of the initiative of {@code sql}, oldest first, at most
     * {@code limit}, and deletes them; without Event Admin they wait. Returns how many were posted.
     */
    int publish(Sql sql, int limit) {
        Object e = events.get();
        if (e == null) {
            return 0;
        }
        List<Object[]> pending = sql.list("select id, topic, referral_id, status from referral_event_outbox "
                + "where initiative_id = :initiative order by id limit " + Math.max(1, limit),
                r -> new Object[] {r.getLong(1), r.getString(2), r.getLong(3), r.getString(4)});
        for (Object[] p : pending) {
            Map<String, Object> properties = p[3] == null
                    ? Map.of(DomainEvents.INITIATIVE, sql.initiativeId(), REFERRAL, p[2])
                    : Map.of(DomainEvents.INITIATIVE, sql.initiativeId(), REFERRAL, p[2], STATUS, p[3]);
            ((EventAdmin) e).postEvent(new Event((String) p[1], properties));
            sql.update("delete from referral_event_outbox where initiative_id = :initiative and id = :id", "id", p[0]);
        }
        return pending.size();
    }
}
