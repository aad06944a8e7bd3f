package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.FrameworkEvent;

/**
 * The watchdog's decisions with a fake framework, a fake clock and a fake starter: it is triggered by
 * calling {@code check()}, never by time passing, and starts bundles in the test's own thread.
 */
class StartLevelWatchdogTest {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final String PROBLEM = "Start duurde langer dan 20 s";

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final BundleHealth health = new BundleHealth();
    private final FakeFramework felix = new FakeFramework();
    private final Map<Long, Integer> states = felix.states;
    private final List<String> started = new ArrayList<>();
    /** Bundles whose (fake) start times out like a second hanging module. */
    private final Set<String> hangsToo = new HashSet<>();
    private final Thread startLevelThread = new Thread(() -> { }, StartLevelWatchdog.START_LEVEL_THREAD);
    /** Whether the start-level thread is inside {@code Felix.startBundle} (its stack, in production). */
    private boolean insideStart = true;

    // as in samenredzaam.jar: core at 10, the other platform bundles and the modules at 20, SPI Fly at 100
    private final Bundle scr = bundle(5, "org.apache.felix.scr", 5, true, false, Bundle.ACTIVE);
    private final Bundle core = bundle(17, "nl.samenredzaam.core", 10, true, false, Bundle.STARTING);
    private final Bundle buurtnieuws = bundle(15, "nl.samenredzaam.buurtnieuws", 20, true, false, Bundle.RESOLVED);
    private final Bundle calendar = bundle(16, "nl.samenredzaam.calendar", 20, true, false, Bundle.RESOLVED);
    private final Bundle blocking = bundle(18, "nl.samenredzaam.fixture.blockingactivator", 20, true, false, Bundle.RESOLVED);
    private final Bundle identity = bundle(19, "nl.samenredzaam.identity", 20, true, false, Bundle.RESOLVED);
    private final Bundle binding = bundle(20, "nl.samenredzaam.logging.binding", 20, true, true, Bundle.RESOLVED);
    private final Bundle referral = bundle(21, "nl.samenredzaam.referral", 20, true, false, Bundle.RESOLVED);
    private final Bundle notToStart = bundle(22, "nl.samenredzaam.stopped", 20, false, false, Bundle.RESOLVED);
    private final Bundle web = bundle(24, "nl.samenredzaam.web", 20, true, false, Bundle.INSTALLED);
    private final Bundle volunteering = bundle(23, "nl.samenredzaam.volunteering", 20, true, false, Bundle.RESOLVED);
    private final Bundle spifly = bundle(30, "org.apache.aries.spifly.dynamic.bundle", 100, true, false, Bundle.RESOLVED);

    {
        felix.level = 20;
        felix.own(core);
    }

    private final StartLevelWatchdog watchdog = new StartLevelWatchdog(felix.context(), health, TIMEOUT, now::get, t -> insideStart, this::fakeStart,
            Runnable::run, PROBLEM);

    @Test
    void aNormalStartIsLeftAlone() {
        for (Bundle b : List.of(buurtnieuws, calendar, blocking, identity)) {
            startsOnTheStartLevelThread(b);
            now.addAndGet(Duration.ofSeconds(5).toNanos());
            watchdog.check();
            startedNormally(b);
        }
        insideStart = false; // the raise is over
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        watchdog.check();
        assertEquals(List.of(), started);
        assertFalse(watchdog.tookOver());
        assertFalse(health.isStuck(blocking.getBundleId()));
    }

    @Test
    void aShippedBundleStuckLongerThanTheTimeOutIsIsolatedAndTheBundlesAfterItStartInFelixsOrder() {
        startedNormally(buurtnieuws);
        startedNormally(calendar);
        startsOnTheStartLevelThread(blocking);
        now.addAndGet(TIMEOUT.toNanos() - 1);
        watchdog.check();
        assertEquals(List.of(), started, "not yet: the time-out has not passed");
        assertFalse(health.isStuck(blocking.getBundleId()));

        now.addAndGet(1);
        watchdog.check();
        assertTrue(health.isStuck(blocking.getBundleId()));
        assertEquals(PROBLEM, health.stuckProblem(blocking.getBundleId()).orElseThrow());
        // by bundle id within level 20; not the fragment, not the one never marked to start, not level 100,
        // not the ones before the stuck bundle (the start-level thread had its go at them)
        assertEquals(List.of("nl.samenredzaam.identity", "nl.samenredzaam.referral", "nl.samenredzaam.volunteering",
                "nl.samenredzaam.web"), started);
        assertTrue(watchdog.tookOver());
    }

    @Test
    void aModuleWhoseComponentHangsIsIsolatedAlthoughThisListenerHeardStarted() {
        // Felix sets ACTIVE and sends STARTED; Declarative Services' STARTED listener hangs in the module's
        // component, and Felix may have called this listener first (its listeners are in a HashMap)
        startsOnTheStartLevelThread(blocking);
        startedNormally(blocking);
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertTrue(health.isStuck(blocking.getBundleId()));
        assertEquals(4, started.size(), started.toString());
    }

    @Test
    void aSlowBundleThatTheThreadFinishedIsLeftAlone() {
        startsOnTheStartLevelThread(blocking);
        now.addAndGet(TIMEOUT.toNanos() / 2);
        startsOnTheStartLevelThread(identity); // the thread moved on
        now.addAndGet(TIMEOUT.toNanos() / 2);
        watchdog.check();
        assertEquals(List.of(), started);
        assertFalse(health.isStuck(blocking.getBundleId()));
    }

    @Test
    void itTakesOverOnceAndRunsTheActionsAfterwards() {
        AtomicInteger after = new AtomicInteger();
        watchdog.afterTakeOver(after::incrementAndGet);
        startsOnTheStartLevelThread(blocking);
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        watchdog.check();
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertEquals(4, started.size(), started.toString());
        assertEquals(1, after.get());
    }

    @Test
    void aBundleStartedMeanwhileIsNotStartedAgain() {
        startsOnTheStartLevelThread(blocking);
        states.put(identity.getBundleId(), Bundle.ACTIVE); // e.g. by the start-level thread coming back
        states.put(referral.getBundleId(), Bundle.STARTING);
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertEquals(List.of("nl.samenredzaam.volunteering", "nl.samenredzaam.web"), started);
    }

    @Test
    void aSecondHangingBundleDoesNotStopTheOnesAfterIt() {
        hangsToo.add("nl.samenredzaam.referral");
        startsOnTheStartLevelThread(blocking);
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertEquals(List.of("nl.samenredzaam.identity", "nl.samenredzaam.referral", "nl.samenredzaam.volunteering",
                "nl.samenredzaam.web"), started);
        assertTrue(health.isStuck(referral.getBundleId()), "marked by the bundle starter");
    }

    @Test
    void bundlesStartingOnOtherThreadsAreNotItsBusiness() {
        // uploads restored by core and FileInstall's bundles start on threads of their own, with their own time-out
        Thread other = new Thread(() -> { }, "samenredzaam-bundle-start-7-nl.samenredzaam.fixture.blocking");
        fire(new BundleEvent(BundleEvent.STARTING, blocking), other);
        states.put(blocking.getBundleId(), Bundle.STARTING);
        now.addAndGet(TIMEOUT.toNanos() * 3);
        watchdog.check();
        assertEquals(List.of(), started);
        assertFalse(health.isStuck(blocking.getBundleId()));
    }

    @Test
    void aStartLevelChangedEventDoesNotSwitchItOff() {
        // framework events arrive asynchronously: one seen while level 20 is still starting must not stop it
        startsOnTheStartLevelThread(blocking);
        felix.fire(FrameworkEvent.STARTLEVEL_CHANGED, null, null);
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertTrue(health.isStuck(blocking.getBundleId()));
    }

    @Test
    void aStuckBundleThatFinishesLateIsNoLongerShownAsStuck() {
        startsOnTheStartLevelThread(blocking);
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertTrue(health.isStuck(blocking.getBundleId()));
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertTrue(health.isStuck(blocking.getBundleId()), "still inside its start");
        insideStart = false; // it returned; the thread finished the raise (the rest was active already)
        watchdog.check();
        assertFalse(health.isStuck(blocking.getBundleId()));
        assertEquals(4, started.size(), "taken over once: " + started);
    }

    @Test
    void aStuckBundleIsNoLongerShownAsStuckOnceTheThreadStartsTheNextOne() {
        hangsToo.add("nl.samenredzaam.identity"); // the take-over leaves identity to the thread
        startsOnTheStartLevelThread(blocking);
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertTrue(health.isStuck(blocking.getBundleId()));
        startsOnTheStartLevelThread(referral);
        assertFalse(health.isStuck(blocking.getBundleId()));
    }

    @Test
    void whenTheFrameworkStopsWhileTheThreadHangsTheBundlesAreStoppedInReverseOrderWithoutTheStuckOnes() {
        assertFalse(watchdog.startLevelThreadStuck());
        hangsToo.add("nl.samenredzaam.referral");
        startsOnTheStartLevelThread(blocking);
        now.addAndGet(TIMEOUT.toNanos());
        watchdog.check();
        assertTrue(watchdog.startLevelThreadStuck());
        states.put(core.getBundleId(), Bundle.ACTIVE);
        Bundle logback = bundle(2, "ch.qos.logback.classic", 1, true, false, Bundle.ACTIVE);
        assertEquals(List.of("nl.samenredzaam.web", "nl.samenredzaam.volunteering", "nl.samenredzaam.identity", "nl.samenredzaam.core",
                "org.apache.felix.scr"), watchdog.stopOrder().stream().map(Bundle::getSymbolicName).toList(),
                "not the stuck ones (blocking, referral), not logging (level 1: " + logback + "), not the ones never started");
        insideStart = false; // the thread came back: Felix stops the bundles itself
        assertFalse(watchdog.startLevelThreadStuck());
    }

    @Test
    void theStackOfAThreadThatIsNotStartingABundleSaysSo() {
        assertFalse(StartLevelWatchdog.insideBundleStart(Thread.currentThread()));
    }

    @Test
    void onlyBundlesUpToTheLevelTheFrameworkReachedAreStarted() {
        // Felix refuses a transient start above the level of the bundle in hand
        felix.level = 20;
        Bundle level30 = bundle(40, "nl.samenredzaam.later", 30, true, false, Bundle.RESOLVED);
        startsOnTheStartLevelThread(blocking);
        assertFalse(watchdog.waitingAfter(blocking).contains(level30));
        felix.level = 30;
        assertEquals(level30, watchdog.waitingAfter(blocking).get(4));
    }

    private BundleStarter.Outcome fakeStart(Bundle b) {
        started.add(b.getSymbolicName());
        if (hangsToo.contains(b.getSymbolicName())) {
            health.stuck(b.getBundleId(), PROBLEM);
            states.put(b.getBundleId(), Bundle.STARTING);
            return new BundleStarter.Outcome(PROBLEM, true);
        }
        states.put(b.getBundleId(), Bundle.ACTIVE);
        return BundleStarter.Outcome.OK;
    }

    private void startsOnTheStartLevelThread(Bundle b) {
        states.put(b.getBundleId(), Bundle.STARTING);
        fire(new BundleEvent(BundleEvent.STARTING, b), startLevelThread);
    }

    private void startedNormally(Bundle b) {
        felix.started(b);
    }

    /** Delivers a bundle event in a thread with the given thread's name, as a synchronous listener sees it. */
    private void fire(BundleEvent event, Thread as) {
        Thread current = Thread.currentThread();
        String name = current.getName();
        current.setName(as.getName());
        try {
            felix.fire(event);
        } finally {
            current.setName(name);
        }
    }

    private Bundle bundle(long id, String bsn, int startLevel, boolean persistentlyStarted, boolean fragment, int state) {
        return felix.bundle(id, bsn, "jar/" + bsn + ".jar", startLevel, persistentlyStarted, fragment, state);
    }
}
