package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.Session;

/** Sign-in and sign-out pages. A new session id at every sign-in prevents session fixation. */
final class LoginPages {

    private final IdentityService identity;
    private final Responses responses;
    private final AccountPages account;

    LoginPages(IdentityService identity, Responses responses) {
        this.identity = identity;
        this.responses = responses;
        this.account = new AccountPages(identity, responses);
    }

    AccountPages account() {
        return account;
    }

    /** {@code /login} and {@code /login/code} (the second step for accounts with two-step verification). */
    void handle(Exchange ex, List<String> rest) throws IOException {
        if (rest.isEmpty()) {
            login(ex);
        } else if (rest.equals(List.of("code"))) {
            account.code(ex);
        } else {
            throw nl.samenredzaam.api.web.ProblemException.notFound();
        }
    }

    void login(Exchange ex) throws IOException {
        Exchange.requireMethod(ex, "GET", "POST");
        if (ex.method().equals("POST")) {
            // read the body before anything asks the servlet container for a parameter: that would consume it
            ex.form();
        }
        Messages msg = Shell.messages(ex);
        String returnTo = safeReturn(ex.method().equals("GET") ? ex.request.getParameter("returnTo") : ex.formField("returnTo").orElse(null));
        if (ex.method().equals("GET")) {
            show(ex, msg, "", "1".equals(ex.queryParameter("verlopen")) ? msg.get("code.expired") : null, returnTo, 200);
            return;
        }
        String username = ex.formField("username").orElse("");
        String password = ex.form().getOrDefault("password", List.of("")).get(0);
        if (username.isEmpty() || password.isEmpty()) {
            show(ex, msg, username, msg.get("login.missing"), returnTo, 400);
            return;
        }
        LoginResult result = identity.authenticate(username, password, ex.remoteAddress());
        if (result.outcome() == LoginResult.Outcome.THROTTLED) {
            show(ex, msg, username, msg.get("login.throttled"), returnTo, 429);
            return;
        }
        if (result.outcome() == LoginResult.Outcome.SECOND_FACTOR_REQUIRED) {
            account.askForCode(ex, result.account().orElseThrow().id(), returnTo);
            return;
        }
        if (result.outcome() != LoginResult.Outcome.OK) {
            show(ex, msg, username, msg.get("login.bad"), returnTo, 401);
            return;
        }
        ex.cookie(Exchange.SESSION_COOKIE).ifPresent(identity::endSession);
        Session session = identity.createSession(result.account().orElseThrow().id(), Devices.of(ex));
        ex.response.addHeader("Set-Cookie", sessionCookie(ex, session.id(), -1));
        ex.response.setStatus(303);
        ex.response.setHeader("Location", returnTo);
    }

    void logout(Exchange ex) throws IOException {
        Exchange.requireMethod(ex, "POST");
        if (ex.session().isPresent()) {
            Csrf.check(ex);
        }
        ex.cookie(Exchange.SESSION_COOKIE).ifPresent(identity::endSession);
        ex.response.addHeader("Set-Cookie", sessionCookie(ex, "", 0));
        ex.response.setStatus(303);
        ex.response.setHeader("Location", "/");
    }

    private void show(Exchange ex, Messages msg, String username, String error, String returnTo, int status) throws IOException {
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("username", username);
        params.put("error", error);
        params.put("returnTo", returnTo);
        Html content = Templates.render("login.jte", params);
        responses.write(ex, WebResponse.page(msg.get("login.title"), content).status(status), Shell.Context.platform());
    }

    /** Only local paths, so the form cannot send people to another site. */
    static String safeReturn(String value) {
        if (value == null || !value.startsWith("/") || value.startsWith("//") || value.contains("\\") || value.length() > 500) {
            return "/";
        }
        return value;
    }

    static String sessionCookie(Exchange ex, String value, int maxAge) {
        StringBuilder c = new StringBuilder(Exchange.SESSION_COOKIE).append('=').append(value)
                .append("; Path=/; HttpOnly; SameSite=Lax");
        if (maxAge >= 0) {
            c.append("; Max-Age=").append(maxAge);
        }
        if (ex.secure()) {
            c.append("; Secure");
        }
        return c.toString();
    }

}
