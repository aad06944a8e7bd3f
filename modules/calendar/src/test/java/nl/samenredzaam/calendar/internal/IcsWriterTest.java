package nl.samenredzaam.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

class IcsWriterTest {

    static Instant ams(String local) {
        return LocalDateTime.parse(local).atZone(Recurrence.ZONE).toInstant();
    }

    static Activity walk(int sequence) {
        return new Activity(7, "Wandelen met de wandelgroep", "Rustig tempo, ongeveer een uur.", "bewegen", "Henk", null,
                "Dorpshuis De Linde", "Rolstoel: nee", false, false, null, ams("2026-06-02T10:00"), ams("2026-06-02T11:00"),
                "FREQ=WEEKLY;BYDAY=TU;UNTIL=20260901T000000Z",
                List.of(LocalDate.parse("2026-07-14"), LocalDate.parse("2026-07-21"), LocalDate.parse("2026-07-28")), 15, true,
                true, null, Activity.Visibility.PUBLIC, Activity.Status.PUBLISHED, sequence, ams("2026-05-20T09:00"));
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    @Test
    void seriesWithSummerBreakParsesWithTheRightNumberOfOccurrences() throws Exception {
        String ics = IcsWriter.write("Dorpszorg Lindeholt", "lindeholt",
                List.of(new IcsWriter.Entry(walk(3), List.of(), "https://example.org/lindeholt/calendar/activities/7")));
        Calendar calendar = parse(ics);
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        VEvent event = events.get(0);
        assertEquals("activity-7@lindeholt.samenredzaam", event.getUid().orElseThrow().getValue());
        assertEquals("3", event.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertTrue(event.getDescription().orElseThrow().getValue().contains("https://example.org/lindeholt/calendar/activities/7"));
        assertTrue(ics.contains("TZID=Europe/Amsterdam"), ics);
        assertEquals(1, calendar.getComponents(Component.VTIMEZONE).size());
        // June 2 .. Aug 25: 13 Tuesdays, minus 3 in the summer break
        Period<ZonedDateTime> summer = new Period<>(ams("2026-06-01T00:00").atZone(Recurrence.ZONE),
                ams("2026-09-30T00:00").atZone(Recurrence.ZONE));
        Set<?> occurrences = event.calculateRecurrenceSet(summer);
        assertEquals(10, occurrences.size());
        String starts = occurrences.toString();
        assertTrue(!starts.contains("2026-07-14"), starts);
    }

    @Test
    void cancelledAndMovedOccurrencesAreMarked() throws Exception {
        Activity walk = walk(4);
        List<ActivityRepository.Change> changes = List.of(
                new ActivityRepository.Change(7, ams("2026-06-09T10:00"), true, null, null, "Regen"),
                new ActivityRepository.Change(7, ams("2026-06-16T10:00"), false, ams("2026-06-17T14:00"), ams("2026-06-17T15:00"), null));
        Calendar calendar = parse(IcsWriter.write("Lindeholt", "lindeholt",
                List.of(new IcsWriter.Entry(walk, changes, "https://example.org/a/7"))));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(3, events.size());
        List<String> statuses = events.stream().map(e -> e.getProperty(Property.STATUS).orElseThrow().getValue())
                .collect(Collectors.toList());
        assertEquals(List.of("CONFIRMED", "CANCELLED", "CONFIRMED"), statuses);
        VEvent cancelled = events.get(1);
        assertEquals(ams("2026-06-09T10:00"),
                ((ZonedDateTime) cancelled.getProperty(Property.RECURRENCE_ID).map(p -> ((net.fortuna.ical4j.model.property.RecurrenceId<?>) p).getDate()).orElseThrow()).toInstant());
        assertTrue(events.stream().allMatch(e -> e.getUid().orElseThrow().getValue().equals("activity-7@lindeholt.samenredzaam")));
    }
}
