package nl.samenredzaam.referral.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterAll;

import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.samenredzaam.testing.fuzz.ApiFuzz;
import nl.samenredzaam.web.internal.Json;

/**
 * Every JSON body of the welzijn-op-recept API on any bytes, including the FHIR import
 * ({@code POST .../referral/fhir}, a Bundle or ServiceRequest) and the practice's referral by
 * token: an answer or a 4xx problem, never another exception (a 500). Bodies are read by the
 * platform's own {@code Json.read} (the FHIR import reads the raw bytes itself) and handled by the
 * real handlers on H2 with the Lindeholt demo data, for existing and missing ids.
 *
 * <p>In a normal build this replays
 * {@code src/test/resources/nl/samenredzaam/referral/internal/ReferralApiFuzzTestInputs/bodiesAnswerOr4xx/}.
 * Real fuzzing:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f modules/referral/pom.xml test -Dtest=ReferralApiFuzzTest \
 *     -Djazzer.instrument='nl.samenredzaam.**' -Djazzer.max_duration=5m -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class ReferralApiFuzzTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T09:00:00Z"), ZoneId.of("Europe/Amsterdam"));
    static final ApiFuzz FUZZ = new ApiFuzz(new ReferralModule(new LivePartners(), (sql, mail) -> { }, CLOCK),
            "db/referral/changelog.sql", new ReferralDemo(), CLOCK)
            .readBodiesWith(Json::read);

    @AfterAll
    static void close() {
        FUZZ.close();
    }

    @FuzzTest(maxDuration = "10s")
    void bodiesAnswerOr4xx(byte[] data) {
        FUZZ.param("followUp", "1");
        FUZZ.param("token", "no-such-token");
        FUZZ.callAll(data, 1L, 2L, 999_999L);
    }
}
