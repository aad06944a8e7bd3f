package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.db.DatabaseTest;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.property.Tries;

/**
 * Random referrals (with plan steps and follow-ups) in two initiatives with the same patients,
 * referrers and coaches, on real H2 and PostgreSQL: every read of the referral and trajectory
 * repositories in one initiative returns only its own rows, whatever ids of the other it is given,
 * and writes aimed at the other's ids change nothing there.
 */
@DatabaseTest(migrations = "db/referral/changelog.sql")
class CrossInitiativePropertiesDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final String[] PATIENTS = {"Truus Bakker", "Wim Kuipers", "Jet Smit"};

    private final TestDatabase db;
    private final ReferralRepository referrals = new ReferralRepository();
    private final TrajectoryRepository trajectory = new TrajectoryRepository();

    CrossInitiativePropertiesDbTest(TestDatabase db) {
        this.db = db;
    }

    /** Referral ids, with their follow-up ids. */
    private Map<Long, Set<Long>> fill(Random random, long initiative) {
        Map<Long, Set<Long>> made = new HashMap<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String patient = PATIENTS[random.nextInt(PATIENTS.length)];
            long referrer = 11 + random.nextInt(2);
            ReferralRepository.NewReferral r = new ReferralRepository.NewReferral("FORM", patient, LocalDate.of(1950, 1, 30),
                    "0578 111 222", List.of("Eenzaamheid"), "", Urgency.NORMAL, true, random.nextBoolean(), referrer, "Pieter van Dijk",
                    "Praktijk", ReferrerType.HUISARTS, "gp@example.org", random.nextInt(3) == 0 ? "ext-" + random.nextInt(3) : null);
            Set<Long> followUps = new HashSet<>();
            long id = db.inInitiative(initiative, sql -> {
                long rid = referrals.create(sql, r, ReferralStatus.NEW, NOW);
                if (random.nextBoolean()) {
                    referrals.assign(sql, rid, 21L + random.nextInt(2), "Marieke Smit", NOW);
                }
                trajectory.addStep(sql, rid, PlanStep.Kind.values()[random.nextInt(PlanStep.Kind.values().length)], "Koersbal", null,
                        null, null, null, NOW);
                followUps.add(trajectory.planFollowUp(sql, rid, FollowUp.Kind.values()[random.nextInt(FollowUp.Kind.values().length)],
                        LocalDate.of(2026, 11, 1 + random.nextInt(28))));
                return rid;
            });
            made.put(id, followUps);
        }
        return made;
    }

    @Test
    void noReadReturnsAnotherInitiativesReferrals() {
        Tries.run("no cross-initiative referrals on " + db.dialect(), 3L, Tries.count(15), random -> {
            long a = db.newInitiative();
            long b = db.newInitiative();
            Map<Long, Set<Long>> mine = fill(random, a);
            Map<Long, Set<Long>> theirs = fill(random, b);
            check(a, mine.keySet(), b, theirs);
            check(b, theirs.keySet(), a, mine);
        });
    }

    private void check(long initiative, Set<Long> mine, long other, Map<Long, Set<Long>> theirs) {
        Map<Long, Referral> before = new HashMap<>();
        for (long id : theirs.keySet()) {
            before.put(id, db.inInitiative(other, sql -> referrals.find(sql, id)).orElseThrow());
        }
        db.inInitiative(initiative, sql -> {
            Set<Long> seen = new HashSet<>();
            referrals.open(sql, null).forEach(r -> seen.add(r.id()));
            referrals.finished(sql, null, 1000).forEach(r -> seen.add(r.id()));
            referrals.waitingForContact(sql).forEach(r -> seen.add(r.id()));
            referrals.createdBetween(sql, NOW.minusSeconds(86_400), NOW.plusSeconds(86_400)).forEach(r -> seen.add(r.id()));
            for (long user : new long[] {11, 12, 21, 22}) {
                referrals.open(sql, user).forEach(r -> seen.add(r.id()));
                referrals.byReferrer(sql, user).forEach(r -> seen.add(r.id()));
                referrals.byCoach(sql, user).forEach(r -> seen.add(r.id()));
            }
            for (String patient : PATIENTS) {
                referrals.aboutPerson(sql, patient, LocalDate.of(1950, 1, 30), "0578 111 222").forEach(r -> seen.add(r.id()));
            }
            for (int e = 0; e < 3; e++) {
                referrals.findByExternalId(sql, "ext-" + e).ifPresent(r -> seen.add(r.id()));
            }
            trajectory.dueWithoutReminder(sql, LocalDate.of(2100, 1, 1)).forEach(f -> seen.add(f.referralId()));
            seen.addAll(trajectory.dueCounts(sql, LocalDate.of(2100, 1, 1)).keySet());
            seen.addAll(referrals.finishedBefore(sql, NOW.plusSeconds(365L * 86_400 * 50)));
            assertTrue(mine.containsAll(seen), "rows of another initiative: " + seen + " mine " + mine);
            for (Map.Entry<Long, Set<Long>> e : theirs.entrySet()) {
                long id = e.getKey();
                assertTrue(referrals.find(sql, id).isEmpty(), "find");
                assertTrue(trajectory.steps(sql, id).isEmpty(), "steps");
                assertTrue(trajectory.followUps(sql, id).isEmpty(), "follow-ups");
                assertTrue(trajectory.measurements(sql, id).isEmpty(), "measurements");
                for (long f : e.getValue()) {
                    assertTrue(trajectory.followUp(sql, id, f).isEmpty(), "follow-up");
                    assertFalse(trajectory.completeFollowUp(sql, f, "gedaan", NOW), "complete another's follow-up");
                }
                assertFalse(referrals.assign(sql, id, 99L, "Ander", NOW), "assign");
                assertFalse(referrals.setStatus(sql, id, ReferralStatus.CANCELLED, NOW), "setStatus");
                assertEquals(0, referrals.anonymise(sql, id, NOW), "anonymise");
                assertEquals(0, referrals.delete(sql, id), "delete");
            }
            return null;
        });
        for (long id : theirs.keySet()) {
            assertEquals(before.get(id), db.inInitiative(other, sql -> referrals.find(sql, id)).orElseThrow(), "unchanged");
        }
    }
}
