package nl.samenredzaam.calendar.internal;

import static nl.samenredzaam.calendar.internal.Fakes.ams;

import java.time.Clock;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.samenredzaam.testing.fuzz.ApiFuzz;
import nl.samenredzaam.web.internal.Json;

/**
 * Every JSON body of the calendar's API ({@code POST/PUT .../calendar/...}) on any bytes: an answer
 * or a 4xx problem naming what is wrong, never another exception (a 500). The bodies are read by
 * the platform's own {@code Json.read}, handled by the real handlers on H2 with the Lindeholt demo
 * data, for existing and missing ids.
 *
 * <p>In a normal build this replays the stored inputs in
 * {@code src/test/resources/nl/samenredzaam/calendar/internal/CalendarApiFuzzTestInputs/bodiesAnswerOr4xx/}.
 * Real fuzzing (new inputs go to {@code .cifuzz-corpus/}, a finding next to the stored inputs):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f modules/calendar/pom.xml test -Dtest=CalendarApiFuzzTest \
 *     -Djazzer.instrument='nl.samenredzaam.**' -Djazzer.max_duration=5m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class CalendarApiFuzzTest {

    static final Clock CLOCK = Clock.fixed(ams("2026-11-26T09:00"), Recurrence.ZONE);
    static final ApiFuzz FUZZ = new ApiFuzz(new CalendarModule(new Notifier(), CLOCK), "db/calendar/changelog.sql",
            new CalendarDemo(), CLOCK)
            .readBodiesWith(Json::read);

    @AfterAll
    static void close() {
        FUZZ.close();
    }

    @FuzzTest(maxDuration = "10s")
    void bodiesAnswerOr4xx(byte[] data) {
        FUZZ.callAll(data, 1L, 3L, 999_999L);
    }
}
