package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import nl.samenredzaam.api.web.ProblemException;

/** The one JSON configuration of the platform: strict on input, ISO-8601 dates on output. */
public final class Json {

    /** Deeper nesting than any request of ours needs; without a limit deep input can overflow the stack. */
    static final int MAX_NESTING = 64;

    public static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
            .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build())
            .build())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private Json() {
    }

    /** Reads a body; every problem becomes a 400 that names the field, never Jackson's own message. */
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
            Throwable cause = e.getCause();
            if (cause instanceof ProblemException pe) {
                throw pe;
            }
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                throw ProblemException.invalidField(field.isEmpty() ? "body" : field, "Ongeldige of ontbrekende waarde / invalid or missing value");
            }
            throw ProblemException.invalidField(field.isEmpty() ? "body" : field, "Ongeldige waarde / invalid value");
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("Dit is geen geldige JSON / the body is not valid JSON");
        } catch (IOException e) {
            throw ProblemException.badRequest("De body kon niet worden gelezen / the body could not be read");
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be written as JSON", e);
        }
    }
}
