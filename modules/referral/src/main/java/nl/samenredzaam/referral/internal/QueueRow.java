package nl.samenredzaam.referral.internal;

import java.time.LocalDate;

/**
 * One line of the coach's work queue.
 *
 * @param referral        the referral
 * @param workingDays     working days since the referral came in
 * @param contactDeadline last day for first contact
 * @param overdue         no first contact and the deadline has passed
 * @param followUpsDue    follow-ups due today or earlier and not done
 */
public record QueueRow(Referral referral, int workingDays, LocalDate contactDeadline, boolean overdue, long followUpsDue) {

    /** Builds the queue lines: overdue and urgent first, then oldest first. */
    static java.util.List<QueueRow> of(java.util.List<Referral> referrals, java.util.Map<Long, Long> dueCounts, LocalDate today,
            int firstContactDays) {
        return referrals.stream().map(r -> {
            LocalDate created = r.createdAt().atZone(ReferralService.AMSTERDAM).toLocalDate();
            LocalDate deadline = WorkingDays.plus(created, firstContactDays);
            boolean waiting = r.status() == ReferralStatus.NEW || r.status() == ReferralStatus.ACCEPTED;
            boolean overdue = waiting && r.firstContactAt() == null && today.isAfter(deadline);
            return new QueueRow(r, WorkingDays.between(created, today), deadline, overdue, dueCounts.getOrDefault(r.id(), 0L));
        }).sorted(java.util.Comparator.comparing((QueueRow q) -> !q.overdue())
                .thenComparing(q -> q.referral().urgency() != Urgency.SOON)
                .thenComparing(q -> q.referral().createdAt())).toList();
    }
}
