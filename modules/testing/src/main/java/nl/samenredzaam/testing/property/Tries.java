package nl.samenredzaam.testing.property;

import java.util.Random;

/**
 * Seeded random cases for property tests in plain JUnit 5 (no jqwik, whose authors ask AI agents not
 * to use it). Each property runs {@link #count(int)} cases from a fixed seed, so a failure reproduces
 * exactly; the seed and case number are in the failure message. Raise the number of cases with
 * {@code -Dsamenredzaam.tries=N} (a factor on the default of each property) and pick another seed
 * with {@code -Dsamenredzaam.seed=S}.
 *
 * <pre>{@code
 * @Test
 * void aPlanNeverPassesItsLimit() {
 *     Tries.run("plan within limit", 20260302L, Tries.count(200), random -> {
 *         Plan plan = Plan.random(random);
 *         assertTrue(plan.total() <= plan.limit(), plan.toString());
 *     });
 * }
 * }</pre>
 */
public final class Tries {

    /** The system property that scales the number of cases ({@code 1000} is the default of a property). */
    public static final String TRIES_PROPERTY = "samenredzaam.tries";
    /** The system property that replaces the seed of every property. */
    public static final String SEED_PROPERTY = "samenredzaam.seed";

    private Tries() {
    }

    /** One random case. */
    @FunctionalInterface
    public interface Case {

        /** Checks the property on one case made with {@code random}. */
        void run(Random random) throws Exception;
    }

    /**
     * The number of cases: {@code base} unless {@code samenredzaam.tries} is set, which scales it
     * ({@code base * tries / 1000}, at least 1): a property of 1000 cases runs {@code tries} cases, one
     * that hits a database with a smaller {@code base} proportionally fewer.
     */
    public static int count(int base) {
        String tries = System.getProperty(TRIES_PROPERTY);
        if (tries == null || tries.isBlank()) {
            return base;
        }
        return Math.max(1, (int) ((long) base * Integer.parseInt(tries.strip()) / 1000));
    }

    /**
     * Runs {@code cases} cases; case i uses the seed {@code seed + i} ({@code samenredzaam.seed} when
     * set, else {@code defaultSeed}), so one case can be rerun alone.
     *
     * @throws AssertionError on the first case that fails, naming the property, the case and how to rerun it
     */
    public static void run(String property, long defaultSeed, int cases, Case body) {
        long seed = Long.getLong(SEED_PROPERTY, defaultSeed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed + i;
            try {
                body.run(new Random(caseSeed));
            } catch (Throwable e) {
                throw new AssertionError(property + " failed in case " + i + " (rerun only it with "
                        + "-D" + SEED_PROPERTY + "=" + caseSeed + " -D" + TRIES_PROPERTY + "=1): " + e, e);
            }
        }
    }
}
