package nl.samenredzaam.e2e.identity;

import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_PASSWORD;
import static nl.samenredzaam.e2e.identity.AccountTesting.DEMO_TOTP_SECRET;
import static nl.samenredzaam.e2e.identity.AccountTesting.SLUG;
import static nl.samenredzaam.e2e.identity.AccountTesting.TOTP_ADMIN;
import static nl.samenredzaam.e2e.identity.AccountTesting.csrf;
import static nl.samenredzaam.e2e.identity.AccountTesting.find;
import static nl.samenredzaam.e2e.identity.AccountTesting.login;
import static nl.samenredzaam.e2e.identity.AccountTesting.signedIn;
import static nl.samenredzaam.e2e.identity.AccountTesting.totp;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * Runs sign-in and sign-out, failed sign-ins, a sign-in with a TOTP code, API token creation, an
 * invitation, a password reset and a client-record write and read against the running platform,
 * then searches everything the platform wrote (its stdout/stderr and every text file under its data
 * directory except the database itself) for the passwords, tokens, session ids, codes and client
 * free text that were used: none may appear (issue 3; ASVS 7.1.1, 7.1.2).
 */
class NoSecretsInLogsIT {

    static final int SMTP_PORT = AccountTesting.freePort();
    static GreenMail smtp;

    @RegisterExtension
    static RunningPlatform platform = RunningPlatform.builder().name("identity-logs").demo()
            .env("SAMENREDZAAM_SMTP_HOST", "127.0.0.1").env("SAMENREDZAAM_SMTP_PORT", Integer.toString(SMTP_PORT)).build();

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @Test
    void noPasswordTokenSessionIdCodeOrClientTextIsLogged(HttpJson http) throws Exception {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("demo password", DEMO_PASSWORD);

        // failed sign-ins (wrong password, unknown user) and a good one, then sign-out
        String wrong = "fout-wachtwoord-" + UUID.randomUUID();
        secrets.put("wrong password", wrong);
        assertEquals(401, login(http.newSession(), "coordinator", wrong).status());
        assertEquals(401, login(http.newSession(), "niemand-" + UUID.randomUUID(), wrong).status());
        HttpJson ria = http.newSession();
        JsonResponse signIn = login(ria, "coordinator", DEMO_PASSWORD);
        secrets.put("session id", sessionId(signIn));
        JsonResponse account = ria.get("/account");
        secrets.put("csrf token", csrf(account));
        assertEquals(303, ria.postForm("/logout", Map.of("_csrf", csrf(account))).status());

        // sign-in with a TOTP code
        HttpJson anouk = http.newSession();
        login(anouk, TOTP_ADMIN, DEMO_PASSWORD);
        String code = totp(DEMO_TOTP_SECRET, 0);
        secrets.put("TOTP secret", DEMO_TOTP_SECRET);
        JsonResponse coded = anouk.postForm("/login/code", Map.of("code", code, "returnTo", "/"));
        assertEquals(303, coded.status());
        secrets.put("session id after code", sessionId(coded));

        // API tokens: one for a resident, one for the coordinator
        String gerritToken = token(http, "resident");
        String riaToken = token(http, "coordinator");
        secrets.put("API token", gerritToken);
        secrets.put("API token 2", riaToken);

        // a client record with free text, written by the resident and read by the coordinator (audited)
        String freeText = "Vertrouwelijk " + UUID.randomUUID() + " mevrouw kan de trap niet meer op";
        secrets.put("client free text", freeText);
        JsonResponse created = http.newSession().withBearer(gerritToken).post("/api/v1/" + SLUG + "/volunteering/requests",
                Map.of("category", "klussen", "description", freeText, "phone", "0570 999888"));
        assertEquals(201, created.status(), created.body());
        String location = created.header("Location").orElseThrow();
        JsonResponse read = http.newSession().withBearer(riaToken).get(location);
        assertEquals(200, read.status(), read.body());
        assertTrue(read.body().contains(freeText));

        // an invitation and a password reset, with their mailed tokens and the passwords chosen
        HttpJson henk = signedIn(http, "beheerder", DEMO_PASSWORD);
        String page = "/" + SLUG + "/beheer/uitnodigingen";
        assertEquals(303, henk.postForm(page + "/nieuw", Map.of("_csrf", csrf(henk.get(page)), "displayName", "Lotte Kramer",
                "email", "lotte.kramer@lindeholt.example", "role", "VOLUNTEER")).status());
        String invitation = find(mail("lotte.kramer@lindeholt.example"), "/uitnodiging/([A-Za-z0-9_-]{43})");
        secrets.put("invitation token", invitation);
        String lottePassword = "lotte-" + UUID.randomUUID();
        secrets.put("new account password", lottePassword);
        assertEquals(303, http.newSession().postForm("/" + SLUG + "/uitnodiging/" + invitation,
                Map.of("username", "lkramer", "password", lottePassword)).status());

        assertEquals(200, http.newSession().postForm("/wachtwoord-vergeten", Map.of("account", "lkramer")).status());
        String reset = find(mail("lotte.kramer@lindeholt.example"), "/wachtwoord-herstellen/([A-Za-z0-9_-]{43})");
        secrets.put("reset token", reset);
        String resetPassword = "herstel-" + UUID.randomUUID();
        secrets.put("reset password", resetPassword);
        assertEquals(200, http.newSession().postForm("/wachtwoord-herstellen/" + reset,
                Map.of("newPassword", resetPassword, "repeatPassword", resetPassword)).status());
        assertEquals(303, login(http.newSession(), "lkramer", resetPassword).status());

        // stop the platform so that every log line is written out, then search
        platform.stop();
        List<String> found = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("stdout/stderr", platform.log());
        try (Stream<Path> files = Files.walk(platform.dataDir())) {
            for (Path file : files.filter(Files::isRegularFile).filter(NoSecretsInLogsIT::isLogLike).toList()) {
                texts.put(platform.dataDir().relativize(file).toString(), new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(texts.get("stdout/stderr").contains("Password reset"), "the scan reads the real log: " + texts.keySet());
        texts.forEach((where, text) -> secrets.forEach((what, value) -> {
            if (text.contains(value)) {
                found.add(what + " in " + where);
            }
        }));
        assertTrue(found.isEmpty(), "secrets in the logs: " + found + "\nfiles scanned: " + texts.keySet());
        assertFalse(texts.isEmpty());
    }

    /** Everything but the database files (which hold the data itself, by design). */
    private static boolean isLogLike(Path file) {
        String name = file.getFileName().toString();
        return !name.endsWith(".mv.db") && !name.endsWith(".jar") && !name.endsWith(".lock.db");
    }

    private static String token(HttpJson http, String username) {
        JsonResponse answer = http.newSession().post("/api/v1/auth/token", Map.of("username", username, "password", DEMO_PASSWORD));
        assertEquals(200, answer.status(), answer.body());
        return answer.json().path("token").asText();
    }

    private static String sessionId(JsonResponse answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SR_SESSION=")).findFirst()
                .map(c -> c.substring("SR_SESSION=".length(), c.indexOf(';'))).orElseThrow(() -> new AssertionError("no session cookie"));
    }

    /** The newest mail to an address (the platform's sender polls every 10 s). */
    private static String mail(String address) throws Exception {
        int before = count(address);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            List<MimeMessage> to = messages(address);
            if (to.size() > before || (before == 0 && !to.isEmpty())) {
                return to.get(to.size() - 1).getContent().toString();
            }
            smtp.waitForIncomingEmail(2_000, smtp.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + address + "\n" + platform.logTail(40));
    }

    private static int count(String address) throws Exception {
        return seen.getOrDefault(address, 0);
    }

    private static final Map<String, Integer> seen = new LinkedHashMap<>();

    private static List<MimeMessage> messages(String address) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (m.getRecipients(Message.RecipientType.TO)[0].toString().equals(address)) {
                out.add(m);
            }
        }
        if (out.size() > seen.getOrDefault(address, 0)) {
            seen.put(address, out.size());
        }
        return out;
    }
}
