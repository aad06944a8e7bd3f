package nl.samenredzaam.benchmarks.wrk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SeederTest {

    @Test
    void activitiesAreValidCalendarBodiesInTheDayTime() {
        Random random = new Random(1);
        LocalDate day = LocalDate.of(2026, 12, 1);
        for (int i = 0; i < 500; i++) {
            Map<String, Object> body = Seeder.activity(random, day, i);
            OffsetDateTime start = OffsetDateTime.parse((String) body.get("start"));
            OffsetDateTime end = OffsetDateTime.parse((String) body.get("end"));
            ZonedDateTime local = start.atZoneSameInstant(Seeder.AMSTERDAM);
            assertEquals(day, local.toLocalDate());
            assertTrue(local.getHour() >= 9 && local.getHour() < 20, "between 09:00 and 20:00: " + local);
            assertTrue(end.isAfter(start) && !end.isAfter(start.plusHours(2)), start + " – " + end);
            assertTrue(Arrays.asList(Seeder.CATEGORIES).contains(body.get("category")), body.toString());
            assertTrue(((String) body.get("title")).length() <= 200);
            Object capacity = body.get("capacity");
            assertTrue(capacity == null || (Integer) capacity >= 10 && (Integer) capacity < 30, body.toString());
        }
    }

    @Test
    void slugsHaveFourDigits() {
        assertEquals("bench-0001", Seeder.slug(1));
        assertEquals("bench-1000", Seeder.slug(1000));
    }

    /** Why the seeder mixes its seeds: with new Random(n) every initiative got the same first module switch. */
    @Test
    void mixedSeedsGiveDifferentModuleSetsToNeighbouringInitiatives() {
        int on = 0;
        for (int n = 2; n <= 201; n++) {
            on += new Random(new SplittableRandom(n).nextLong()).nextBoolean() ? 1 : 0;
        }
        assertTrue(on > 60 && on < 140, "about half of 200 initiatives get the first module: " + on);
        int plain = 0;
        for (int n = 2; n <= 201; n++) {
            plain += new Random(n).nextBoolean() ? 1 : 0;
        }
        assertNotEquals(on, plain);
    }
}
