package nl.samenredzaam.referral.internal;

import java.util.Random;

/**
 * Seeded random cases for property tests (plain JUnit; no jqwik, whose authors ask AI agents not to
 * use it). Each property runs {@link #count(int)} cases from a fixed seed, so a failure reproduces
 * exactly; the seed and case number are in the failure message. Raise the number of cases with
 * {@code -Dsamenredzaam.tries=N} (a factor on the default of each property) and pick another seed
 * with {@code -Dsamenredzaam.seed=S}.
 */
final class Tries {

    private Tries() {
    }

    /** One random case. */
    @FunctionalInterface
    interface Case {
        void run(Random random) throws Exception;
    }

    /**
     * The number of cases: {@code samenredzaam.tries} when set (CI default 1000 for pure
     * properties), scaled for properties that hit a database ({@code base} of 1000).
     */
    static int count(int base) {
        String tries = System.getProperty("samenredzaam.tries");
        if (tries == null || tries.isBlank()) {
            return base;
        }
        return Math.max(1, (int) ((long) base * Integer.parseInt(tries.strip()) / 1000));
    }

    /** Runs {@code cases} cases; case i uses the seed {@code seed + i}, so one case can be rerun alone. */
    static void run(String property, long defaultSeed, int cases, Case body) {
        long seed = Long.getLong("samenredzaam.seed", defaultSeed);
        for (int i = 0; i < cases; i++) {
            long caseSeed = seed + i;
            try {
                body.run(new Random(caseSeed));
            } catch (Throwable e) {
                AssertionError failure = new AssertionError(property + " failed in case " + i + " (rerun only it with "
                        + "-Dsamenredzaam.seed=" + caseSeed + " -Dsamenredzaam.tries=1): " + e, e);
                throw failure;
            }
        }
    }
}
