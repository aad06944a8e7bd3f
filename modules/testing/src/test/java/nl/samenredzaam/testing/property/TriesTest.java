package nl.samenredzaam.testing.property;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TriesTest {

    @AfterEach
    void clearProperties() {
        System.clearProperty(Tries.TRIES_PROPERTY);
        System.clearProperty(Tries.SEED_PROPERTY);
    }

    @Test
    void theCountIsTheBaseUnlessTriesScalesIt() {
        assertEquals(200, Tries.count(200));
        System.setProperty(Tries.TRIES_PROPERTY, " 20000 ");
        assertEquals(20_000, Tries.count(1000));
        assertEquals(4_000, Tries.count(200));
        System.setProperty(Tries.TRIES_PROPERTY, "1");
        assertEquals(1, Tries.count(200), "at least one case");
    }

    @Test
    void caseIUsesSeedPlusI() {
        List<Integer> seen = new ArrayList<>();
        Tries.run("p", 42L, 3, random -> seen.add(random.nextInt()));
        assertEquals(List.of(new Random(42).nextInt(), new Random(43).nextInt(), new Random(44).nextInt()), seen);
        System.setProperty(Tries.SEED_PROPERTY, "7");
        seen.clear();
        Tries.run("p", 42L, 1, random -> seen.add(random.nextInt()));
        assertEquals(List.of(new Random(7).nextInt()), seen, "the property's seed wins");
    }

    @Test
    void aFailureNamesThePropertyTheCaseAndHowToRerunIt() {
        IllegalStateException cause = new IllegalStateException("too many");
        List<Integer> ran = new ArrayList<>();
        AssertionError e = assertThrows(AssertionError.class, () -> Tries.run("capacity", 100L, 10, random -> {
            ran.add(ran.size());
            if (ran.size() == 3) {
                throw cause;
            }
        }));
        assertTrue(e.getMessage().startsWith("capacity failed in case 2 (rerun only it with -Dsamenredzaam.seed=102 -Dsamenredzaam.tries=1)"),
                e.getMessage());
        assertSame(cause, e.getCause());
        assertEquals(3, ran.size(), "stops at the first failure");
        assertThrows(AssertionError.class, () -> Tries.run("assertion", 1L, 1, random -> assertEquals(1, 2)));
    }
}
