package nl.samenredzaam.volunteering.internal.matching;

import java.time.DayOfWeek;

/**
 * Weekly availability as a bit mask: for each day (Monday first) three parts of the day — morning
 * (until 12:00), afternoon (12:00–17:00) and evening (from 17:00). Bit {@code day * 3 + part}.
 */
public final class Slots {

    public static final int PARTS = 3;
    public static final int ALL = (1 << 21) - 1;
    private static final int NOON = 12 * 60;
    private static final int FIVE = 17 * 60;

    private Slots() {
    }

    public static int bit(DayOfWeek day, int part) {
        if (part < 0 || part >= PARTS) {
            throw new IllegalArgumentException("part " + part);
        }
        return 1 << ((day.getValue() - 1) * PARTS + part);
    }

    public static boolean has(int mask, DayOfWeek day, int part) {
        return (mask & bit(day, part)) != 0;
    }

    /**
     * The parts of {@code day} a time window touches; minutes after midnight, end exclusive. A
     * missing window means the whole day.
     */
    public static int of(DayOfWeek day, Integer startMinute, Integer endMinute) {
        int start = startMinute == null ? 0 : startMinute;
        int end = endMinute == null ? 24 * 60 : endMinute;
        int mask = 0;
        if (start < NOON && end > 0) {
            mask |= bit(day, 0);
        }
        if (start < FIVE && end > NOON) {
            mask |= bit(day, 1);
        }
        if (end > FIVE) {
            mask |= bit(day, 2);
        }
        return mask;
    }
}
