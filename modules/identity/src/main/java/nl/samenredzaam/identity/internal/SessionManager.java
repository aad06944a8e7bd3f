package nl.samenredzaam.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.internal.store.SessionRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.internal.store.UserRow;
import nl.samenredzaam.identity.platform.SecurityPolicy;
import nl.samenredzaam.identity.platform.Session;

/**
 * Browser sessions in the database (they survive a restart and reach every node). Only the
 * SHA-256 of the session id is stored. A session ends after {@link SecurityPolicy#SESSION_IDLE_TIMEOUT}
 * without use or {@link SecurityPolicy#SESSION_ABSOLUTE_TIMEOUT} after sign-in, and as soon as its
 * account is disabled. Expired rows are swept at most once an hour, when a session starts.
 */
final class SessionManager {

    private static final Duration SWEEP_INTERVAL = Duration.ofHours(1);

    private final PlatformDatabase db;
    private final Clock clock;
    private final SessionRepository sessions = new SessionRepository();
    private final UserRepository users = new UserRepository();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.MIN);

    SessionManager(PlatformDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Session create(long userId) {
        return create(userId, null);
    }

    Session create(long userId, String device) {
        String shown = device == null || device.isBlank() ? null : device.strip();
        if (shown != null && shown.length() > 100) {
            shown = shown.substring(0, 100);
        }
        String deviceValue = shown;
        Instant now = clock.instant();
        String id = Secrets.random();
        String csrf = Secrets.random();
        Instant expires = now.plus(SecurityPolicy.SESSION_ABSOLUTE_TIMEOUT);
        UserRow user = db.global(sql -> {
            UserRow u = users.byId(sql, userId).filter(r -> !r.disabled()).orElseThrow(ProblemException::notFound);
            sessions.insert(sql, Secrets.sha256(id), userId, csrf, now, expires, deviceValue);
            return u;
        });
        sweep(now);
        return new Session(id, user.account(), csrf, expires);
    }

    Optional<Session> find(String sessionId) {
        if (!Secrets.plausible(sessionId, "")) {
            return Optional.empty();
        }
        String hash = Secrets.sha256(sessionId);
        Instant now = clock.instant();
        return db.global(sql -> {
            Optional<SessionRepository.SessionRow> found = sessions.find(sql, hash);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SessionRepository.SessionRow row = found.get();
            boolean expired = !now.isBefore(row.expiresAt())
                    || !now.isBefore(row.lastSeen().plus(SecurityPolicy.SESSION_IDLE_TIMEOUT));
            if (expired || row.user().disabled()) {
                sessions.delete(sql, hash);
                return Optional.empty();
            }
            if (!now.isBefore(row.lastSeen().plus(SecurityPolicy.SESSION_TOUCH_INTERVAL))) {
                sessions.touch(sql, hash, now);
            }
            return Optional.of(new Session(sessionId, row.user().account(), row.csrfToken(), row.expiresAt()));
        });
    }

    void end(String sessionId) {
        if (Secrets.plausible(sessionId, "")) {
            String hash = Secrets.sha256(sessionId);
            db.global(sql -> {
                sessions.delete(sql, hash);
                return null;
            });
        }
    }

    /** Ends the user's sessions except {@code keepSessionId} (may be {@code null}). */
    int endAll(long userId, String keepSessionId) {
        String keep = keepSessionId == null ? null : Secrets.sha256(keepSessionId);
        return db.global(sql -> sessions.deleteForUser(sql, userId, keep));
    }

    /** The user's live sessions, newest first, the current one marked. */
    java.util.List<nl.samenredzaam.identity.platform.SessionInfo> list(long userId, String currentSessionId) {
        String current = currentSessionId == null || !Secrets.plausible(currentSessionId, "") ? null : Secrets.sha256(currentSessionId);
        Instant now = clock.instant();
        return db.global(sql -> sessions.forUser(sql, userId, now, now.minus(SecurityPolicy.SESSION_IDLE_TIMEOUT))).stream()
                .map(s -> new nl.samenredzaam.identity.platform.SessionInfo(handle(s.idHash()), s.device(), s.createdAt(), s.lastSeen(),
                        s.expiresAt(), s.idHash().equals(current)))
                .toList();
    }

    /** Ends the user's session with this handle; false when none of theirs has it. */
    boolean endByHandle(long userId, String handle) {
        if (handle == null || !handle.matches("[0-9a-f]{32}")) {
            return false;
        }
        Instant now = clock.instant();
        return db.global(sql -> {
            for (SessionRepository.Listed s : sessions.forUser(sql, userId, now, now.minus(SecurityPolicy.SESSION_IDLE_TIMEOUT))) {
                if (handle(s.idHash()).equals(handle)) {
                    return sessions.deleteOne(sql, userId, s.idHash()) == 1;
                }
            }
            return false;
        });
    }

    /** A reference to a session for the page: a hash of the stored hash, so it cannot be turned into a cookie or looked up directly. */
    static String handle(String idHash) {
        return Secrets.sha256("session-handle:" + idHash).substring(0, 32);
    }

    private void sweep(Instant now) {
        Instant last = lastSweep.get();
        if (now.isBefore(last.plus(SWEEP_INTERVAL)) || !lastSweep.compareAndSet(last, now)) {
            return;
        }
        db.global(sql -> sessions.deleteExpired(sql, now, now.minus(SecurityPolicy.SESSION_IDLE_TIMEOUT)));
    }
}
