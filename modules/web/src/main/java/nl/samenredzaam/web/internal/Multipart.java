package nl.samenredzaam.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.identity.platform.Session;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) from the already size-limited request body:
 * the form uploads of the admin and operator pages (a logo, a bundle). The first part of each name
 * counts.
 */
final class Multipart {

    /** One field or file. */
    record Part(String name, String filename, String contentType, byte[] data) {

        String text() {
            return new String(data, StandardCharsets.UTF_8).strip();
        }

        boolean isFile() {
            return filename != null;
        }
    }

    private static final Pattern BOUNDARY = Pattern.compile("boundary=(?:\"([^\"]+)\"|([^;\\s]+))", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[; ]name=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern FILENAME = Pattern.compile("filename=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private Multipart() {
    }

    static boolean is(Exchange ex) {
        String type = ex.request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    static Map<String, Part> parse(Exchange ex) {
        return parse(ex.request.getContentType(), ex.body());
    }

    /** A 400 problem when the body is not well-formed multipart. */
    static Map<String, Part> parse(String contentType, byte[] body) {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (m == null || !m.find()) {
            throw ProblemException.badRequest("Het formulier is niet goed verstuurd / the form was not sent correctly");
        }
        byte[] delimiter = ("--" + (m.group(1) != null ? m.group(1) : m.group(2))).getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Part> parts = new LinkedHashMap<>();
        int pos = indexOf(body, delimiter, 0);
        if (pos < 0) {
            throw ProblemException.badRequest("Het formulier is niet goed verstuurd / the form was not sent correctly");
        }
        while (true) {
            int start = pos + delimiter.length;
            if (start + 1 < body.length && body[start] == '-' && body[start + 1] == '-') {
                break; // closing delimiter
            }
            start = skipLineBreak(body, start);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), start);
            int next = indexOf(body, delimiter, start);
            if (headersEnd < 0 || next < 0 || headersEnd > next) {
                throw ProblemException.badRequest("Het formulier is niet goed verstuurd / the form was not sent correctly");
            }
            String headers = new String(body, start, headersEnd - start, StandardCharsets.UTF_8);
            int dataEnd = next;
            if (dataEnd >= 2 && body[dataEnd - 2] == '\r' && body[dataEnd - 1] == '\n') {
                dataEnd -= 2;
            }
            byte[] data = Arrays.copyOfRange(body, headersEnd + 4, Math.max(headersEnd + 4, dataEnd));
            String name = null;
            String filename = null;
            String type = null;
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-disposition:")) {
                    Matcher n = NAME.matcher(line);
                    name = n.find() ? n.group(1) : null;
                    Matcher f = FILENAME.matcher(line);
                    filename = f.find() ? f.group(1) : null;
                } else if (lower.startsWith("content-type:")) {
                    type = line.substring(line.indexOf(':') + 1).strip();
                }
            }
            if (name != null) {
                parts.putIfAbsent(name, new Part(name, filename, type, data));
            }
            pos = next;
        }
        return parts;
    }

    /** The CSRF check of {@link Csrf} for a multipart form: its {@code _csrf} part must equal the session's token. */
    static void checkCsrf(Exchange ex, Map<String, Part> parts) {
        if (ex.viaToken()) {
            return;
        }
        Session session = ex.session().orElse(null);
        if (session == null) {
            return;
        }
        Part part = parts.get("_csrf");
        String sent = part == null ? "" : part.text();
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, "Het formulier is verlopen of niet van deze site / the form expired or is not from this site");
        }
    }

    private static int skipLineBreak(byte[] body, int pos) {
        if (pos + 1 < body.length && body[pos] == '\r' && body[pos + 1] == '\n') {
            return pos + 2;
        }
        return pos;
    }

    static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
