package nl.samenredzaam.identity.internal;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

import nl.samenredzaam.core.platform.ClusterEvents;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.consent.ConsentPurpose;
import nl.samenredzaam.api.consent.ConsentPurposes;
import nl.samenredzaam.api.consent.Consents;
import nl.samenredzaam.identity.platform.ConsentChannel;
import nl.samenredzaam.identity.platform.ConsentService;
import nl.samenredzaam.identity.platform.ConsentStatus;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.identity.Directory;
import nl.samenredzaam.api.identity.Member;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.mail.Mailer;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.DemoAccounts;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.access.Access;
import nl.samenredzaam.identity.internal.access.ActorImpl;
import nl.samenredzaam.identity.internal.access.PermissionTable;
import nl.samenredzaam.identity.internal.password.Argon2id;
import nl.samenredzaam.identity.internal.password.CommonPasswords;
import nl.samenredzaam.identity.internal.password.PasswordRules;
import nl.samenredzaam.identity.internal.session.SecretBox;
import nl.samenredzaam.identity.internal.store.MembershipRepository;
import nl.samenredzaam.identity.internal.store.RolePermissionRepository;
import nl.samenredzaam.identity.internal.store.UserRepository;
import nl.samenredzaam.identity.internal.store.UserRow;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.AuditLogReader;
import nl.samenredzaam.identity.platform.AuditPage;
import nl.samenredzaam.identity.platform.AuditQuery;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.Invitation;
import nl.samenredzaam.identity.platform.InvitationService;
import nl.samenredzaam.identity.platform.MailTemplate;
import nl.samenredzaam.identity.platform.NewInvitation;
import nl.samenredzaam.identity.platform.TotpEnrolment;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.MemberAccount;
import nl.samenredzaam.identity.platform.MemberService;
import nl.samenredzaam.identity.platform.NewAccount;
import nl.samenredzaam.identity.platform.PermissionAdmin;
import nl.samenredzaam.identity.platform.RolePermission;
import nl.samenredzaam.identity.platform.Session;
import nl.samenredzaam.identity.platform.TokenInfo;

/**
 * The identity bundle's one component: accounts, sign-in, sessions, tokens, roles, permissions and
 * the audit log. It only wires the parts together and passes each call on. On activation it
 * creates the first operator account when there is none (see {@link FirstOperator}), on a thread of
 * its own ({@link FirstOperatorStart}).
 */
@Component(immediate = true, service = {IdentityService.class, MemberService.class, PermissionAdmin.class,
        AuditLogReader.class, Directory.class, DemoAccounts.class, InvitationService.class, ConsentService.class, Consents.class})
public final class IdentityServiceImpl implements IdentityService, MemberService, PermissionAdmin, AuditLogReader,
        Directory, DemoAccounts, InvitationService, ConsentService, Consents {

    /** The answer of the audit log to an admin without a second factor (ASVS 2.2 / NEN 7513 access to logs). */
    public static final String SECOND_FACTOR_NEEDED = "Het logboek kunt u pas lezen als tweestapsverificatie aan staat. Zet het aan "
            + "bij Mijn account. / You can read the audit log only with two-step verification on. Turn it on under My account.";

    /** Who may act for a resident who is not online. */
    private static final Set<Role> ACT_FOR_OTHERS = EnumSet.of(Role.COORDINATOR, Role.PROFESSIONAL, Role.ADMIN);
    private static final String PERMISSION_RECORD = "identity.role-permission";

    private final PlatformDatabase db;
    private final Clock clock;
    private final Authenticator authenticator;
    private final SessionManager sessions;
    private final TokenManager tokens;
    private final PermissionTable permissionTable;
    private final Access access;
    private final AuditLog auditLog;
    private final MemberManager members;
    private final DemoAccountsImpl demo;
    private final FirstOperator firstOperator;
    private final SecondFactor secondFactor;
    private final Invitations invitations;
    private final PasswordResets resets;
    private final AccountNotices notices;
    private final ConsentRegister consents;
    /** The consent purposes the modules declare (services; they come and go with their bundles). */
    private final List<ConsentPurposes> consentPurposes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final UserRepository users = new UserRepository();
    private final MembershipRepository memberships = new MembershipRepository();
    private final RolePermissionRepository rolePermissions = new RolePermissionRepository();

    @Activate
    public IdentityServiceImpl(BundleContext context, @Reference PlatformDatabase db, @Reference ModuleRegistry modules,
            @Reference Mailer mailer) {
        this(db, modules, Clock.systemUTC(), Argon2id.OWASP, mailer, SecretBox.fromEnvironment());
        Runnable operator = firstOperator.prepare(System.getenv(FirstOperator.ENV), System.getenv(FirstOperator.EMAIL_ENV), System.out);
        this.firstOperatorStart = operator == null ? null : FirstOperatorStart.begin(context, operator);
        this.resetWork = resetExecutor();
    }

    /**
     * Reset requests are handled after the answer, on one thread with a short queue: the answer
     * then takes the same time whether or not the account exists (no enumeration by timing), and a
     * flood of requests is dropped rather than queued without bound (the answer is the same anyway).
     */
    private static java.util.concurrent.ExecutorService resetExecutor() {
        return new java.util.concurrent.ThreadPoolExecutor(1, 1, 0, java.util.concurrent.TimeUnit.SECONDS,
                new java.util.concurrent.ArrayBlockingQueue<>(100), r -> {
                    Thread t = new Thread(r, "samenredzaam-password-reset");
                    t.setDaemon(true);
                    return t;
                }, new java.util.concurrent.ThreadPoolExecutor.DiscardPolicy());
    }

    @org.osgi.service.component.annotations.Deactivate
    void deactivate() throws InterruptedException {
        FirstOperatorStart operator = firstOperatorStart;
        if (operator != null) {
            operator.stop();
        }
        java.util.concurrent.ExecutorService work = resetWork;
        if (work != null) {
            work.shutdown();
            work.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /**
     * For tests: no framework, a clock of the test's choosing, OWASP hash parameters, mail refused. Not public:
     * Felix SCR looks among the public constructors with as many parameters as the activation constructor, and
     * logged an error each start when it met this one (a Clock it cannot inject) first.
     */
    IdentityServiceImpl(PlatformDatabase db, ModuleRegistry modules, Clock clock) {
        this(db, modules, clock, Argon2id.OWASP, (sql, mail) -> {
            throw new IllegalStateException("no mail in this test");
        });
    }

    /** For tests that may use cheaper hash parameters. */
    IdentityServiceImpl(PlatformDatabase db, ModuleRegistry modules, Clock clock, Argon2id hasher) {
        this(db, modules, clock, hasher, (sql, mail) -> {
            throw new IllegalStateException("no mail in this test");
        });
    }

    /** For tests that read the mail. */
    IdentityServiceImpl(PlatformDatabase db, ModuleRegistry modules, Clock clock, Argon2id hasher, Mailer mailer) {
        this(db, modules, clock, hasher, mailer, SecretBox.none());
    }

    /** For tests that also choose the key for stored TOTP secrets. */
    IdentityServiceImpl(PlatformDatabase db, ModuleRegistry modules, Clock clock, Argon2id hasher, Mailer mailer, SecretBox box) {
        this.db = db;
        this.clock = clock;
        this.authenticator = new Authenticator(db, hasher, new PasswordRules(CommonPasswords.load()), clock);
        this.sessions = new SessionManager(db, clock);
        this.tokens = new TokenManager(db, clock);
        this.permissionTable = new PermissionTable(db, modules, clock);
        this.access = new Access(db);
        this.auditLog = new AuditLog(db, clock, access);
        this.members = new MemberManager(db, clock, access, authenticator, auditLog);
        this.secondFactor = new SecondFactor(db, clock, authenticator, box);
        this.invitations = new Invitations(db, clock, access, authenticator, auditLog, mailer);
        this.resets = new PasswordResets(db, clock, authenticator, mailer);
        this.notices = new AccountNotices(db, mailer);
        this.consents = new ConsentRegister(db, clock, access, auditLog, modules, () -> List.copyOf(consentPurposes));
        this.demo = new DemoAccountsImpl(db, clock, authenticator, secondFactor);
        this.firstOperator = new FirstOperator(db, clock, authenticator);
    }

    /** Where reset requests run: a background thread in the platform, the caller's thread in tests. */
    private java.util.concurrent.ExecutorService resetWork;
    private FirstOperatorStart firstOperatorStart;

    private volatile ClusterEvents cluster;
    private volatile AutoCloseable permissionSubscription;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addConsentPurposes(ConsentPurposes purposes) {
        consentPurposes.add(purposes);
    }

    void removeConsentPurposes(ConsentPurposes purposes) {
        consentPurposes.remove(purposes);
    }

    // --- consent register (ConsentService for the web layer, Consents for modules) ---

    @Override
    public List<ConsentStatus> consents(Actor by, Initiative initiative, long personId) {
        return consents.consents(by, initiative, personId);
    }

    @Override
    public ConsentStatus record(Actor by, Initiative initiative, long personId, String moduleId, String purposeId, int textVersion,
            boolean give, ConsentChannel channel, String language, String remoteAddress) {
        return consents.record(by, initiative, personId, moduleId, purposeId, textVersion, give, channel, language, remoteAddress);
    }

    @Override
    public List<Member> recordableFor(Actor by, Initiative initiative) {
        return consents.recordableFor(by, initiative);
    }

    @Override
    public boolean given(Sql sql, long userId, String moduleId, ConsentPurpose purpose) {
        return ConsentRegister.given(sql, userId, moduleId, purpose);
    }

    @Override
    public void record(Sql sql, long userId, String moduleId, ConsentPurpose purpose, boolean given, long recordedBy, Instant at) {
        ConsentRegister.insert(sql, userId, moduleId, purpose, given, recordedBy == userId ? ConsentChannel.WEB : ConsentChannel.PAPER,
                null, at, recordedBy);
    }

    /** Other nodes tell us when an initiative's role table changed, so our cache follows within a second. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCluster(ClusterEvents events) {
        this.cluster = events;
        this.permissionSubscription = events.subscribe(ClusterEvents.PERMISSIONS, id -> {
            try {
                permissionTable.invalidate(Long.parseLong(id));
            } catch (NumberFormatException e) {
                // not an initiative id: ignore
            }
        });
    }

    void unsetCluster(ClusterEvents events) throws Exception {
        if (this.cluster == events) {
            this.cluster = null;
            AutoCloseable s = permissionSubscription;
            if (s != null) {
                s.close();
            }
        }
    }

    /** Creates the first operator account when there is none; see {@link FirstOperator}. */
    boolean ensureFirstOperator(String configuredPassword, PrintStream console) {
        return firstOperator.ensure(configuredPassword, console);
    }

    /** Creates the first operator account when there is none and gives it the configured address; see {@link FirstOperator}. */
    /** What activation does: checks now, returns the creation to run on its own thread, or null; see {@link FirstOperator#prepare}. */
    Runnable prepareFirstOperator(String configuredPassword, PrintStream console) {
        return firstOperator.prepare(configuredPassword, null, console);
    }

    boolean ensureFirstOperator(String configuredPassword, String configuredEmail, PrintStream console) {
        return firstOperator.ensure(configuredPassword, configuredEmail, console);
    }

    // --- IdentityService ---

    @Override
    public LoginResult authenticate(String username, String password, String remoteAddress) {
        return authenticator.authenticate(username, password, remoteAddress);
    }

    @Override
    public String issueToken(long userId, String label, Duration validFor) {
        return tokens.issue(userId, label, validFor);
    }

    @Override
    public Optional<Account> accountForToken(String token) {
        return tokens.account(token);
    }

    @Override
    public void revokeToken(String token) {
        tokens.revoke(token);
    }

    @Override
    public Session createSession(long userId) {
        return sessions.create(userId);
    }

    @Override
    public Session createSession(long userId, String device) {
        return sessions.create(userId, device);
    }

    @Override
    public List<nl.samenredzaam.identity.platform.SessionInfo> sessions(long userId, String currentSessionId) {
        return sessions.list(userId, currentSessionId);
    }

    @Override
    public boolean endSession(long userId, String handle) {
        return sessions.endByHandle(userId, handle);
    }

    @Override
    public Optional<Session> session(String sessionId) {
        return sessions.find(sessionId);
    }

    @Override
    public void endSession(String sessionId) {
        sessions.end(sessionId);
    }

    @Override
    public Actor actor(Account account, Initiative initiative) {
        Set<Role> roles = db.transaction(initiative.id(), sql -> memberships.roles(sql, account.id()));
        return new ActorImpl(account.id(), account.displayName(), roles, account.operator(), Optional.empty(),
                initiative.id(), permissionTable.granted(initiative.id(), roles));
    }

    @Override
    public List<Long> memberships(long userId) {
        return db.global(sql -> memberships.initiatives(sql, userId));
    }

    @Override
    public void audit(Initiative initiative, Actor actor, AuditEvent event, String remoteAddress) {
        auditLog.write(initiative, actor, event, remoteAddress);
    }

    @Override
    public Optional<Account> account(long userId) {
        return db.global(sql -> users.byId(sql, userId)).map(UserRow::account);
    }

    @Override
    public boolean isDisabled(long userId) {
        return db.global(sql -> users.byId(sql, userId)).map(UserRow::disabled).orElse(true);
    }

    @Override
    public Actor actingFor(Actor actor, Initiative initiative, long residentUserId) {
        Set<Role> roles = access.rolesOf(actor, initiative);
        if (residentUserId == actor.userId() || Collections.disjoint(roles, ACT_FOR_OTHERS)) {
            throw ProblemException.forbidden();
        }
        if (db.transaction(initiative.id(), sql -> memberships.roles(sql, residentUserId)).isEmpty()) {
            throw ProblemException.notFound();
        }
        Account account = account(actor.userId()).orElseThrow(ProblemException::forbidden);
        return ((ActorImpl) actor(account, initiative)).actingFor(residentUserId);
    }

    @Override
    public Optional<Text> passwordProblem(String password, String username) {
        return authenticator.problem(password, username == null ? null : AccountFields.normalizeUsername(username));
    }

    @Override
    public void changePassword(long userId, String currentPassword, String newPassword, String keepSessionId) {
        authenticator.changePassword(userId, currentPassword, newPassword);
        sessions.endAll(userId, keepSessionId);
        notices.tell(userId, AccountNotices.Change.PASSWORD);
    }

    @Override
    public void endAllSessions(long userId) {
        sessions.endAll(userId, null);
    }

    @Override
    public int endOtherSessions(long userId, String keepSessionId) {
        return sessions.endAll(userId, keepSessionId);
    }

    @Override
    public List<TokenInfo> tokens(long userId) {
        return tokens.list(userId);
    }

    @Override
    public void revokeToken(long userId, long tokenId) {
        tokens.revoke(userId, tokenId);
    }

    // --- password reset ---

    @Override
    public void requestPasswordReset(String usernameOrEmail, MailTemplate template) {
        java.util.concurrent.ExecutorService work = resetWork;
        if (work == null) {
            resets.request(usernameOrEmail, template);
            return;
        }
        work.execute(() -> {
            try {
                resets.request(usernameOrEmail, template);
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(PasswordResets.class).warn("Password reset request failed: {}", e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public Optional<Account> passwordResetAccount(String token) {
        return resets.account(token).map(UserRow::account);
    }

    @Override
    public void resetPassword(String token, String newPassword) {
        long userId = resets.account(token).map(UserRow::id).orElse(-1L);
        resets.reset(token, newPassword);
        notices.tell(userId, AccountNotices.Change.PASSWORD);
    }

    // --- second factor ---

    @Override
    public boolean hasSecondFactor(long userId) {
        return secondFactor.has(userId);
    }

    @Override
    public TotpEnrolment startSecondFactor(long userId) {
        return secondFactor.start(userId);
    }

    @Override
    public List<String> confirmSecondFactor(long userId, String code) {
        List<String> codes = secondFactor.confirm(userId, code);
        notices.tell(userId, AccountNotices.Change.SECOND_FACTOR_ON);
        return codes;
    }

    @Override
    public void disableSecondFactor(long userId, String password) {
        secondFactor.disable(userId, password);
        notices.tell(userId, AccountNotices.Change.SECOND_FACTOR_OFF);
    }

    @Override
    public String beginSecondFactor(long userId) {
        return secondFactor.begin(userId);
    }

    @Override
    public LoginResult completeSecondFactor(String challenge, String code, String remoteAddress) {
        return secondFactor.complete(challenge, code, remoteAddress);
    }

    @Override
    public boolean secondFactorPending(String challenge) {
        return secondFactor.pending(challenge).isPresent();
    }

    @Override
    public LoginResult verifySecondFactor(long userId, String code, String remoteAddress) {
        return secondFactor.verify(userId, code, remoteAddress);
    }

    // --- InvitationService ---

    @Override
    public Invitation invite(Actor by, Initiative initiative, NewInvitation invitation, MailTemplate template) {
        return invitations.invite(by, initiative, invitation, template);
    }

    @Override
    public List<Invitation> invitations(Actor by, Initiative initiative) {
        return invitations.list(by, initiative);
    }

    @Override
    public Invitation resend(Actor by, Initiative initiative, long invitationId, MailTemplate template) {
        return invitations.resend(by, initiative, invitationId, template);
    }

    @Override
    public void revoke(Actor by, Initiative initiative, long invitationId) {
        invitations.revoke(by, initiative, invitationId);
    }

    @Override
    public Optional<Invitation> byToken(Initiative initiative, String token) {
        return invitations.byToken(initiative, token);
    }

    @Override
    public Account acceptWithNewAccount(Initiative initiative, String token, String username, String password) {
        return invitations.acceptWithNewAccount(initiative, token, username, password);
    }

    @Override
    public void acceptWithAccount(Initiative initiative, String token, long userId) {
        invitations.acceptWithAccount(initiative, token, userId);
    }

    // --- MemberService ---

    @Override
    public List<MemberAccount> members(Actor by, Initiative initiative) {
        return members.members(by, initiative);
    }

    @Override
    public Optional<MemberAccount> member(Actor by, Initiative initiative, long userId) {
        return members.member(by, initiative, userId);
    }

    @Override
    public Optional<Account> findAccount(Actor by, Initiative initiative, String username) {
        return members.findAccount(by, initiative, username);
    }

    @Override
    public void addRole(Actor by, Initiative initiative, long userId, Role role) {
        members.addRole(by, initiative, userId, role);
    }

    @Override
    public void removeRole(Actor by, Initiative initiative, long userId, Role role) {
        members.removeRole(by, initiative, userId, role);
    }

    @Override
    public Account createAccount(Actor by, Initiative initiative, NewAccount account) {
        return members.createAccount(by, initiative, account);
    }

    @Override
    public boolean hasSecondFactor(Actor by, Initiative initiative, long userId) {
        members.member(by, initiative, userId).orElseThrow(ProblemException::notFound);
        return secondFactor.has(userId);
    }

    @Override
    public void resetSecondFactor(Actor by, Initiative initiative, long userId) {
        members.member(by, initiative, userId).orElseThrow(ProblemException::notFound);
        secondFactor.remove(userId);
        auditLog.write(initiative.id(), by.userId(), access.rolesOf(by, initiative), null,
                new AuditEvent(AuditEvent.Action.UPDATE, "identity.second-factor", Long.toString(userId), userId, null,
                        "administration", true), null);
        notices.tell(userId, AccountNotices.Change.SECOND_FACTOR_OFF);
    }

    // --- PermissionAdmin ---

    @Override
    public List<RolePermission> permissions(Actor by, Initiative initiative) {
        access.requireAdmin(by, initiative);
        return permissionTable.rows(initiative.id());
    }

    @Override
    public void setGranted(Actor by, Initiative initiative, String permission, Role role, boolean granted) {
        access.requireAdmin(by, initiative);
        var declared = permissionTable.declared(permission).orElseThrow(ProblemException::notFound);
        boolean isDefault = declared.defaultRoles().contains(role) == granted;
        Instant now = clock.instant();
        db.transaction(initiative.id(), sql -> {
            if (isDefault) {
                rolePermissions.clear(sql, permission, role);
            } else {
                rolePermissions.set(sql, permission, role, granted, now, by.userId());
            }
            return null;
        });
        permissionTable.invalidate(initiative.id());
        ClusterEvents events = cluster;
        if (events != null) {
            events.publish(ClusterEvents.PERMISSIONS, Long.toString(initiative.id()));
        }
        auditLog.write(initiative.id(), by.userId(), access.rolesOf(by, initiative), null,
                new AuditEvent(AuditEvent.Action.UPDATE, PERMISSION_RECORD, permission + ":" + role.name(), null, null,
                        "administration", true), null);
    }

    @Override
    public void invalidate(long initiativeId) {
        permissionTable.invalidate(initiativeId);
    }

    // --- AuditLogReader ---

    @Override
    public AuditPage read(Actor by, Initiative initiative, AuditQuery query) {
        access.requireAdmin(by, initiative);
        if (!secondFactor.has(by.userId())) {
            throw new ProblemException(403, SECOND_FACTOR_NEEDED);
        }
        return auditLog.read(by, initiative, query);
    }

    @Override
    public AuditPage readAboutMe(Actor person, Initiative initiative, int offset, int limit) {
        return auditLog.readAboutMe(person, initiative, offset, limit);
    }

    // --- Directory (for modules, inside their initiative's transaction) ---

    @Override
    public List<Member> withRole(Sql sql, Role role) {
        return memberships.members(sql, null).stream()
                .filter(m -> m.roles().contains(role) && !m.disabled())
                .map(IdentityServiceImpl::directoryEntry)
                .toList();
    }

    @Override
    public Optional<Member> member(Sql sql, long userId) {
        return memberships.members(sql, userId).stream().findFirst().map(IdentityServiceImpl::directoryEntry);
    }

    private static Member directoryEntry(MemberAccount m) {
        return new Member(m.userId(), m.displayName(), m.email(), m.roles());
    }

    // --- DemoAccounts ---

    @Override
    public Map<String, Long> ensure(Initiative initiative) {
        return demo.ensure(initiative);
    }
}
