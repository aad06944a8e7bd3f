package nl.samenredzaam.identity.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.access.Access;
import nl.samenredzaam.identity.internal.session.Secrets;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.MemberAccount;
import nl.samenredzaam.identity.platform.NewAccount;

/** Members and roles of an initiative, and new accounts; see {@link nl.samenredzaam.identity.platform.MemberService}. */
final class MemberManager {

    static final String RECORD_TYPE = "identity.membership";
    private static final String PURPOSE = "administration";
    private static final Logger LOG = LoggerFactory.getLogger(MemberManager.class);

    private final PlatformDatabase db;
    private final Clock clock;
    private final Access access;
    private final Authenticator passwords;
    private final AuditLog audit;
    private final UserRepository users = new UserRepository();
    private final MembershipRepository memberships = new MembershipRepository();

    MemberManager(PlatformDatabase db, Clock clock, Access access, Authenticator passwords, AuditLog audit) {
        this.db = db;
        this.clock = clock;
        this.access = access;
        this.passwords = passwords;
        this.audit = audit;
    }

    List<MemberAccount> members(Actor by, Initiative initiative) {
        access.requireMemberManager(by, initiative);
        return db.transaction(initiative.id(), sql -> memberships.members(sql, null));
    }

    Optional<MemberAccount> member(Actor by, Initiative initiative, long userId) {
        access.requireMemberManager(by, initiative);
        return db.transaction(initiative.id(), sql -> memberships.members(sql, userId)).stream().findFirst();
    }

    Optional<Account> findAccount(Actor by, Initiative initiative, String username) {
        access.requireMemberManager(by, initiative);
        String name = AccountFields.normalizeUsername(username);
        if (!AccountFields.isUsername(name)) {
            return Optional.empty();
        }
        return db.global(sql -> users.byUsername(sql, name)).map(u -> u.account());
    }

    void addRole(Actor by, Initiative initiative, long userId, Role role) {
        access.requireMemberManager(by, initiative);
        db.global(sql -> users.byId(sql, userId)).orElseThrow(ProblemException::notFound);
        Instant now = clock.instant();
        boolean added = db.transaction(initiative.id(), sql -> memberships.add(sql, userId, role, now));
        if (added) {
            logChange(by, initiative, AuditEvent.Action.CREATE, userId);
        }
    }

    void removeRole(Actor by, Initiative initiative, long userId, Role role) {
        access.requireMemberManager(by, initiative);
        boolean removed = db.transaction(initiative.id(), sql -> {
            if (role == Role.ADMIN && memberships.roles(sql, userId).contains(Role.ADMIN)
                    && memberships.count(sql, Role.ADMIN) <= 1) {
                throw ProblemException.conflict("An initiative keeps at least one admin");
            }
            return memberships.remove(sql, userId, role);
        });
        if (removed) {
            logChange(by, initiative, AuditEvent.Action.DELETE, userId);
        }
    }

    Account createAccount(Actor by, Initiative initiative, NewAccount request) {
        authorizeCreate(by, initiative, request);
        validate(request);
        String username = request.username() == null ? generatedUsername() : AccountFields.normalizeUsername(request.username());
        String email = blankToNull(request.email());
        String hash = request.offline() ? null : passwords.hash(request.password());
        Instant now = clock.instant();
        long id;
        try {
            id = db.global(sql -> {
                if (users.byUsername(sql, username).isPresent()) {
                    throw ProblemException.conflict("This user name is taken");
                }
                return users.insert(sql, username, request.displayName().trim(), email, hash, false, request.offline(), now,
                        by.userId());
            });
        } catch (DataAccessException race) {
            if (db.global(sql -> users.byUsername(sql, username)).isPresent()) {
                throw ProblemException.conflict("This user name is taken");
            }
            throw race;
        }
        try {
            db.transaction(initiative.id(), sql -> {
                for (Role role : request.roles()) {
                    memberships.add(sql, id, role, now);
                }
                return null;
            });
        } catch (RuntimeException e) {
            db.global(sql -> {
                users.delete(sql, id);
                return null;
            });
            throw e;
        }
        logChange(by, initiative, AuditEvent.Action.CREATE, id);
        LOG.info("Account {} created in initiative {}", id, initiative.id());
        return new Account(id, username, request.displayName().trim(), false);
    }

    private void authorizeCreate(Actor by, Initiative initiative, NewAccount request) {
        Set<Role> roles = access.rolesOf(by, initiative);
        if (roles.contains(Role.ADMIN) || access.isOperator(by)) {
            return;
        }
        boolean offlineResident = request.offline() && request.roles().equals(Set.of(Role.RESIDENT));
        if (roles.contains(Role.COORDINATOR) && offlineResident) {
            return;
        }
        throw ProblemException.forbidden();
    }

    private void validate(NewAccount request) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (request.username() != null || !request.offline()) {
            if (!AccountFields.isUsername(AccountFields.normalizeUsername(request.username()))) {
                problems.put("username", "Kies een gebruikersnaam van 3 tot 64 tekens: letters, cijfers, punt, streepje, @ of _. "
                        + "/ Choose a user name of 3 to 64 characters: letters, digits, dot, dash, @ or _.");
            }
        }
        if (!AccountFields.isDisplayName(request.displayName())) {
            problems.put("displayName", "Vul een naam in van hoogstens 200 tekens. / Enter a name of at most 200 characters.");
        }
        String email = blankToNull(request.email());
        if (request.offline()) {
            if (email != null) {
                problems.put("email", "Een account zonder internet heeft geen e-mailadres. / An offline account has no e-mail address.");
            }
            if (request.password() != null) {
                problems.put("password", "Een account zonder internet heeft geen wachtwoord. / An offline account has no password.");
            }
        } else {
            if (email != null && !AccountFields.isEmail(email)) {
                problems.put("email", "Dit is geen geldig e-mailadres. / This is not a valid e-mail address.");
            }
            passwords.problem(request.password(), AccountFields.normalizeUsername(request.username()))
                    .ifPresent(p -> problems.put("password", p.nl() + " / " + p.en()));
        }
        if (request.roles().isEmpty()) {
            problems.put("roles", "Kies minstens één rol. / Choose at least one role.");
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
    }

    private String generatedUsername() {
        for (int attempt = 0; attempt < 10; attempt++) {
            String candidate = "inwoner-" + Secrets.password(8).toLowerCase(java.util.Locale.ROOT);
            if (db.global(sql -> users.byUsername(sql, candidate)).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free generated user name");
    }

    private void logChange(Actor by, Initiative initiative, AuditEvent.Action action, long userId) {
        Set<Role> roles = access.rolesOf(by, initiative);
        audit.write(initiative.id(), by.userId(), roles, null,
                AuditEvent.of(action, RECORD_TYPE, userId, userId, PURPOSE), null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
