package nl.samenredzaam.identity.platform;

import java.time.Instant;

/**
 * A browser session, stored in the database so that a restart or another node keeps it.
 *
 * @param id        the secret session id (cookie value); only its hash is stored
 * @param account   who is signed in
 * @param csrfToken the token every form of this session must send back
 * @param expiresAt the absolute end of the session
 */
public record Session(String id, Account account, String csrfToken, Instant expiresAt) {
}
