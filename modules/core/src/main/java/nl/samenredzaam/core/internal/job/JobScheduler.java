package nl.samenredzaam.core.internal.job;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.job.ScheduledJob;
import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * Runs modules' {@link ScheduledJob}s on one platform thread. A job runs once per cluster: the node
 * that wins the row lock on its {@code platform_job_run} row and finds it due records the run and
 * does the work; the others see it done. Each initiative runs in its own transaction, so one
 * initiative's failure does not stop the others.
 */
@Component(immediate = true, service = JobScheduler.class)
public final class JobScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);
    /** How often the scheduler looks for due jobs. */
    static final Duration TICK = Duration.ofSeconds(15);

    private final PlatformDatabase db;
    private final InitiativeService initiatives;
    private final ModuleRegistry modules;
    private final Clock clock;
    private final Map<String, ScheduledJob> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService executor;

    @Activate
    public JobScheduler(BundleContext context, @Reference PlatformDatabase db, @Reference InitiativeService initiatives,
            @Reference ModuleRegistry modules) {
        this(db, initiatives, modules, Clock.systemUTC(), true);
    }

    JobScheduler(PlatformDatabase db, InitiativeService initiatives, ModuleRegistry modules, Clock clock, boolean start) {
        this.db = db;
        this.initiatives = initiatives;
        this.modules = modules;
        this.clock = clock;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "samenredzaam-jobs");
            t.setDaemon(true);
            return t;
        });
        if (start) {
            executor.scheduleWithFixedDelay(this::tick, TICK.toSeconds(), TICK.toSeconds(), TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        nl.samenredzaam.core.internal.Executors2.stopGracefully(executor, 10);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addJob(ScheduledJob job) {
        jobs.put(key(job), job);
    }

    void removeJob(ScheduledJob job) {
        jobs.remove(key(job), job);
    }

    private static String key(ScheduledJob job) {
        return job.moduleId() + "/" + job.name();
    }

    /** Runs every due job once; returns how many ran here (the platform's retention run counts as one). */
    int tick() {
        int ran = 0;
        for (ScheduledJob job : List.copyOf(jobs.values())) {
            try {
                if (modules.active(job.moduleId()).isPresent() && claim(job.moduleId(), job.name(), job.interval())) {
                    runForInitiatives(job);
                    ran++;
                }
            } catch (RuntimeException e) {
                LOG.error("Job {}/{} failed", job.moduleId(), job.name(), e);
            }
        }
        try {
            if (!contributors.isEmpty() && claim(PLATFORM, RETENTION, RETENTION_INTERVAL)) {
                runRetention();
                ran++;
            }
        } catch (RuntimeException e) {
            LOG.error("The retention run failed", e);
        }
        return ran;
    }

    /** The job row of the platform's own daily retention run. */
    static final String PLATFORM = "platform";
    static final String RETENTION = "retention";
    static final Duration RETENTION_INTERVAL = Duration.ofDays(1);

    private final List<PrivacyContributor> contributors = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addContributor(PrivacyContributor contributor) {
        contributors.add(contributor);
    }

    void removeContributor(PrivacyContributor contributor) {
        contributors.remove(contributor);
    }

    /**
     * The retention rules (AVG art. 5(1)(e)): once a day, per cluster, every privacy contributor with a
     * {@link PrivacyContributor#retentionTerm() term} removes what is past it, in every initiative (archived ones
     * too, and whether or not the module is switched on there: switching a module off does not stop the clock on
     * its data). Each initiative and contributor in its own transaction; one failure does not stop the rest.
     * Only counts are logged, never what was removed.
     *
     * @return the number of records removed
     */
    int runRetention() {
        Instant now = clock.instant();
        int total = 0;
        for (Initiative initiative : initiatives.list(true)) {
            for (PrivacyContributor contributor : List.copyOf(contributors)) {
                if (contributor.retentionTerm() == null) {
                    continue;
                }
                try {
                    int removed = db.transaction(initiative.id(), sql -> contributor.purgeExpired(sql, now));
                    if (removed > 0) {
                        LOG.info("Retention: {} removed {} record(s) past their term in initiative {}", contributor.moduleId(),
                                removed, initiative.id());
                    }
                    total += removed;
                } catch (RuntimeException e) {
                    LOG.error("Retention of {} failed for initiative {}", contributor.moduleId(), initiative.id(), e);
                }
            }
        }
        return total;
    }

    /** Records this run if the job is due, under a row lock so that only one node runs it. */
    private boolean claim(String moduleId, String name, Duration interval) {
        Instant now = clock.instant();
        try {
            return db.global(sql -> {
                Optional<Instant> last = sql.first("select last_run_at from platform_job_run where module_id = :m and job_name = :n for update",
                        r -> nl.samenredzaam.api.data.Rows.instant(r, "last_run_at"), "m", moduleId, "n", name);
                if (last.isEmpty()) {
                    sql.update("insert into platform_job_run (module_id, job_name, last_run_at) values (:m, :n, :now)",
                            "m", moduleId, "n", name, "now", now);
                    return true;
                }
                if (last.get().plus(interval).isAfter(now)) {
                    return false;
                }
                sql.update("update platform_job_run set last_run_at = :now where module_id = :m and job_name = :n",
                        "m", moduleId, "n", name, "now", now);
                return true;
            });
        } catch (RuntimeException e) {
            // another node inserted the row at the same moment: it runs the job
            LOG.debug("Job {}/{} claimed elsewhere", moduleId, name);
            return false;
        }
    }

    private void runForInitiatives(ScheduledJob job) {
        Instant now = clock.instant();
        for (Initiative initiative : initiatives.list(false)) {
            if (!modules.isEnabled(initiative.id(), job.moduleId())) {
                continue;
            }
            try {
                db.transaction(initiative.id(), sql -> {
                    job.run(sql, now);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.error("Job {}/{} failed for initiative {}", job.moduleId(), job.name(), initiative.id(), e);
            }
        }
    }
}
