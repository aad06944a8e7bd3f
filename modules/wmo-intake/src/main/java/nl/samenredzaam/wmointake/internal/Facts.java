package nl.samenredzaam.wmointake.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.event.DomainEvents;

/**
 * Domain events of this module through Event Admin (optional): topic
 * {@code samenredzaam/wmo-intake/<fact>}, properties {@code initiative} and {@code file} (ids only,
 * never names or text).
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

    void post(String topic, long initiativeId, long fileId) {
        EventAdmin e = events.get();
        if (e != null) {
            e.postEvent(new Event(topic, Map.of(DomainEvents.INITIATIVE, initiativeId, FILE, fileId)));
        }
    }
}
