package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    @Test
    void countsMondayToFriday() {
        LocalDate friday = LocalDate.of(2026, 3, 6);
        assertEquals(LocalDate.of(2026, 3, 9), WorkingDays.plus(friday, 1));
        assertEquals(LocalDate.of(2026, 3, 13), WorkingDays.plus(friday, 5));
        assertEquals(LocalDate.of(2026, 3, 9), WorkingDays.plus(LocalDate.of(2026, 3, 7), 1), "from a Saturday");
        assertEquals(1, WorkingDays.between(friday, LocalDate.of(2026, 3, 9)));
        assertEquals(0, WorkingDays.between(friday, LocalDate.of(2026, 3, 8)));
        assertEquals(0, WorkingDays.between(friday, friday));
        assertEquals(5, WorkingDays.between(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 9)));
    }
}
