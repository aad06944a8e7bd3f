package nl.samenredzaam.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class EventuallyTest {

    @Test
    void returnsOnceTheConditionHolds() {
        AtomicInteger calls = new AtomicInteger();
        Eventually.within(Duration.ofSeconds(5)).polling(Duration.ofMillis(1))
                .until(() -> calls.incrementAndGet() >= 3, "three calls");
        assertTrue(calls.get() >= 3);
    }

    @Test
    void failsWithTheMessageAtTheDeadline() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> Eventually.within(Duration.ofMillis(30)).until(() -> false, () -> "never true"));
        assertTrue(e.getMessage().contains("never true"), e.getMessage());
        assertTrue(e.getMessage().contains("30 ms"), e.getMessage());
    }
}
