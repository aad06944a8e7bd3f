package nl.samenredzaam.calendar.internal;

import static nl.samenredzaam.calendar.internal.Fakes.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.calendar.api.Registration.Status;
import nl.samenredzaam.testing.fake.FakeDemoContext;

/** The Lindeholt programme loads on both databases and has what the demo needs to show. */
abstract class CalendarDemoDatabaseTest extends OnDatabase {


    @Test
    void lindeholtProgrammeWithRegistrationsAndAWaitlist() {
        Instant now = ams("2026-11-26T09:00");
        DemoContext context = new FakeDemoContext(Clock.fixed(now, Recurrence.ZONE), 1L);
        long initiative = db.newInitiative();
        db.inInitiative(initiative, sql -> {
            new CalendarDemo().populate(sql, context);
            return null;
        });
        Registrations rules = new Registrations(new ActivityRepository(), new RegistrationRepository(), new Notifier(),
                Clock.fixed(now, Recurrence.ZONE));
        List<Occurrence> month = db.inInitiative(initiative, sql -> rules.occurrences().between(sql, now,
                now.plus(Duration.ofDays(31)), a -> a.status() == Activity.Status.PUBLISHED));
        assertTrue(month.size() > 20, "a month full of activities: " + month.size());
        assertTrue(month.stream().anyMatch(Occurrence::isCancelled), "a cancelled coffee morning");
        Occurrence meal = month.stream().filter(o -> o.activity().title().equals("Samen eten")).findFirst().orElseThrow();
        assertEquals(8, meal.registered());
        assertEquals(2, meal.waitlisted());
        List<RegistrationRow> past = db.inInitiative(initiative, sql -> new RegistrationRepository().byUser(sql, 2L, null));
        assertTrue(past.stream().anyMatch(r -> r.status() == Status.PRESENT));
    }
}
