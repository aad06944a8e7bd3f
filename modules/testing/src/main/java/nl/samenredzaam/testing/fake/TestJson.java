package nl.samenredzaam.testing.fake;

import java.io.IOException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import nl.samenredzaam.api.web.ProblemException;

/**
 * The platform's JSON rules for tests (a copy of the web bundle's {@code Json}, which is internal
 * there): strict on input (unknown fields, wrong types, {@code null} for numbers are a 400 problem
 * naming the field) and ISO-8601 dates on output.
 */
public final class TestJson {

    /** The mapper, configured as the platform's. */
    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private TestJson() {
    }

    /**
     * Reads a request body as the platform does.
     *
     * @throws ProblemException 400, naming the field where there is one
     */
    public static <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw ProblemException.badRequest("Er is geen JSON meegestuurd / the request has no JSON body");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ProblemException.badRequest("Er is geen JSON-object meegestuurd / the body is not a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ProblemException.invalidField(path(e), "Onbekend veld / unknown field");
        } catch (InvalidFormatException e) {
            throw ProblemException.invalidField(path(e), "Verkeerde waarde of soort / wrong value or type");
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw ProblemException.badRequest("De JSON heeft niet de verwachte vorm / the JSON does not have the expected shape");
            }
            throw ProblemException.invalidField(field, "Verkeerde soort waarde of ontbrekend / wrong type or missing");
        } catch (JsonMappingException e) {
            String field = path(e);
            if (e.getCause() instanceof ProblemException pe) {
                throw pe;
            }
            throw ProblemException.invalidField(field.isEmpty() ? "body" : field, "Ongeldige waarde / invalid value");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("Dit is geen geldige JSON / the body is not valid JSON");
        } catch (IOException e) {
            throw ProblemException.badRequest("De body kon niet worden gelezen / the body could not be read");
        }
    }

    /** Writes a value as the platform writes a JSON answer. */
    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write as JSON: " + value, e);
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
