package nl.samenredzaam.calendar.internal;

import static nl.samenredzaam.calendar.internal.Fakes.ams;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.samenredzaam.api.i18n.Messages;

/**
 * The RRULE of an activity (the {@code recurrence} field of the API and the form) on any text:
 * either a field error on {@code recurrence} (or the exceptions that depend on it), or a valid
 * activity whose occurrences, at most one a day, can be listed for a month, a year and decades
 * ahead within the cap; never an exception from ical4j, never a rule that makes saving or listing hang
 * or run out of memory.
 *
 * <p>Stored inputs: {@code src/test/resources/nl/samenredzaam/calendar/internal/RecurrenceFuzzTestInputs/ruleIsAFieldErrorOrExpandsWithinLimits/}.
 * Real fuzzing, ical4j's parser instrumented:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f modules/calendar/pom.xml test -Dtest=RecurrenceFuzzTest \
 *     -Djazzer.instrument='net.fortuna.ical4j.**,nl.samenredzaam.**' -Djazzer.max_duration=5m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class RecurrenceFuzzTest {

    static final Messages MSG = Messages.of(CalendarModule.class, Locale.forLanguageTag("nl"));

    @FuzzTest(maxDuration = "10s")
    void ruleIsAFieldErrorOrExpandsWithinLimits(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        String rrule = text;
        List<String> exceptions = List.of();
        int split = text.indexOf('\n');
        if (split >= 0) {
            rrule = text.substring(0, split);
            exceptions = List.of(text.substring(split + 1).split("\n", 5));
        }
        ActivityInput input = new ActivityInput("Wandelen", "Rustig wandelen", "bewegen", null, null, null, null, null, null,
                "2026-03-03T10:00:00+01:00", "2026-03-03T11:00:00+01:00", rrule, exceptions, 10, true, true, null, "PUBLIC",
                "PUBLISHED");
        Map<String, String> problems = ActivityInput.newProblems();
        ActivityInput.Valid v = input.validate(MSG, List.of("bewegen"), problems);
        if (v == null) {
            assertTrue(!problems.isEmpty(), "refused without a reason");
            assertTrue(problems.keySet().stream().allMatch(k -> k.equals("recurrence") || k.equals("exceptions")),
                    "only the rule or its exceptions can be wrong: " + problems);
            return;
        }
        Instant first = v.start();
        for (Instant[] range : new Instant[][] {{ams("2026-03-01T00:00"), ams("2026-04-01T00:00")},
                {ams("2026-10-01T00:00"), ams("2026-11-01T00:00")}, {first, first.plus(366, ChronoUnit.DAYS)},
                {ams("2060-01-01T00:00"), ams("2060-02-01T00:00")}}) {
            List<Instant> starts = Recurrence.starts(first, v.rrule(), v.exceptions(), range[0], range[1]);
            assertTrue(starts.size() <= Recurrence.MAX_OCCURRENCES, "capped");
            for (int i = 0; i < starts.size(); i++) {
                assertTrue(!starts.get(i).isBefore(range[0]) && starts.get(i).isBefore(range[1]), "in range");
                assertTrue(i == 0 || starts.get(i - 1).isBefore(starts.get(i)), "in order, no doubles");
                assertTrue(i == 0 || starts.get(i - 1).atZone(Recurrence.ZONE).toLocalDate()
                        .isBefore(starts.get(i).atZone(Recurrence.ZONE).toLocalDate()), "at most one a day: " + v.rrule());
                assertTrue(!starts.get(i).isBefore(first), "not before the first");
            }
            if (!starts.isEmpty()) {
                assertEquals(true, Recurrence.isOccurrence(first, v.rrule(), v.exceptions(), starts.get(0)));
            }
            if (v.seriesUntil() != null && !starts.isEmpty()) {
                assertTrue(!starts.get(starts.size() - 1).isAfter(v.seriesUntil()), "the stored last start is the last");
            }
        }
    }
}
