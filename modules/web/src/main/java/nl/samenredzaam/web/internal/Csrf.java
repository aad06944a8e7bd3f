package nl.samenredzaam.web.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.identity.platform.Session;

/**
 * CSRF protection for cookie-authenticated changes: the form field {@code _csrf} (or the header
 * {@code X-CSRF-Token}) must equal the session's token. Bearer-token calls need no check; a
 * change without any session is refused only by the permission check that follows.
 */
final class Csrf {

    /** The detail of the 403 for a missing or wrong token (the error page explains it in the page language). */
    static final String DETAIL = "Het formulier is verlopen of niet van deze site / the form expired or is not from this site";

    private Csrf() {
    }

    static void check(Exchange ex) {
        if (ex.viaToken()) {
            return;
        }
        Session session = ex.session().orElse(null);
        if (session == null) {
            return;
        }
        String sent = ex.request.getHeader("X-CSRF-Token");
        if (sent == null) {
            sent = ex.formField("_csrf").orElse("");
        }
        if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), session.csrfToken().getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, DETAIL);
        }
    }
}
