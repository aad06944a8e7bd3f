package nl.samenredzaam.wmointake.internal;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.event.DomainEvents;
import nl.samenredzaam.api.event.EventOutbox;

/**
 * Domain events of this module through Event Admin (optional): topic
 * {@code samenredzaam/wmo-intake/<fact>}, properties {@code initiative} and {@code file} (ids only,
 * never names or text).
 *
 * <p>Never posted from inside the transaction that causes them (it may still roll back): they are
 * written to {@code wmo_intake_event_outbox} in that transaction and posted right after it commits
 * ({@link EventOutbox}); {@link WmoIntakeEventsJob} posts what was left behind (a crash between the
 * commit and the post, or no Event Admin at the time). At least once, oldest first.
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
    private final EventOutbox outbox;

    /** Records only: nothing is posted after the commit (the job posts). */
    Facts() {
        this(null);
    }

    /** Posts right after the commit through {@code database} (the platform's, or a test's). */
    Facts(Database database) {
        this.outbox = new EventOutbox("wmo_intake_event_outbox", Map.of(FILE, "file_id"), this::sink, () -> database);
    }

    void set(EventAdmin e) {
        events.set(e);
    }

    void unset(EventAdmin e) {
        events.compareAndSet(e, null);
    }

    /** Records a fact in the caller's transaction; posted once that has committed. */
    void post(Sql sql, String topic, long fileId, Instant now) {
        outbox.record(sql, topic, Map.of(FILE, fileId), now);
    }

    EventOutbox outbox() {
        return outbox;
    }

    private EventOutbox.Sink sink() {
        EventAdmin e = events.get();
        return e == null ? null : (topic, properties) -> e.postEvent(new Event(topic, properties));
    }
}
