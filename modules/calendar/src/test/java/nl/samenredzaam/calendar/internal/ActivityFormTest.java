package nl.samenredzaam.calendar.internal;

import static nl.samenredzaam.calendar.internal.Fakes.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;

class ActivityFormTest {

    static final Messages NL = Messages.of(CalendarModule.class, Text.DUTCH);
    static final List<String> CATEGORIES = List.of("bewegen", "eten");

    static ActivityForm form(String date, String repeat, String until, String exceptions, String capacity) {
        return new ActivityForm("Wandelen", "", "bewegen", "", "", "", false, false, "", date, "10.00", "11:30", repeat, until,
                "", exceptions, capacity, true, true, "", "PUBLIC", "PUBLISHED");
    }

    @Test
    void weeklyWithSummerBreakInDutchNotation() {
        Map<String, String> problems = Fakes.problems();
        ActivityInput input = form("2-6-2026", "weekly", "29-9-2026", "14-7-2026 t/m 25-8-2026", "15").toInput(NL, problems);
        assertEquals(Map.of(), problems);
        assertEquals("FREQ=WEEKLY;BYDAY=TU;UNTIL=20260929T215959Z", input.recurrence());
        ActivityInput.Valid v = input.validate(NL, CATEGORIES, problems);
        assertEquals(Map.of(), problems);
        assertEquals(ams("2026-06-02T10:00"), v.start());
        assertEquals(ams("2026-06-02T11:30"), v.end());
        assertEquals(7, v.exceptions().size(), "only the Tuesdays of the break: " + v.exceptions());
        assertEquals(LocalDate.parse("2026-07-14"), v.exceptions().get(0));
        assertEquals(ams("2026-09-29T10:00"), v.seriesUntil());
    }

    @Test
    void monthlyOnTheSecondThursdayAndLastWeekday() {
        assertEquals("FREQ=MONTHLY;BYDAY=2TH", ActivityForm.rule("monthly", LocalDate.parse("2026-01-08")));
        assertEquals("FREQ=MONTHLY;BYDAY=-1TH", ActivityForm.rule("monthly", LocalDate.parse("2026-01-29")));
        assertEquals("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", ActivityForm.rule("biweekly", LocalDate.parse("2026-01-09")));
    }

    @Test
    void everyWrongFieldGetsADutchMessageAndTheTextIsKept() {
        Map<String, String> problems = Fakes.problems();
        ActivityForm typed = new ActivityForm("", "", "bewegen", "", "", "", false, false, "ftp://x", "31-2-2026", "tien uur",
                "11:30", "weekly", "", "", "morgen", "veel", true, true, "", "PUBLIC", "PUBLISHED");
        ActivityInput input = typed.toInput(NL, problems);
        input.validate(NL, CATEGORIES, problems);
        assertEquals("Schrijf de datum als 1-12-2026.", problems.get("date"));
        assertEquals("Schrijf de tijd als 10:00.", problems.get("startTime"));
        assertTrue(problems.get("exceptions").startsWith("Schrijf elke datum"));
        assertTrue(problems.get("capacity").startsWith("Vul een aantal plaatsen in"));
        assertEquals("Vul de naam van de activiteit in.", problems.get("title"));
        assertEquals("Vul een webadres in dat begint met https://", problems.get("onlineUrl"));
        assertEquals("morgen", typed.exceptions(), "nothing typed is lost");
    }

    @Test
    void apiInputNamesTheField() {
        Map<String, String> problems = Fakes.problems();
        ActivityInput input = new ActivityInput("Koffie", null, "koken", null, null, null, null, null, null,
                "2026-06-02T10:00:00+02:00", "2026-06-02T09:00:00+02:00", "FREQ=MINUTELY", List.of("2026-13-01"), 0, null, null,
                null, "everyone", null);
        assertNull(input.validate(Messages.of(CalendarModule.class, java.util.Locale.ENGLISH), CATEGORIES, problems));
        assertEquals(List.of("category", "end", "recurrence", "exceptions", "capacity", "visibility"), List.copyOf(problems.keySet()));
        assertEquals("The end must be after the start.", problems.get("end"));
    }

    @Test
    void anExistingActivityComesBackIntoTheForm() {
        Map<String, String> problems = Fakes.problems();
        ActivityInput.Valid v = form("2-6-2026", "biweekly", "", "", "8").toInput(NL, problems).validate(NL, CATEGORIES, problems);
        Activity a = new Activity(1, v.title(), v.description(), v.category(), null, null, null, null, false, false, null,
                v.start(), v.end(), v.rrule(), v.exceptions(), v.capacity(), true, true, null, v.visibility(), v.status(), 0, v.start());
        ActivityForm back = ActivityForm.of(a);
        assertEquals("biweekly", back.repeat());
        assertEquals("2-6-2026", back.date());
        assertEquals("10:00", back.startTime());
        assertEquals("8", back.capacity());
    }
}
