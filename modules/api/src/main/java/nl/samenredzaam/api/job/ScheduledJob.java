package nl.samenredzaam.api.job;

import java.time.Duration;
import java.time.Instant;

import org.osgi.annotation.versioning.ConsumerType;

import nl.samenredzaam.api.data.Sql;

/**
 * A job a module registers as a service. The platform calls {@link #run} every {@link #interval()}
 * for each initiative that has the module enabled, in one transaction per initiative, on one node
 * of the cluster at a time. A job must finish quickly and start no threads.
 */
@ConsumerType
public interface ScheduledJob {

    /** The module the job belongs to. */
    String moduleId();

    /** A name unique within the module, e.g. {@code follow-up-reminders}. */
    String name();

    Duration interval();

    /** Does the work for the initiative of {@code sql}. */
    void run(Sql sql, Instant now) throws Exception;
}
