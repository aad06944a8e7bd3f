package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.Session;
import nl.samenredzaam.identity.platform.TotpEnrolment;

/**
 * The account pages outside any initiative: the second step of signing in ({@code /login/code}),
 * "forgot password" ({@code /wachtwoord-vergeten}), the reset link ({@code /wachtwoord-herstellen/{token}})
 * and "my account" with two-step verification ({@code /account}).
 */
public final class AccountPages {

    /** A session as listed on My account. */
    public record SessionRow(String handle, String device, String created, String lastSeen, boolean current) {
    }

    /** An active API token as listed on My account. */
    public record TokenRow(long id, String label, String created, String lastUsed, String expires) {
    }

    /** Cookie that carries a half-done sign-in (password right, code still owed) for five minutes. */
    static final String CHALLENGE_COOKIE = "SR_LOGIN2";

    private final IdentityService identity;
    private final Responses responses;

    AccountPages(IdentityService identity, Responses responses) {
        this.identity = identity;
        this.responses = responses;
    }

    // --- /login/code ---

    /** After a right password for an account with a second factor: remember the challenge, ask for the code. */
    void askForCode(Exchange ex, long userId, String returnTo) {
        String challenge = identity.beginSecondFactor(userId);
        ex.response.addHeader("Set-Cookie", challengeCookie(ex, challenge, 300));
        AdminPages.redirect(ex, "/login/code?returnTo=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
    }

    void code(Exchange ex) throws IOException {
        Exchange.requireMethod(ex, "GET", "POST");
        if (ex.method().equals("POST")) {
            ex.form();
        }
        Messages msg = Shell.messages(ex);
        String returnTo = LoginPages.safeReturn(ex.method().equals("GET") ? ex.queryParameter("returnTo") : ex.formField("returnTo").orElse(null));
        Optional<String> challenge = ex.cookie(CHALLENGE_COOKIE);
        if (challenge.isEmpty() || !identity.secondFactorPending(challenge.get())) {
            // no half-done sign-in, or its five minutes are over: start again, and say why
            ex.response.addHeader("Set-Cookie", challengeCookie(ex, "", 0));
            AdminPages.redirect(ex, "/login?verlopen=1&returnTo=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        if (ex.method().equals("GET")) {
            showCode(ex, msg, null, returnTo, 200);
            return;
        }
        String code = ex.formField("code").orElse("");
        if (code.isEmpty()) {
            showCode(ex, msg, msg.get("code.missing"), returnTo, 400);
            return;
        }
        LoginResult result = identity.completeSecondFactor(challenge.get(), code, ex.remoteAddress());
        switch (result.outcome()) {
            case OK -> {
                ex.cookie(Exchange.SESSION_COOKIE).ifPresent(identity::endSession);
                Session session = identity.createSession(result.account().orElseThrow().id(), Devices.of(ex));
                ex.response.addHeader("Set-Cookie", LoginPages.sessionCookie(ex, session.id(), -1));
                ex.response.addHeader("Set-Cookie", challengeCookie(ex, "", 0));
                AdminPages.redirect(ex, returnTo);
            }
            case THROTTLED -> showCode(ex, msg, msg.get("login.throttled"), returnTo, 429);
            default -> showCode(ex, msg, msg.get("code.bad"), returnTo, 401);
        }
    }

    private void showCode(Exchange ex, Messages msg, String error, String returnTo, int status) throws IOException {
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("error", error);
        params.put("returnTo", returnTo);
        responses.write(ex, WebResponse.page(msg.get("code.title"), Templates.render("login-code.jte", params)).status(status),
                Shell.Context.platform());
    }

    static String challengeCookie(Exchange ex, String value, int maxAge) {
        return CHALLENGE_COOKIE + "=" + value + "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=" + maxAge + (ex.secure() ? "; Secure" : "");
    }

    // --- /wachtwoord-vergeten ---

    void forgot(Exchange ex) throws IOException {
        Exchange.requireMethod(ex, "GET", "POST");
        Messages msg = Shell.messages(ex);
        Form form = Form.empty();
        boolean sent = false;
        int status = 200;
        if (ex.method().equals("POST")) {
            String account = ex.formField("account").orElse("");
            form.value("account", account);
            if (account.isEmpty()) {
                form.error("account", msg.get("forgot.missing"));
                status = 400;
            } else {
                // the same answer whether or not the account exists (no account enumeration)
                identity.requestPasswordReset(account, AccountMails.passwordReset(ex));
                sent = true;
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("form", form);
        params.put("sent", sent);
        responses.write(ex, WebResponse.page(msg.get("forgot.title"), Templates.render("password-forgot.jte", params)).status(status),
                Shell.Context.platform());
    }

    // --- /wachtwoord-herstellen/{token} ---

    void reset(Exchange ex, List<String> rest) throws IOException {
        if (rest.size() != 1) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "GET", "POST");
        String token = rest.get(0);
        Messages msg = Shell.messages(ex);
        Form form = Form.empty();
        Optional<Account> account = identity.passwordResetAccount(token);
        if (account.isEmpty()) {
            showReset(ex, msg, form, "gone", null, 410);
            return;
        }
        if (ex.method().equals("GET")) {
            showReset(ex, msg, form, "form", account.get().username(), 200);
            return;
        }
        String password = ex.form().getOrDefault("newPassword", List.of("")).get(0);
        String repeat = ex.form().getOrDefault("repeatPassword", List.of("")).get(0);
        if (!password.equals(repeat)) {
            form.error("repeatPassword", msg.get("reset.mismatch"));
            showReset(ex, msg, form, "form", account.get().username(), 400);
            return;
        }
        try {
            identity.resetPassword(token, password);
        } catch (ProblemException e) {
            if (e.status() == 410) {
                showReset(ex, msg, form, "gone", null, 410);
                return;
            }
            if (e.status() != 400) {
                throw e;
            }
            form.from(e, ex.locale());
            showReset(ex, msg, form, "form", account.get().username(), 400);
            return;
        }
        ex.cookie(Exchange.SESSION_COOKIE).ifPresent(identity::endSession);
        ex.response.addHeader("Set-Cookie", LoginPages.sessionCookie(ex, "", 0));
        showReset(ex, msg, form, "done", null, 200);
    }

    private void showReset(Exchange ex, Messages msg, Form form, String state, String username, int status) throws IOException {
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("form", form);
        params.put("state", state);
        params.put("username", username);
        responses.write(ex, WebResponse.page(msg.get("reset.title"), Templates.render("password-reset.jte", params)).status(status),
                Shell.Context.platform());
    }

    // --- /account ---

    void account(Exchange ex, List<String> rest) throws IOException {
        Optional<Account> account = ex.account();
        if (account.isEmpty()) {
            AdminPages.redirect(ex, "/login?returnTo=/account");
            return;
        }
        long userId = account.get().id();
        Messages msg = Shell.messages(ex);
        if (ex.method().equals("POST")) {
            Csrf.check(ex);
        }
        String action = rest.isEmpty() ? "" : rest.get(0);
        if (!action.equals("tokens") && !action.equals("sessies") && rest.size() > 1) {
            throw ProblemException.notFound();
        }
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("csrf", ex.session().map(Session::csrfToken).orElse(""));
        params.put("enrolment", null);
        params.put("recovery", List.of());
        params.put("form", Form.empty());
        params.put("saved", "1".equals(ex.queryParameter("opgeslagen")));
        int status = 200;
        switch (action) {
            case "" -> Exchange.requireMethod(ex, "GET");
            case "tweestaps" -> {
                Exchange.requireMethod(ex, "POST");
                TotpEnrolment enrolment = identity.startSecondFactor(userId);
                params.put("enrolment", enrolment);
            }
            case "tweestaps-bevestigen" -> {
                Exchange.requireMethod(ex, "POST");
                try {
                    params.put("recovery", identity.confirmSecondFactor(userId, ex.formField("code").orElse("")));
                } catch (ProblemException e) {
                    if (e.status() != 400) {
                        throw e;
                    }
                    // show the same secret again (it is stored until confirmed), with the error next to the field
                    params.put("form", Form.empty().from(e, ex.locale()));
                    params.put("enrolment", new TotpEnrolment(ex.formField("secret").orElse(""), ex.formField("uri").orElse("")));
                    status = 400;
                }
            }
            case "tweestaps-uit" -> {
                Exchange.requireMethod(ex, "POST");
                try {
                    identity.disableSecondFactor(userId, ex.form().getOrDefault("password", List.of("")).get(0));
                    AdminPages.redirect(ex, "/account?opgeslagen=1");
                    return;
                } catch (ProblemException e) {
                    if (e.status() != 400) {
                        throw e;
                    }
                    params.put("form", Form.empty().from(e, ex.locale()));
                    status = 400;
                }
            }
            case "wachtwoord" -> {
                Exchange.requireMethod(ex, "POST");
                Form form = Form.empty();
                String current = ex.form().getOrDefault("currentPassword", List.of("")).get(0);
                String fresh = ex.form().getOrDefault("newPassword", List.of("")).get(0);
                String repeat = ex.form().getOrDefault("repeatPassword", List.of("")).get(0);
                if (!fresh.equals(repeat)) {
                    form.error("repeatPassword", msg.get("reset.mismatch"));
                } else {
                    try {
                        identity.changePassword(userId, current, fresh, ex.session().map(Session::id).orElse(null));
                        AdminPages.redirect(ex, "/account?opgeslagen=1");
                        return;
                    } catch (ProblemException e) {
                        if (e.status() != 400) {
                            throw e;
                        }
                        form.from(e, ex.locale());
                    }
                }
                params.put("passwordForm", form);
                status = 400;
            }
            case "elders-uitloggen" -> {
                Exchange.requireMethod(ex, "POST");
                identity.endOtherSessions(userId, ex.session().map(Session::id).orElse(null));
                AdminPages.redirect(ex, "/account?opgeslagen=1");
                return;
            }
            case "sessies" -> {
                // "sign out this session": one of the person's own sessions, by its handle (never the id or its hash)
                if (rest.size() != 3 || !rest.get(2).equals("uitloggen")) {
                    throw ProblemException.notFound();
                }
                Exchange.requireMethod(ex, "POST");
                if (!identity.endSession(userId, rest.get(1))) {
                    throw ProblemException.notFound();
                }
                AdminPages.redirect(ex, "/account?opgeslagen=1#sessies");
                return;
            }
            case "tokens" -> {
                if (rest.size() != 3 || !rest.get(2).equals("intrekken")) {
                    throw ProblemException.notFound();
                }
                Exchange.requireMethod(ex, "POST");
                identity.revokeToken(userId, MemberPages.parseId(rest.get(1)));
                AdminPages.redirect(ex, "/account?opgeslagen=1#tokens");
                return;
            }
            default -> throw ProblemException.notFound();
        }
        java.time.Instant now = java.time.Instant.now();
        List<TokenRow> tokens = new java.util.ArrayList<>();
        for (nl.samenredzaam.identity.platform.TokenInfo t : identity.tokens(userId)) {
            if (t.activeAt(now)) {
                tokens.add(new TokenRow(t.id(), t.label(), Dates.dateTime(t.createdAt(), ex.locale()),
                        t.lastUsed() == null ? "–" : Dates.dateTime(t.lastUsed(), ex.locale()), Dates.dateTime(t.expiresAt(), ex.locale())));
            }
        }
        params.put("tokens", tokens);
        String currentId = ex.session().map(Session::id).orElse(null);
        List<SessionRow> sessionRows = new java.util.ArrayList<>();
        for (nl.samenredzaam.identity.platform.SessionInfo info : identity.sessions(userId, currentId)) {
            sessionRows.add(new SessionRow(info.handle(), info.device() == null ? msg.get("account.sessions.unknownDevice") : info.device(),
                    Dates.dateTime(info.createdAt(), ex.locale()), Dates.dateTime(info.lastSeen(), ex.locale()), info.current()));
        }
        params.put("sessions", sessionRows);
        params.putIfAbsent("passwordForm", Form.empty());
        params.put("hasSecondFactor", identity.hasSecondFactor(userId));
        params.put("name", account.get().displayName());
        params.put("username", account.get().username());
        responses.write(ex, WebResponse.page(msg.get("account.title"), Templates.render("account.jte", params)).status(status),
                Shell.Context.platform());
    }
}
