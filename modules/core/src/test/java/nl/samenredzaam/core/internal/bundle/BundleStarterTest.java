package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Version;

class BundleStarterTest {

    final BundleHealth health = new BundleHealth();
    final BundleStarter starter = new BundleStarter(health, Duration.ofSeconds(1));
    final Bundle bundle = fakeBundle(42, "nl.lindeholt.fake");

    @AfterEach
    void close() {
        starter.close();
    }

    static Bundle fakeBundle(long id, String bsn) {
        return (Bundle) Proxy.newProxyInstance(BundleStarterTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> bsn;
                    case "getVersion" -> Version.parseVersion("1.0.0");
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> bsn;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void aCallThatFinishesIsOk() {
        BundleStarter.Outcome o = starter.run(bundle, "start", () -> { });
        assertTrue(o.ok());
        assertFalse(health.isStuck(42));
    }

    @Test
    void aCallThatFailsGivesItsReasonInPlainWords() {
        BundleStarter.Outcome o = starter.run(bundle, "start", () -> {
            throw new BundleException("Activator start error in bundle nl.lindeholt.fake");
        });
        assertFalse(o.ok());
        assertFalse(o.timedOut());
        assertTrue(o.problem().contains("Activator start error"), o.problem());
        assertFalse(health.isStuck(42));
    }

    @Test
    void aCallThatHangsReturnsAfterTheTimeOutAndMarksTheBundleStuckUntilItFinishesLate() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BundleStarter.Outcome o = starter.run(bundle, "start", () -> {
            while (true) {
                try {
                    release.await();
                    return;
                } catch (InterruptedException e) {
                    // like the blocking fixture: ignore interrupts
                }
            }
        });
        assertTrue(o.timedOut());
        assertTrue(o.problem().startsWith("Start duurde langer dan 1 s"), o.problem());
        assertTrue(health.isStuck(42));
        assertTrue(health.stuckProblem(42).orElseThrow().contains("start took longer than 1 s"));

        Thread worker = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("samenredzaam-bundle-start-") && t.getName().endsWith("nl.lindeholt.fake"))
                .findFirst().orElseThrow();
        release.countDown();
        worker.join(10_000);
        assertFalse(worker.isAlive());
        assertFalse(health.isStuck(42), "finished late: no longer stuck");
    }

    @Test
    void theTimeOutComesFromTheEnvironment() {
        assertTrue(BundleStarter.configuredTimeout().toSeconds() > 0);
        assertNull(System.getProperty(BundleStarter.PROPERTY), "not set in this test run");
    }
}
