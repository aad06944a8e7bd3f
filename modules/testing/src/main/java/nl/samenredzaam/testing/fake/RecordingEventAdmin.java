package nl.samenredzaam.testing.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.event.DomainEvents;

/**
 * An OSGi {@link EventAdmin} that delivers nothing and remembers every event, for a module that
 * publishes domain events ({@link DomainEvents#topic(String, String)}, with the initiative id in
 * the property {@value DomainEvents#INITIATIVE}). Needs {@code org.osgi.service.event} on the test
 * class path, as every module that publishes events has.
 */
public final class RecordingEventAdmin implements EventAdmin {

    /** Whether the event was posted (asynchronous) or sent (synchronous). */
    public enum Delivery {
        POSTED, SENT
    }

    /** One event and how it was handed over. */
    public record Recorded(Event event, Delivery delivery) {

        /** The event's topic. */
        public String topic() {
            return event.getTopic();
        }

        /** The initiative id in the event, if it has one. */
        public Long initiativeId() {
            Object value = event.getProperty(DomainEvents.INITIATIVE);
            return value instanceof Number n ? n.longValue() : null;
        }

        /** A property of the event. */
        public Object property(String name) {
            return event.getProperty(name);
        }
    }

    private final List<Recorded> events = new ArrayList<>();

    @Override
    public synchronized void postEvent(Event event) {
        events.add(new Recorded(Objects.requireNonNull(event, "event"), Delivery.POSTED));
    }

    @Override
    public synchronized void sendEvent(Event event) {
        events.add(new Recorded(Objects.requireNonNull(event, "event"), Delivery.SENT));
    }

    /** Every event, in order. */
    public synchronized List<Recorded> events() {
        return List.copyOf(events);
    }

    /** The events with this topic, in order. */
    public synchronized List<Recorded> events(String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).toList();
    }

    /** The topics, in order, e.g. to assert that nothing else was published. */
    public synchronized List<String> topics() {
        return events.stream().map(Recorded::topic).toList();
    }

    /** Forgets everything. */
    public synchronized void clear() {
        events.clear();
    }
}
