package nl.samenredzaam.referral.internal;

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
public final class ReferralEventsJob implements ScheduledJob {

    static final int BATCH = 500;

    private final Facts facts;

    public ReferralEventsJob() {
        this(new Facts());
    }

    ReferralEventsJob(Facts facts) {
        this.facts = facts;
    }

    @Reference(service = EventAdmin.class, cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            unbind = "unsetEvents")
    void setEvents(Object service) {
        facts.set(service);
    }

    void unsetEvents(Object service) {
        facts.unset(service);
    }

    @Override
    public String moduleId() {
        return ReferralModule.ID;
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
