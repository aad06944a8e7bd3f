package nl.samenredzaam.core.internal.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hooks of one transaction ({@link nl.samenredzaam.api.data.Sql#afterCommit}): run once after
 * it committed, dropped when it rolled back. Not thread-safe, like the transaction it belongs to.
 */
final class AfterCommit {

    private static final Logger LOG = LoggerFactory.getLogger(AfterCommit.class);

    private List<Runnable> hooks;
    private boolean ended;

    void add(Runnable hook) {
        Objects.requireNonNull(hook, "hook");
        if (ended) {
            throw new IllegalStateException("transaction already ended: an after-commit hook can no longer be added");
        }
        if (hooks == null) {
            hooks = new ArrayList<>();
        }
        hooks.add(hook);
    }

    /** Runs the hooks in order; a failing hook is logged and the others still run. Runs them once. */
    void committed() {
        List<Runnable> run = end();
        for (Runnable hook : run) {
            try {
                hook.run();
            } catch (RuntimeException | LinkageError e) {
                // the data is committed: the caller must not see this as a failure of its own work
                LOG.error("An after-commit hook failed (the transaction itself committed)", e);
            }
        }
    }

    /** Drops the hooks: the transaction rolled back (or its commit failed). */
    void rolledBack() {
        end();
    }

    private List<Runnable> end() {
        ended = true;
        List<Runnable> run = hooks == null ? List.of() : hooks;
        hooks = null;
        return run;
    }
}
