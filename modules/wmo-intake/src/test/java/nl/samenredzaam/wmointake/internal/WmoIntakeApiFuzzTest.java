package nl.samenredzaam.wmointake.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.samenredzaam.testing.fuzz.ApiFuzz;
import nl.samenredzaam.web.internal.Json;

import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;

/**
 * Every JSON body of the Wmo intake API (melding, conversation, measurements, each step, links,
 * the resident's reaction, reopen) on any bytes: an answer or a 4xx problem, never another
 * exception (a 500). Bodies are read by the platform's own {@code Json.read} and handled by the
 * real handlers on H2 with the Lindeholt demo data, for existing and missing files, each step.
 *
 * <p>In a normal build this replays
 * {@code src/test/resources/nl/samenredzaam/wmointake/internal/WmoIntakeApiFuzzTestInputs/bodiesAnswerOr4xx/}.
 * Real fuzzing:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f modules/wmo-intake/pom.xml test -Dtest=WmoIntakeApiFuzzTest \
 *     -Djazzer.instrument='nl.samenredzaam.**' -Djazzer.max_duration=5m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class WmoIntakeApiFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    static final ApiFuzz FUZZ = new ApiFuzz(new WmoIntakeModule(WmoTerms.WMO_2015, CLOCK), "db/wmo-intake/changelog.sql",
            new WmoIntakeDemo(), CLOCK)
            .readBodiesWith(Json::read);

    @AfterAll
    static void close() {
        FUZZ.close();
    }

    @FuzzTest(maxDuration = "10s")
    void bodiesAnswerOr4xx(byte[] data) {
        for (String step : new String[] {"plan", "verslag", "reactie", "aanvraag", "beschikking", "sluiten", "toewijzing", "x"}) {
            FUZZ.param("step", step);
            FUZZ.callAll(data, 1L, 2L, 999_999L);
        }
    }
}
