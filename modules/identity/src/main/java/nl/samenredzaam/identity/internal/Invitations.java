package nl.samenredzaam.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.access.Access;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.Invitation;
import nl.samenredzaam.identity.platform.MailTemplate;
import nl.samenredzaam.identity.platform.NewInvitation;
import nl.samenredzaam.identity.platform.SecurityPolicy;

/** Invitations by e-mail; see {@link nl.samenredzaam.identity.platform.InvitationService}. */
final class Invitations {

    static final String RECORD_TYPE = "identity.invitation";
    private static final String PURPOSE = "administration";
    /** Roles a coordinator may invite with; admins and operators may use every role. */
    private static final Set<Role> COORDINATOR_MAY_INVITE = EnumSet.of(Role.RESIDENT, Role.VOLUNTEER);
    private static final Duration LIST_HISTORY = Duration.ofDays(90);
    private static final String COLUMNS = "id, email, display_name, role, invited_by, sent_at, expires_at, accepted_at, revoked_at";
    private static final Logger LOG = LoggerFactory.getLogger(Invitations.class);

    private final PlatformDatabase db;
    private final Clock clock;
    private final Access access;
    private final Authenticator passwords;
    private final AuditLog audit;
    private final Mailer mailer;
    private final UserRepository users = new UserRepository();
    private final MembershipRepository memberships = new MembershipRepository();

    Invitations(PlatformDatabase db, Clock clock, Access access, Authenticator passwords, AuditLog audit, Mailer mailer) {
        this.db = db;
        this.clock = clock;
        this.access = access;
        this.passwords = passwords;
        this.audit = audit;
        this.mailer = mailer;
    }

    Invitation invite(Actor by, Initiative initiative, NewInvitation request, MailTemplate template) {
        Map<String, String> problems = new LinkedHashMap<>();
        String email = request.email() == null ? "" : request.email().trim();
        if (!AccountFields.isEmail(email)) {
            problems.put("email", "Vul een geldig e-mailadres in, bijvoorbeeld naam@voorbeeld.nl. "
                    + "/ Enter a valid e-mail address, for example name@example.org.");
        }
        if (!AccountFields.isDisplayName(request.displayName())) {
            problems.put("displayName", "Vul een naam in van hoogstens 200 tekens. / Enter a name of at most 200 characters.");
        }
        if (request.role() == null) {
            problems.put("role", "Kies een rol. / Choose a role.");
        }
        Set<Role> roles = authorize(by, initiative, request.role());
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        String token = Secrets.random();
        Instant now = clock.instant();
        long id = db.transaction(initiative.id(), sql -> {
            long newId = sql.insert("insert into identity_invitation (initiative_id, token_hash, email, display_name, role, invited_by, "
                    + "created_at, sent_at, expires_at) values (:initiative, :hash, :email, :name, :role, :by, :now, :now, :expires)",
                    "hash", Secrets.sha256(token), "email", email, "name", request.displayName().trim(), "role", request.role(),
                    "by", by.userId(), "now", now, "expires", now.plus(SecurityPolicy.INVITATION_VALIDITY));
            mailer.send(sql, template.mail(email, request.displayName().trim(), token));
            return newId;
        });
        log(initiative, by.userId(), roles, AuditEvent.Action.CREATE, id, null, true);
        LOG.info("Invitation {} sent in initiative {}", id, initiative.id());
        return find(initiative, id).orElseThrow();
    }

    List<Invitation> list(Actor by, Initiative initiative) {
        authorize(by, initiative, null);
        Instant now = clock.instant();
        return db.transaction(initiative.id(), sql -> sql.list("select " + COLUMNS + " from identity_invitation "
                + "where initiative_id = :initiative and (created_at > :since or (accepted_at is null and revoked_at is null)) "
                + "order by created_at desc, id desc", r -> map(r, now), "since", now.minus(LIST_HISTORY)));
    }

    Invitation resend(Actor by, Initiative initiative, long id, MailTemplate template) {
        Invitation current = find(initiative, id).orElseThrow(ProblemException::notFound);
        Set<Role> roles = authorize(by, initiative, current.role());
        if (current.status() == Invitation.Status.ACCEPTED || current.status() == Invitation.Status.REVOKED) {
            throw ProblemException.conflict("Deze uitnodiging is al gebruikt of ingetrokken / this invitation was used or revoked");
        }
        String token = Secrets.random();
        Instant now = clock.instant();
        db.transaction(initiative.id(), sql -> {
            int changed = sql.update("update identity_invitation set token_hash = :hash, sent_at = :now, expires_at = :expires "
                    + "where initiative_id = :initiative and id = :id and accepted_at is null and revoked_at is null",
                    "hash", Secrets.sha256(token), "now", now, "expires", now.plus(SecurityPolicy.INVITATION_VALIDITY), "id", id);
            if (changed != 1) {
                throw ProblemException.conflict("Deze uitnodiging is al gebruikt of ingetrokken / this invitation was used or revoked");
            }
            mailer.send(sql, template.mail(current.email(), current.displayName(), token));
            return null;
        });
        log(initiative, by.userId(), roles, AuditEvent.Action.UPDATE, id, null, true);
        return find(initiative, id).orElseThrow();
    }

    void revoke(Actor by, Initiative initiative, long id) {
        Invitation current = find(initiative, id).orElseThrow(ProblemException::notFound);
        Set<Role> roles = authorize(by, initiative, current.role());
        Instant now = clock.instant();
        int changed = db.transaction(initiative.id(), sql -> sql.update("update identity_invitation set revoked_at = :now "
                + "where initiative_id = :initiative and id = :id and accepted_at is null and revoked_at is null", "now", now, "id", id));
        if (changed != 1) {
            throw ProblemException.conflict("Deze uitnodiging is al gebruikt of ingetrokken / this invitation was used or revoked");
        }
        log(initiative, by.userId(), roles, AuditEvent.Action.DELETE, id, null, true);
    }

    Optional<Invitation> byToken(Initiative initiative, String token) {
        if (!Secrets.plausible(token, "")) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return db.transaction(initiative.id(), sql -> sql.first("select " + COLUMNS + " from identity_invitation "
                + "where initiative_id = :initiative and token_hash = :hash", r -> map(r, now), "hash", Secrets.sha256(token)));
    }

    Account acceptWithNewAccount(Initiative initiative, String token, String usernameInput, String password) {
        Invitation invitation = byToken(initiative, token).filter(i -> i.status() == Invitation.Status.OPEN)
                .orElseThrow(Invitations::gone);
        String username = AccountFields.normalizeUsername(usernameInput);
        Map<String, String> problems = new LinkedHashMap<>();
        if (!AccountFields.isUsername(username)) {
            problems.put("username", "Kies een gebruikersnaam van 3 tot 64 tekens: letters, cijfers, punt, streepje, @ of _. "
                    + "/ Choose a user name of 3 to 64 characters: letters, digits, dot, dash, @ or _.");
        }
        passwords.problem(password, username).ifPresent(p -> problems.put("password", p.nl() + " / " + p.en()));
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        if (db.global(sql -> users.byUsername(sql, username)).isPresent()) {
            throw taken();
        }
        String hash = passwords.hash(password);
        Instant now = clock.instant();
        if (!claim(initiative, token, now)) {
            throw gone();
        }
        long userId;
        try {
            userId = db.global(sql -> {
                if (users.byUsername(sql, username).isPresent()) {
                    throw taken();
                }
                return users.insert(sql, username, invitation.displayName(), invitation.email(), hash, false, false, now, null);
            });
        } catch (ProblemException | DataAccessException e) {
            unclaim(initiative, invitation.id());
            if (e instanceof DataAccessException && db.global(sql -> users.byUsername(sql, username)).isPresent()) {
                throw taken();
            }
            throw e;
        }
        finish(initiative, invitation, userId, now);
        return new Account(userId, username, invitation.displayName(), false);
    }

    void acceptWithAccount(Initiative initiative, String token, long userId) {
        Invitation invitation = byToken(initiative, token).filter(i -> i.status() == Invitation.Status.OPEN)
                .orElseThrow(Invitations::gone);
        if (db.global(sql -> users.byId(sql, userId)).filter(u -> !u.disabled()).isEmpty()) {
            throw ProblemException.forbidden();
        }
        Instant now = clock.instant();
        if (!claim(initiative, token, now)) {
            throw gone();
        }
        finish(initiative, invitation, userId, now);
    }

    private void finish(Initiative initiative, Invitation invitation, long userId, Instant now) {
        db.transaction(initiative.id(), sql -> {
            sql.update("update identity_invitation set accepted_by = :user where initiative_id = :initiative and id = :id",
                    "user", userId, "id", invitation.id());
            memberships.add(sql, userId, invitation.role(), now);
            return null;
        });
        log(initiative, userId, Set.of(invitation.role()), AuditEvent.Action.UPDATE, invitation.id(), userId, true);
        LOG.info("Invitation {} accepted by user {}", invitation.id(), userId);
    }

    /** Marks the invitation used, if it is still open: true for exactly one caller. */
    private boolean claim(Initiative initiative, String token, Instant now) {
        return db.transaction(initiative.id(), sql -> sql.update("update identity_invitation set accepted_at = :now "
                + "where initiative_id = :initiative and token_hash = :hash and accepted_at is null and revoked_at is null "
                + "and expires_at > :now", "now", now, "hash", Secrets.sha256(token))) == 1;
    }

    private void unclaim(Initiative initiative, long id) {
        db.transaction(initiative.id(), sql -> sql.update("update identity_invitation set accepted_at = null "
                + "where initiative_id = :initiative and id = :id and accepted_by is null", "id", id));
    }

    private Optional<Invitation> find(Initiative initiative, long id) {
        Instant now = clock.instant();
        return db.transaction(initiative.id(), sql -> sql.first("select " + COLUMNS + " from identity_invitation "
                + "where initiative_id = :initiative and id = :id", r -> map(r, now), "id", id));
    }

    /** Who may invite with {@code role} ({@code null}: who may see the list): admins, operators, and coordinators for some roles. */
    private Set<Role> authorize(Actor by, Initiative initiative, Role role) {
        Set<Role> roles = access.rolesOf(by, initiative);
        if (roles.contains(Role.ADMIN) || access.isOperator(by)) {
            return roles;
        }
        if (roles.contains(Role.COORDINATOR) && (role == null || COORDINATOR_MAY_INVITE.contains(role))) {
            return roles;
        }
        throw ProblemException.forbidden();
    }

    private void log(Initiative initiative, long userId, Set<Role> roles, AuditEvent.Action action, long invitationId, Long clientId,
            boolean success) {
        audit.write(initiative.id(), userId, roles, null, new AuditEvent(action, RECORD_TYPE, Long.toString(invitationId), clientId,
                clientId == null ? "invitation:" + invitationId : null, PURPOSE, success), null);
    }

    private static Invitation map(ResultSet r, Instant now) throws SQLException {
        Instant expires = Rows.instant(r, "expires_at");
        Invitation.Status status;
        if (Rows.instant(r, "accepted_at") != null) {
            status = Invitation.Status.ACCEPTED;
        } else if (Rows.instant(r, "revoked_at") != null) {
            status = Invitation.Status.REVOKED;
        } else if (!now.isBefore(expires)) {
            status = Invitation.Status.EXPIRED;
        } else {
            status = Invitation.Status.OPEN;
        }
        long by = r.getLong("invited_by");
        Long invitedBy = r.wasNull() ? null : by;
        return new Invitation(r.getLong("id"), r.getString("email"), r.getString("display_name"), Role.valueOf(r.getString("role")),
                invitedBy, Rows.instant(r, "sent_at"), expires, status);
    }

    static ProblemException gone() {
        return new ProblemException(410, "Deze uitnodiging werkt niet meer: ze is al gebruikt, ingetrokken of verlopen. "
                + "/ This invitation no longer works: it was used, revoked or has expired.");
    }

    private static ProblemException taken() {
        return new ProblemException(409, "Deze gebruikersnaam is al in gebruik. Kies een andere. / This user name is taken. Choose another.",
                Map.of("username", "Deze gebruikersnaam is al in gebruik. Kies een andere. / This user name is taken. Choose another."));
    }
}
