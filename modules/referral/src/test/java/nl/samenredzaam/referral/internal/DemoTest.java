package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.testing.fake.FakeDemoContext;

/** The demo data loads on both databases and shows every stage, a closed one with before and after, and monitor figures. */
class DemoTest {

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void demoDataCoversEveryStage(Sql.Dialect dialect) throws Exception {
        TestDb db = Databases.get(dialect);
        long initiative = db.newInitiative();
        Sql sql = db.sql(initiative);
        Instant now = Instant.parse("2026-11-26T09:00:00Z");
        Map<String, Long> users = Map.of("referrer", 11L, "professional", 21L, "coordinator", 31L);
        new ReferralDemo().populate(sql, new FakeDemoContext(Clock.fixed(now, ZoneOffset.UTC), users));
        ReferralRepository referrals = new ReferralRepository();
        List<Referral> open = referrals.open(sql, null);
        assertTrue(open.stream().anyMatch(r -> r.status() == ReferralStatus.NEW));
        assertTrue(open.stream().anyMatch(r -> r.status() == ReferralStatus.ACCEPTED));
        assertTrue(open.stream().anyMatch(r -> r.status() == ReferralStatus.IN_PROGRESS));
        List<Referral> mine = referrals.byReferrer(sql, 11L);
        Referral annie = mine.stream().filter(r -> r.patientName().equals("Annie Brouwer")).findFirst().orElseThrow();
        assertEquals(ReferralStatus.CLOSED, annie.status());
        assertEquals(2, new TrajectoryRepository().measurements(sql, annie.id()).size());
        assertTrue(mine.stream().anyMatch(r -> r.status() == ReferralStatus.UNREACHABLE));
        assertTrue(new TrajectoryRepository().dueCounts(sql, LocalDate.of(2026, 11, 26)).values().stream().anyMatch(n -> n > 0),
                "a follow-up is due");

        MonitorPages monitor = new MonitorPages(new ReferralService(Partners.none(), (s, m) -> { }, Clock.fixed(now, ZoneOffset.UTC)));
        MonitorFigures.Figures f = monitor.figures(sql, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 26), 5, java.util.Locale.ROOT);
        assertFalse(f.total().suppressed());
        assertFalse(f.firstContact().suppressed());
        assertFalse(f.change().suppressed(), "enough before/after pairs for the demo monitor");
    }
}
