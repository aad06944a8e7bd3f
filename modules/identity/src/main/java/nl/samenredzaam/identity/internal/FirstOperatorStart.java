package nl.samenredzaam.identity.internal;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.core.platform.Readiness;

/**
 * Creates the first operator account on a thread of its own while the other modules start, and keeps
 * {@code /health} at 503 until it exists (a {@link Readiness}), so nobody can try to sign in as
 * {@code admin} before. The Argon2id hash of its password was 0.2 s of the start-level thread at a
 * first start (docs/performance.md). When it fails, the error is logged and {@code /health} stays 503
 * naming it: the platform has no operator.
 */
final class FirstOperatorStart implements Readiness {

    private static final Logger LOG = LoggerFactory.getLogger(FirstOperatorStart.class);

    private final Thread thread;
    private final ServiceRegistration<Readiness> registration;
    private volatile boolean done;

    private FirstOperatorStart(BundleContext context, Runnable work) {
        this.thread = new Thread(() -> {
            try {
                work.run();
                done = true;
            } catch (RuntimeException e) {
                LOG.error("Could not create the first operator account", e);
            }
        }, "samenredzaam-first-operator");
        this.registration = context.registerService(Readiness.class, this, null);
        thread.start();
    }

    static FirstOperatorStart begin(BundleContext context, Runnable work) {
        return new FirstOperatorStart(context, work);
    }

    @Override
    public boolean ready() {
        return done;
    }

    @Override
    public String name() {
        return "first-operator";
    }

    /** Waits for the account to be written (a stop during a first start), then withdraws the readiness. */
    void stop() throws InterruptedException {
        thread.join(TimeUnit.SECONDS.toMillis(10));
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the bundle is stopping
        }
    }
}
