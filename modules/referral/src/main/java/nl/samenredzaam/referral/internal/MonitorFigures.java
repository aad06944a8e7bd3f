package nl.samenredzaam.referral.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.instruments.PositiveHealthDimension;

/**
 * The anonymous figures of a period for the municipality and funders. No personal data goes in or
 * comes out: only counts, shares and averages, and every count below {@link #MIN_COUNT} is
 * suppressed (shown as "fewer than 5"), together with whatever would let someone work it out.
 */
public final class MonitorFigures {

    /** Counts below this are never shown. */
    public static final int MIN_COUNT = 5;

    /** The facts of one referral the figures are made of (already without personal data). */
    public record Fact(ReferrerType referrerType, List<String> reasons, ReferralStatus status, LocalDate referredOn,
            LocalDate firstContactOn, boolean startedActivity, Map<PositiveHealthDimension, Integer> before,
            Map<PositiveHealthDimension, Integer> after) {
    }

    /**
     * A count; {@code value} is {@code null} when it is suppressed: because it is small, or
     * ({@code hiddenWithOther}) because it would give a small one away.
     */
    public record Count(String label, Integer value, boolean hiddenWithOther) {
        public Count(String label, Integer value) {
            this(label, value, false);
        }

        public boolean suppressed() {
            return value == null;
        }

        /** The value as shown: the number, {@code < 5}, or {@code *} when hidden to protect another count. */
        public String shown() {
            return value != null ? Integer.toString(value) : hiddenWithOther ? "*" : "< " + MIN_COUNT;
        }
    }

    /** Time to first contact in working days; the figures are {@code null} when suppressed. */
    public record FirstContact(Count n, Double averageWorkingDays, Double withinTargetPercent) {
        public boolean suppressed() {
            return averageWorkingDays == null;
        }
    }

    /** Share of contacted referrals with at least one activity in the plan; {@code null} when suppressed. */
    public record Activity(Double percent) {
        public boolean suppressed() {
            return percent == null;
        }
    }

    /** Average change per dimension between intake and closing; empty when suppressed. */
    public record Change(Count n, Map<PositiveHealthDimension, Double> average) {
        public boolean suppressed() {
            return average.isEmpty();
        }
    }

    /** Everything the monitor shows for a period. */
    public record Figures(LocalDate from, LocalDate to, Count total, List<Count> byReferrerType, List<Count> byReason,
            FirstContact firstContact, Activity activity, Change change) {
    }

    private MonitorFigures() {
    }

    /**
     * Computes the figures.
     *
     * @param facts            the referrals made in the period, entered-in-error ones included (they are left out here)
     * @param targetDays       the first-contact target in working days
     * @param referrerTypeName how a referrer type is named in the output
     */
    public static Figures compute(LocalDate from, LocalDate to, List<Fact> facts, int targetDays,
            java.util.function.Function<ReferrerType, String> referrerTypeName) {
        List<Fact> valid = facts.stream().filter(f -> f.status() != ReferralStatus.ENTERED_IN_ERROR).toList();
        int total = valid.size();
        Count totalCount = count("total", total);

        Map<String, Integer> types = new LinkedHashMap<>();
        for (ReferrerType t : ReferrerType.values()) {
            types.put(referrerTypeName.apply(t), 0);
        }
        Map<String, Integer> reasons = new LinkedHashMap<>();
        for (Fact f : valid) {
            types.merge(referrerTypeName.apply(f.referrerType()), 1, Integer::sum);
            for (String r : f.reasons()) {
                reasons.merge(r, 1, Integer::sum);
            }
        }
        List<Count> byType = suppress(types, true);
        List<Count> byReason = suppress(reasons, false);

        List<Fact> contacted = valid.stream().filter(f -> f.firstContactOn() != null).toList();
        FirstContact firstContact;
        if (contacted.size() < MIN_COUNT) {
            firstContact = new FirstContact(count("contacted", contacted.size()), null, null);
        } else {
            double sum = 0;
            int within = 0;
            for (Fact f : contacted) {
                int days = WorkingDays.between(f.referredOn(), f.firstContactOn());
                sum += days;
                if (days <= targetDays) {
                    within++;
                }
            }
            firstContact = new FirstContact(count("contacted", contacted.size()), round(sum / contacted.size()),
                    round(100.0 * within / contacted.size()));
        }

        int started = (int) contacted.stream().filter(Fact::startedActivity).count();
        boolean activitySuppressed = contacted.size() < MIN_COUNT || small(started) || small(contacted.size() - started);
        Activity activity = new Activity(activitySuppressed ? null : round(100.0 * started / contacted.size()));

        List<Fact> measured = valid.stream().filter(f -> f.before() != null && f.after() != null).toList();
        Map<PositiveHealthDimension, Double> average = new EnumMap<>(PositiveHealthDimension.class);
        boolean changeSuppressed = measured.size() < MIN_COUNT;
        if (!changeSuppressed) {
            for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
                double sum = 0;
                for (Fact f : measured) {
                    sum += f.after().get(d) - f.before().get(d);
                }
                average.put(d, round(sum / measured.size()));
            }
        }
        Change change = new Change(count("measured", measured.size()), Map.copyOf(average));

        if (totalCount.suppressed()) {
            // With fewer than five referrals nothing is shown at all.
            byType = byType.stream().map(c -> new Count(c.label(), null)).toList();
            byReason = List.of();
            firstContact = new FirstContact(new Count("contacted", null), null, null);
            activity = new Activity(null);
            change = new Change(new Count("measured", null), Map.of());
        }
        return new Figures(from, to, totalCount, byType, byReason, firstContact, activity, change);
    }

    /** A count of 1 to 4 is small; 0 may be shown. */
    static boolean small(int n) {
        return n > 0 && n < MIN_COUNT;
    }

    /**
     * Suppresses small counts. For a breakdown whose parts add up to a shown total
     * ({@code complementary}), a single suppressed cell could be worked out from the total, so the
     * next smallest cell is suppressed too.
     */
    static List<Count> suppress(Map<String, Integer> counts, boolean complementary) {
        List<String> hidden = new ArrayList<>();
        counts.forEach((label, n) -> {
            if (small(n)) {
                hidden.add(label);
            }
        });
        if (complementary && hidden.size() == 1) {
            counts.entrySet().stream().filter(e -> !hidden.contains(e.getKey()) && e.getValue() > 0)
                    .min(Comparator.comparingInt(Map.Entry::getValue)).ifPresent(e -> hidden.add(e.getKey()));
        }
        List<Count> result = new ArrayList<>();
        counts.forEach((label, n) -> result.add(new Count(label, hidden.contains(label) ? null : n, hidden.contains(label) && !small(n))));
        return List.copyOf(result);
    }

    /** A count, suppressed when small. */
    static Count count(String label, int n) {
        return new Count(label, small(n) ? null : n);
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
