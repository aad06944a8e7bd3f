package nl.samenredzaam.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.internal.store.TokenRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.SecurityPolicy;
import nl.samenredzaam.identity.platform.TokenInfo;

/**
 * API tokens: {@code sr_} and 32 random bytes (base64url). Only the SHA-256 is stored. A token
 * works until it expires or is revoked, and not while its account is disabled.
 */
final class TokenManager {

    /** Last-used times are written at most this often. */
    private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

    private final PlatformDatabase db;
    private final Clock clock;
    private final TokenRepository tokens = new TokenRepository();
    private final UserRepository users = new UserRepository();

    TokenManager(PlatformDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    String issue(long userId, String label, Duration validFor) {
        Duration validity = validFor == null ? SecurityPolicy.TOKEN_DEFAULT_VALIDITY : validFor;
        if (validity.isNegative() || validity.isZero() || validity.compareTo(SecurityPolicy.TOKEN_MAX_VALIDITY) > 0) {
            throw ProblemException.invalidField("validFor", "Kies een geldigheid van 1 tot 366 dagen. / Choose a validity of 1 to 366 days.");
        }
        String name = label == null ? "" : label.trim();
        if (name.isEmpty() || name.length() > 100 || name.codePoints().anyMatch(Character::isISOControl)) {
            throw ProblemException.invalidField("label", "Geef de sleutel een naam van hoogstens 100 tekens. / Give the token a name of at most 100 characters.");
        }
        String token = Secrets.token();
        Instant now = clock.instant();
        db.global(sql -> {
            users.byId(sql, userId).filter(u -> !u.disabled()).orElseThrow(ProblemException::notFound);
            return tokens.insert(sql, Secrets.sha256(token), userId, name, now, now.plus(validity));
        });
        return token;
    }

    Optional<Account> account(String token) {
        if (!Secrets.plausible(token, Secrets.TOKEN_PREFIX)) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(token);
        Instant now = clock.instant();
        return db.global(sql -> tokens.find(sql, hash).filter(t -> t.info().activeAt(now) && !t.user().disabled()).map(t -> {
            Instant last = t.info().lastUsed();
            if (last == null || !now.isBefore(last.plus(USE_GRANULARITY))) {
                tokens.markUsed(sql, t.info().id(), now);
            }
            return t.user().account();
        }));
    }

    void revoke(String token) {
        if (Secrets.plausible(token, Secrets.TOKEN_PREFIX)) {
            String hash = Secrets.sha256(token);
            db.global(sql -> tokens.revokeByHash(sql, hash, clock.instant()));
        }
    }

    void revoke(long userId, long tokenId) {
        if (db.global(sql -> tokens.revoke(sql, userId, tokenId, clock.instant())) == 0) {
            throw ProblemException.notFound();
        }
    }

    List<TokenInfo> list(long userId) {
        return db.global(sql -> tokens.forUser(sql, userId));
    }
}
