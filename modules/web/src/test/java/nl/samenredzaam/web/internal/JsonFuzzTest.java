package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.code_intelligence.jazzer.junit.FuzzTest;

import nl.samenredzaam.api.web.ProblemException;

/**
 * {@link Json#read} on any bytes only ever answers with a value or a {@link ProblemException} with status 400:
 * never another exception (which the front servlet would turn into a 500), never an error such as a stack overflow.
 * <p>
 * In a normal build ({@code mvn test}) this runs as a regression test over the stored inputs in
 * {@code src/test/resources/nl/samenredzaam/web/internal/JsonFuzzTestInputs/readAnswersAValueOr400/}. To fuzz for real
 * (new inputs are kept in {@code .cifuzz-corpus/}, a finding is written next to the stored inputs):
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -f modules/web/pom.xml test -Dtest=JsonFuzzTest -Djazzer.max_duration=10m
 * </pre>
 */
class JsonFuzzTest {

    enum Kind { OFFER, REQUEST }

    /** The shape of most module inputs: a few strings. */
    record Simple(String title, String body) {
    }

    /** Every scalar type module inputs use. */
    record Typed(int count, long id, boolean flag, double amount, Integer optionalCount, Kind kind, LocalDate date,
            Instant at, LocalTime time, OffsetDateTime when, Duration duration) {
    }

    /** Collections, nesting and maps. */
    record Nested(String name, List<Simple> items, Map<String, Integer> counts, int[] numbers, List<List<String>> grid,
            Nested child) {
    }

    /** Validation in the constructor, as records in modules do. */
    record Validated(String email, int seats) {
        Validated {
            Objects.requireNonNull(email, "email");
            if (!email.contains("@")) {
                throw new IllegalArgumentException("email");
            }
            if (seats < 1) {
                throw new IllegalStateException("seats");
            }
        }
    }

    /** Free-form JSON inside a typed body (e.g. referral's close body with its scores) and a whole-body map. */
    record Untyped(String outcome, Map<String, Object> scores, List<String> wantToTalk) {
    }

    static final List<Class<?>> TYPES = List.of(Simple.class, Typed.class, Nested.class, Validated.class,
            Untyped.class, Map.class);

    @FuzzTest(maxDuration = "10s")
    void readAnswersAValueOr400(byte[] data) {
        for (Class<?> type : TYPES) {
            try {
                Json.read(data, type);
            } catch (ProblemException e) {
                assertEquals(400, e.status(), () -> type.getSimpleName() + ": " + e);
            }
        }
    }
}
