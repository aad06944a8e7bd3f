package nl.samenredzaam.web.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.platform.AuditLogReader;
import nl.samenredzaam.identity.platform.InvitationService;
import nl.samenredzaam.identity.platform.MemberService;
import nl.samenredzaam.identity.platform.PermissionAdmin;

/**
 * The services the shell, admin and operator pages use besides the ones the front servlet hands
 * them: identity's member, role and audit services, the privacy contributors of the modules, and
 * the theme store. All optional and dynamic: a page whose service is missing answers 503, the rest
 * keeps working.
 *
 * <p>The front servlet constructs the page classes itself; they find this component through
 * {@link #current()}, which the component sets while it is active.
 */
@Component(service = PageServices.class, immediate = true)
public final class PageServices {

    private static volatile PageServices current;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile MemberService members;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile PermissionAdmin permissions;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLogReader auditLog;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile InvitationService invitations;
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile nl.samenredzaam.identity.platform.ConsentService consents;
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            fieldOption = FieldOption.UPDATE)
    private final List<PrivacyContributor> privacy = new CopyOnWriteArrayList<>();

    private final ThemeStore themes;
    private final PlatformDatabase db;

    @Activate
    public PageServices(@Reference PlatformDatabase db) {
        this(db, new ThemeStore(db, Clock.systemUTC()), null, null, null);
        current = this;
    }

    /** For tests: fixed services. */
    PageServices(PlatformDatabase db, ThemeStore themes, MemberService members, PermissionAdmin permissions, AuditLogReader auditLog) {
        this.db = db;
        this.themes = themes;
        this.members = members;
        this.permissions = permissions;
        this.auditLog = auditLog;
    }

    @Deactivate
    void deactivate() {
        if (current == this) {
            current = null;
        }
    }

    /** The active instance, or an empty one (standard theme, no services) while it is not there. */
    static PageServices current() {
        PageServices services = current;
        return services != null ? services : new PageServices(null, null, null, null, null);
    }

    /** For tests. */
    static void use(PageServices services) {
        current = services;
    }

    Optional<PlatformDatabase> database() {
        return Optional.ofNullable(db);
    }

    Optional<ThemeStore> themes() {
        return Optional.ofNullable(themes);
    }

    Theme theme(long initiativeId) {
        return themes == null ? Theme.standard() : themes.theme(initiativeId);
    }

    Optional<MemberService> members() {
        return Optional.ofNullable(members);
    }

    Optional<PermissionAdmin> permissions() {
        return Optional.ofNullable(permissions);
    }

    Optional<InvitationService> invitations() {
        return Optional.ofNullable(invitations);
    }

    /** For tests. */
    void invitations(InvitationService service) {
        this.invitations = service;
    }

    Optional<nl.samenredzaam.identity.platform.ConsentService> consents() {
        return Optional.ofNullable(consents);
    }

    Optional<AuditLogReader> auditLog() {
        return Optional.ofNullable(auditLog);
    }

    /** The module id of identity's own privacy contributor (accounts, roles, sessions, tokens, invitations). */
    static final String IDENTITY = "identity";

    /**
     * The privacy contributors, identity's last: modules erase their records about the person (by
     * user id) before the account itself is anonymised.
     */
    List<PrivacyContributor> privacyContributors() {
        List<PrivacyContributor> all = new java.util.ArrayList<>(privacy);
        all.sort(java.util.Comparator.comparing(c -> c.moduleId().equals(IDENTITY)));
        return List.copyOf(all);
    }
}
