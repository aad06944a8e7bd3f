package nl.samenredzaam.wmointake.internal;

import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.job.ScheduledJob;

/**
 * Posts the module's committed domain events (see {@link Facts}): the platform runs it on every
 * scheduler tick, on one node of the cluster, for each initiative with the module on, in a
 * transaction of its own.
 */
@Component(service = ScheduledJob.class)
public final class WmoIntakeEventsJob implements ScheduledJob {

    static final int BATCH = 500;

    private final Facts facts;

    public WmoIntakeEventsJob() {
        this(new Facts());
    }

    WmoIntakeEventsJob(Facts facts) {
        this.facts = facts;
    }

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
    public String name() {
        return "publish-events";
    }

    /** Shorter than the platform's scheduler tick (15 s), so the job runs on every tick. */
    @Override
    public Duration interval() {
        return Duration.ofSeconds(5);
    }

    @Override
    public void run(Sql sql, Instant now) {
        facts.publish(sql, BATCH);
    }
}
