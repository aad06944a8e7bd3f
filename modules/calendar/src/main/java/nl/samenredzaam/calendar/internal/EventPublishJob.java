package nl.samenredzaam.calendar.internal;

import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.job.ScheduledJob;

/**
 * Posts the calendar's committed domain events (see {@link Notifier}): the platform runs it on one
 * node at a time, for each initiative that has the calendar on, in a transaction of its own, so
 * only events whose registration transaction has committed are ever seen.
 */
@Component(service = ScheduledJob.class)
public final class EventPublishJob implements ScheduledJob {

    /** At most this many events per initiative per run; the rest follow in the next run. */
    static final int BATCH = 500;

    private final Notifier notifier;

    @Activate
    public EventPublishJob(@Reference Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public String moduleId() {
        return CalendarModule.ID;
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
        notifier.publish(sql, BATCH);
    }
}
