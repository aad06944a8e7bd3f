package nl.samenredzaam.wmointake.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.event.EventOutbox;
import nl.samenredzaam.api.job.ScheduledJob;

/**
 * The safety net of the module's domain events (see {@link Facts}): posts those left behind. The
 * platform runs it on every scheduler tick, on one node of the cluster, for each initiative with the
 * module on, in a transaction of its own.
 */
@Component(service = ScheduledJob.class)
public final class WmoIntakeEventsJob implements EventOutbox.Job {

    private final Facts facts = new Facts();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, unbind = "unsetEventAdmin")
    void setEventAdmin(EventAdmin e) {
        facts.set(e);
    }

    void unsetEventAdmin(EventAdmin e) {
        facts.unset(e);
    }

    @Override
    public String moduleId() {
        return WmoIntakeModule.ID;
    }

    @Override
    public EventOutbox outbox() {
        return facts.outbox();
    }
}
