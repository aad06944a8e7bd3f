package nl.samenredzaam.launcher.boot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BootActivatorTest {

    static final StackTraceElement WAIT = new StackTraceElement("java.lang.Object", "wait", null, -2);
    static final StackTraceElement LOCK = new StackTraceElement("org.apache.felix.framework.Felix", "acquireBundleLock", null, 5000);
    static final StackTraceElement STOP = new StackTraceElement("org.apache.felix.framework.Felix", "stopBundle", null, 2700);

    @Test
    void theStartLevelThreadWaitingForABundleLockIsSkipped() {
        assertTrue(BootActivator.waitsForBundleLock("FelixStartLevel", new StackTraceElement[] {WAIT, LOCK, STOP}));
    }

    @Test
    void otherThreadsAndOtherWaitsAreLeftAlone() {
        assertFalse(BootActivator.waitsForBundleLock("qtp-12", new StackTraceElement[] {WAIT, LOCK, STOP}),
                "a request thread waiting for a lock is not the shutdown");
        assertFalse(BootActivator.waitsForBundleLock("FelixStartLevel", new StackTraceElement[] {WAIT, STOP}),
                "the start-level thread stopping a bundle that takes its time is not interrupted");
    }
}
