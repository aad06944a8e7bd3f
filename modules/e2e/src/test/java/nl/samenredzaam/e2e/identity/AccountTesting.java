package nl.samenredzaam.e2e.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;

/** What the identity ITs share: form sign-in, CSRF tokens from pages, and TOTP codes computed on the test side. */
public final class AccountTesting {

    public static final String SLUG = "lindeholt";
    public static final String DEMO_PASSWORD = "lindeholt-demo";
    /** The demo's second admin and its documented TOTP secret (identity README). */
    public static final String TOTP_ADMIN = "beheerder2";
    public static final String DEMO_TOTP_SECRET = "LINDEHOLTDEMOBEHEERDERTOTPCODES2";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private AccountTesting() {
    }

    /** Signs in through the form; the answer (303 on success). */
    public static JsonResponse login(HttpJson http, String username, String password) {
        return http.postForm("/login", Map.of("username", username, "password", password, "returnTo", "/"));
    }

    /** Signs in with a password only, failing when that does not give a session. */
    public static HttpJson signedIn(HttpJson base, String username, String password) {
        HttpJson http = base.newSession();
        JsonResponse answer = login(http, username, password);
        assertEquals(303, answer.status(), answer.body());
        assertEquals("/", answer.header("Location").orElse(""), "no second step for " + username);
        return http;
    }

    /** The CSRF token of a page that has a form. */
    public static String csrf(JsonResponse page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            fail("no CSRF field on the page: " + page.body());
        }
        return m.group(1);
    }

    /** The first match of {@code regex}'s group 1 in {@code text}. */
    public static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            fail("no " + regex + " in: " + text);
        }
        return m.group(1);
    }

    /** The six-digit TOTP code (RFC 6238, HMAC-SHA1, 30 s) of a base32 secret, {@code stepsAhead} steps from now. */
    public static String totp(String base32Secret, int stepsAhead) {
        long step = Instant.now().getEpochSecond() / 30 + stepsAhead;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(base32(base32Secret), "RAW"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int o = h[h.length - 1] & 0xf;
            int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
            return String.format(Locale.ROOT, "%06d", bin % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        String clean = text.replace(" ", "").toUpperCase(Locale.ROOT);
        ByteBuffer out = ByteBuffer.allocate(clean.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        for (char c : clean.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.put((byte) (buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return out.array();
    }

    /** A TCP port free right now (for the test's SMTP server or a fixed platform port). */
    public static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The text of the {@code n}-th mail that {@code smtp} received for an address, waiting for the
     * platform's sender (it polls its outbox every 10 s); fails with the platform's log after 60 s.
     */
    public static String mailTo(com.icegreen.greenmail.util.GreenMail smtp, nl.samenredzaam.testing.RunningPlatform platform,
            String address, int n) throws jakarta.mail.MessagingException, java.io.IOException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            jakarta.mail.internet.MimeMessage[] toThem = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
                try {
                    return java.util.Arrays.stream(m.getRecipients(jakarta.mail.Message.RecipientType.TO))
                            .anyMatch(a -> a.toString().equals(address));
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }).toArray(jakarta.mail.internet.MimeMessage[]::new);
            if (toThem.length >= n) {
                return toThem[n - 1].getContent().toString();
            }
            smtp.waitForIncomingEmail(2_000, smtp.getReceivedMessages().length + 1);
        }
        fail("no mail number " + n + " to " + address + "; platform log:\n" + platform.logTail(40));
        return null;
    }
}
