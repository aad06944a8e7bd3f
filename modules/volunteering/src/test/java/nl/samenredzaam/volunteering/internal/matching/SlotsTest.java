package nl.samenredzaam.volunteering.internal.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SlotsTest {

    @Test
    void windowsMapToThePartsOfTheDayTheyTouch() {
        assertEquals(Slots.bit(DayOfWeek.MONDAY, 0), Slots.of(DayOfWeek.MONDAY, 9 * 60, 11 * 60));
        assertEquals(Slots.bit(DayOfWeek.MONDAY, 1), Slots.of(DayOfWeek.MONDAY, 12 * 60, 17 * 60));
        assertEquals(Slots.bit(DayOfWeek.SUNDAY, 2), Slots.of(DayOfWeek.SUNDAY, 19 * 60, 21 * 60));
        assertEquals(Slots.bit(DayOfWeek.TUESDAY, 0) | Slots.bit(DayOfWeek.TUESDAY, 1), Slots.of(DayOfWeek.TUESDAY, 11 * 60, 13 * 60));
        assertEquals(7 << 3, Slots.of(DayOfWeek.TUESDAY, null, null));
        assertTrue(Slots.has(Slots.ALL, DayOfWeek.SUNDAY, 2));
        assertFalse(Slots.has(Slots.of(DayOfWeek.MONDAY, 9 * 60, 10 * 60), DayOfWeek.MONDAY, 1));
    }

    @Test
    void aVogIsValidForThreeYearsFromItsIssueDate() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        assertTrue(VogStatus.isValid(VogStatus.ISSUED, today, today));
        assertTrue(VogStatus.isValid(VogStatus.ISSUED, today.minusYears(3).plusDays(1), today));
        assertFalse(VogStatus.isValid(VogStatus.ISSUED, today.minusYears(3), today));
        assertFalse(VogStatus.isValid(VogStatus.REQUESTED, today, today));
        assertFalse(VogStatus.isValid(VogStatus.NONE, null, today));
        assertEquals(LocalDate.of(2029, 11, 26), VogStatus.validUntil(VogStatus.ISSUED, today));
    }
}
