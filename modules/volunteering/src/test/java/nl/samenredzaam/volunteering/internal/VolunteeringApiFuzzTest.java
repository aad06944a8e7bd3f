package nl.samenredzaam.volunteering.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.samenredzaam.testing.fuzz.ApiFuzz;
import nl.samenredzaam.web.internal.Json;

/**
 * Every JSON body of the volunteering API (help requests, actions, repeats, profiles, VOG) on any
 * bytes: an answer or a 4xx problem, never another exception (a 500). Bodies are read by the
 * platform's own {@code Json.read} and handled by the real handlers on H2 with the Lindeholt demo
 * data, for existing and missing ids.
 *
 * <p>In a normal build this replays
 * {@code src/test/resources/nl/samenredzaam/volunteering/internal/VolunteeringApiFuzzTestInputs/bodiesAnswerOr4xx/}.
 * Real fuzzing:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f modules/volunteering/pom.xml test -Dtest=VolunteeringApiFuzzTest \
 *     -Djazzer.instrument='nl.samenredzaam.**' -Djazzer.max_duration=5m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class VolunteeringApiFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    static final ApiFuzz FUZZ = new ApiFuzz(new VolunteeringModule(Notifier.NONE, CLOCK), "db/volunteering/changelog.sql",
            new VolunteeringDemo(), CLOCK)
            .readBodiesWith(Json::read);

    @AfterAll
    static void close() {
        FUZZ.close();
    }

    @FuzzTest(maxDuration = "10s")
    void bodiesAnswerOr4xx(byte[] data) {
        FUZZ.callAll(data, 1L, 4L, 999_999L);
    }
}
