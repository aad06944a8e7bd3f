package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The queue: working days waiting, the deadline, overdue first, urgent next, oldest first; a paused one is not overdue. */
class QueueRowTest {

    private static Referral referral(long id, ReferralStatus status, Urgency urgency, String created) {
        return new Referral(id, status, "FORM", "P" + id, null, null, List.of("Stress"), null, urgency, true, true, 1L, "GP", null,
                ReferrerType.HUISARTS, null, null, null, null, null, null, false, false, false, null, Instant.parse(created), null, null,
                null, Instant.parse(created));
    }

    @Test
    void orderAndDeadlines() {
        LocalDate today = LocalDate.of(2026, 3, 12); // Thursday
        List<QueueRow> rows = QueueRow.of(List.of(
                referral(1, ReferralStatus.NEW, Urgency.NORMAL, "2026-03-10T09:00:00Z"),
                referral(2, ReferralStatus.NEW, Urgency.SOON, "2026-03-11T09:00:00Z"),
                referral(3, ReferralStatus.ACCEPTED, Urgency.NORMAL, "2026-03-02T09:00:00Z"),
                referral(4, ReferralStatus.ON_HOLD, Urgency.NORMAL, "2026-03-02T09:00:00Z")), Map.of(1L, 2L), today, 5);
        assertEquals(List.of(3L, 2L, 4L, 1L), rows.stream().map(q -> q.referral().id()).toList());
        QueueRow late = rows.get(0);
        assertTrue(late.overdue());
        assertEquals(LocalDate.of(2026, 3, 9), late.contactDeadline());
        assertEquals(8, late.workingDays());
        assertFalse(rows.get(2).overdue(), "paused: not overdue");
        assertEquals(2L, rows.get(3).followUpsDue());
    }
}
