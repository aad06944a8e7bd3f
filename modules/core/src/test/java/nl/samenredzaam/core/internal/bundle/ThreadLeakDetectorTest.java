package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

class ThreadLeakDetectorTest {

    /** Code "of the bundle": a thread running this is one of its threads. */
    static final class Poller {
        static void poll(CountDownLatch started, CountDownLatch stop) {
            started.countDown();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void aThreadRunningTheBundlesCodeBelongsToItOthersDoNot() throws Exception {
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch stop = new CountDownLatch(1);
        Thread mine = new Thread(() -> Poller.poll(started, stop), "leaky-poller");
        Thread other = new Thread(() -> {
            started.countDown();
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "someone-else");
        mine.start();
        other.start();
        started.await();
        try {
            ThreadLeakDetector.Owner owner = new ThreadLeakDetector.Owner("nl.lindeholt.leaky", "1.0.0", null,
                    Set.of(Poller.class.getName()));
            List<Thread> found = ThreadLeakDetector.threadsOf(owner, List.of(mine, other, Thread.currentThread()), Thread.currentThread());
            assertEquals(List.of(mine), found);
        } finally {
            stop.countDown();
            mine.join();
            other.join();
        }
        ThreadLeakDetector.Owner owner = new ThreadLeakDetector.Owner("x", "1", null, Set.of(Poller.class.getName()));
        assertTrue(ThreadLeakDetector.threadsOf(owner, List.of(mine), null).isEmpty(), "ended threads are no leak");
    }

    @Test
    void aThreadWithTheBundlesContextClassLoaderBelongsToIt() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0])) {
            Thread t = new Thread(() -> { }, "with-loader");
            t.setContextClassLoader(loader);
            ThreadLeakDetector.Owner owner = new ThreadLeakDetector.Owner("x", "1", loader, Set.of());
            assertTrue(ThreadLeakDetector.belongs(owner, t));
            assertFalse(ThreadLeakDetector.belongs(owner, Thread.currentThread()));
        }
    }

    @Test
    void theReportNamesTheThreadsInBothLanguages() {
        BundleHealth health = new BundleHealth();
        Thread alive = Thread.currentThread();
        health.leaked("nl.lindeholt.leaky", "1.0.0", List.of(alive));
        String problem = health.leakProblem("nl.lindeholt.leaky").orElseThrow();
        assertEquals("1 draad van deze bundel liep na het stoppen nog door (" + alive.getName()
                + "); herstart het platform om hem op te ruimen", Bilingual.dutch(problem));
        assertTrue(Bilingual.english(problem).startsWith("1 thread of this bundle kept running after it stopped"));
        assertEquals(List.of("nl.lindeholt.leaky 1.0.0: " + alive.getName()), health.leaks());
    }
}
