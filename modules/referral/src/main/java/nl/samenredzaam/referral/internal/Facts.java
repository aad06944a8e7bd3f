package nl.samenredzaam.referral.internal;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.event.DomainEvents;

/**
 * Domain events of this module through Event Admin (optional): topic
 * {@code samenredzaam/referral/<fact>}, properties {@code initiative}, {@code referral} and, when
 * finished, {@code status} — ids and codes only, never names or text.
 */
public final class Facts {

    public static final String RECEIVED = DomainEvents.topic(ReferralModule.ID, "referral-received");
    public static final String CONTACTED = DomainEvents.topic(ReferralModule.ID, "first-contact-made");
    public static final String FINISHED = DomainEvents.topic(ReferralModule.ID, "referral-finished");
    public static final String REFERRAL = "referral";
    public static final String STATUS = "status";

    /* Held as Object: Event Admin is an optional import, its types are only touched when it is there. */
    private final AtomicReference<Object> events = new AtomicReference<>();

    void set(Object eventAdmin) {
        events.set(eventAdmin);
    }

    void unset(Object eventAdmin) {
        events.compareAndSet(eventAdmin, null);
    }

    void post(String topic, long initiativeId, long referralId) {
        post(topic, Map.of(DomainEvents.INITIATIVE, initiativeId, REFERRAL, referralId));
    }

    void finished(long initiativeId, long referralId, ReferralStatus status) {
        post(FINISHED, Map.of(DomainEvents.INITIATIVE, initiativeId, REFERRAL, referralId, STATUS, status.name()));
    }

    private void post(String topic, Map<String, Object> properties) {
        Object e = events.get();
        if (e != null) {
            ((EventAdmin) e).postEvent(new Event(topic, properties));
        }
    }
}
