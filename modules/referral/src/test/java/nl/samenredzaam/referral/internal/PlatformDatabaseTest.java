package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.db.DatabaseTest;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.fake.FakeDemoContext;
import nl.samenredzaam.testing.fake.MutableClock;
import nl.samenredzaam.testing.fake.RecordingMailer;

/**
 * The module's SQL on the platform's own data access (core's JdbcDatabase, its named-parameter
 * binding and the Liquibase migrator), on H2 and PostgreSQL: the changelog, the demo data, the
 * workflow, the monitor, the module switch look-up and retention.
 */
@DatabaseTest(migrations = "db/referral/changelog.sql")
class PlatformDatabaseTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private final TestDatabase db;

    PlatformDatabaseTest(TestDatabase db) {
        this.db = db;
    }

    @Test
    void demoWorkflowMonitorAndRetentionOnThePlatformsDataAccess() {
        long initiative = db.newInitiative();
        Map<String, Long> users = Map.of("referrer", 11L, "professional", 21L, "coordinator", 31L);
        db.inInitiative(initiative, sql -> {
            new ReferralDemo().populate(sql, new FakeDemoContext(Clock.fixed(NOW, ZoneOffset.UTC), users));
            return null;
        });

        Clock clock = MutableClock.at(NOW).withZone(ZoneOffset.UTC);
        RecordingMailer mailer = new RecordingMailer();
        ReferralService service = new ReferralService(Partners.none(), mailer, clock);
        long id = db.inInitiative(initiative, sql -> service.create(sql, new ReferralInput("Jet Smit", "1949-04-01", "0578 222 333",
                List.of("rouw"), "", "SOON", true, true, "POH", "Praktijk Oost"), ReferralService.DEFAULT_REASONS,
                new ReferralService.Referrer(11L, "Pieter van Dijk", "gp@example.org"), "API", null, 5));
        db.inInitiative(initiative, sql -> {
            Referral r = service.referrals().find(sql, id).orElseThrow();
            service.assign(sql, r, 21L, "Marieke Smit");
            service.intake(sql, service.referrals().find(sql, id).orElseThrow(), new IntakeInput("Rouw om haar zus.", "", true, true, false,
                    new ScoresInput(Map.of(), Set.of())));
            service.addStep(sql, service.referrals().find(sql, id).orElseThrow(), new StepInput(PlanStep.Kind.ACTIVITY,
                    "Rouwcafé in de bibliotheek", null, java.time.OffsetDateTime.parse("2026-12-01T19:30:00+01:00"), null, null, false));
            return null;
        });
        db.inInitiative(initiative, sql -> {
            Referral r = service.referrals().find(sql, id).orElseThrow();
            assertEquals(ReferralStatus.IN_PROGRESS, r.status());
            assertEquals(List.of("Rouw"), r.reasons());
            assertEquals(3, service.trajectory().followUps(sql, id).size());
            assertEquals(LocalDate.of(2026, 12, 2), service.trajectory().followUps(sql, id).get(0).dueOn());
            return null;
        });

        LivePartners partners = new LivePartners();
        boolean withoutSwitchboard = db.inInitiative(initiative, sql -> partners.enabled(sql, "calendar"));
        assertFalse(withoutSwitchboard, "no switchboard: off");
        partners.useSwitches((nl.samenredzaam.api.module.ModuleSwitches) (i, m) -> i == initiative && m.equals("calendar"));
        boolean here = db.inInitiative(initiative, sql -> partners.enabled(sql, "calendar"));
        boolean elsewhere = db.inInitiative(db.newInitiative(), sql -> partners.enabled(sql, "calendar"));
        assertTrue(here);
        assertFalse(elsewhere, "per initiative");

        MonitorPages monitor = new MonitorPages(service);
        MonitorFigures.Figures f = db.inInitiative(initiative,
                sql -> monitor.figures(sql, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 26), 5, java.util.Locale.ROOT));
        assertFalse(f.total().suppressed());
        assertFalse(f.change().suppressed());

        ReferralPrivacy privacy = new ReferralPrivacy(clock);
        int purged = db.inInitiative(initiative, sql -> privacy.purgeExpired(sql, NOW.plus(Duration.ofDays(3 * 365))));
        assertTrue(purged > 5, "closed demo referrals are anonymised after two years: " + purged);
        assertTrue(db.inInitiative(initiative, sql -> service.referrals().open(sql, null)).stream().noneMatch(r -> r.patientName().equals("-")),
                "open referrals keep their data");
    }
}
