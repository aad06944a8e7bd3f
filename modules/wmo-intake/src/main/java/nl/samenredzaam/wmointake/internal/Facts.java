package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.event.DomainEvents;

/**
 * Domain events of this module through Event Admin (optional): topic
 * {@code samenredzaam/wmo-intake/<fact>}, properties {@code initiative} and {@code file} (ids only,
 * never names or text).
 *
 * <p>Never posted from inside the transaction that causes them (it may still roll back): they are
 * written to {@code wmo_intake_event_outbox} in that transaction, and {@link WmoIntakeEventsJob}
 * posts the committed ones from a transaction of its own, within a scheduler tick. At least once:
 * when the job's transaction fails after posting, the same events come again.
 */
public final class Facts {

    public static final String MELDING_REGISTERED = DomainEvents.topic(WmoIntakeModule.ID, "melding-registered");
    public static final String VERSLAG_SENT = DomainEvents.topic(WmoIntakeModule.ID, "verslag-sent");
    public static final String AANVRAAG_MADE = DomainEvents.topic(WmoIntakeModule.ID, "aanvraag-made");
    public static final String DECISION_RECORDED = DomainEvents.topic(WmoIntakeModule.ID, "decision-recorded");
    public static final String FILE_CLOSED = DomainEvents.topic(WmoIntakeModule.ID, "file-closed");
    public static final String FILE_REOPENED = DomainEvents.topic(WmoIntakeModule.ID, "file-reopened");
    public static final String FILE = "file";

    private final AtomicReference<EventAdmin> events = new AtomicReference<>();

    void set(EventAdmin e) {
        events.set(e);
    }

    void unset(EventAdmin e) {
        events.compareAndSet(e, null);
    }

    /** Records a fact in the caller's transaction; posted once that has committed. */
    void post(Sql sql, String topic, long fileId, Instant now) {
        sql.insert("insert into wmo_intake_event_outbox (initiative_id, topic, file_id, created_at) "
                + "values (:initiative, :topic, :file, :now)", "topic", topic, "file", fileId, "now", now);
    }

    /**
     * Posts the committed facts of the initiative of {@code sql}, oldest first, at most
     * {@code limit}, and deletes them; without Event Admin they wait. Returns how many were posted.
     */
    int publish(Sql sql, int limit) {
        EventAdmin e = events.get();
        if (e == null) {
            return 0;
        }
        List<Object[]> pending = sql.list("select id, topic, file_id from wmo_intake_event_outbox "
                + "where initiative_id = :initiative order by id limit " + Math.max(1, limit),
                r -> new Object[] {r.getLong(1), r.getString(2), r.getLong(3)});
        for (Object[] p : pending) {
            e.postEvent(new Event((String) p[1], Map.of(DomainEvents.INITIATIVE, sql.initiativeId(), FILE, p[2])));
            sql.update("delete from wmo_intake_event_outbox where initiative_id = :initiative and id = :id", "id", p[0]);
        }
        return pending.size();
    }
}
