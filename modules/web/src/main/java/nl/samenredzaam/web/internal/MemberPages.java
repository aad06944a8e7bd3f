package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.MemberAccount;
import nl.samenredzaam.identity.platform.MemberService;
import nl.samenredzaam.identity.platform.NewAccount;
import nl.samenredzaam.identity.platform.PermissionAdmin;
import nl.samenredzaam.identity.platform.RolePermission;

/**
 * {@code beheer/leden} (members, new accounts, an existing account added, roles per member) and
 * {@code beheer/rechten} (which role may do what), on identity's {@link MemberService} and
 * {@link PermissionAdmin}.
 */
public final class MemberPages {

    /** A role with its label in the page language, for check boxes. */
    public record RoleOption(String name, String label, boolean checked) {
    }

    /** A member as listed. */
    public record MemberRow(long userId, String displayName, String username, String email, String roles, boolean offline,
            boolean disabled) {
    }

    /** A permission row with one check box per role. */
    public record PermissionRow(String module, String id, String label, List<RoleOption> roles, boolean changed) {
    }

    private final ModuleRegistry modules;
    private final Responses responses;

    MemberPages(ModuleRegistry modules, Responses responses) {
        this.modules = modules;
        this.responses = responses;
    }

    void handle(AdminPages.Page page, List<String> rest) throws IOException {
        MemberService service = PageServices.current().members()
                .orElseThrow(() -> new ProblemException(503, "Ledenbeheer is nu niet beschikbaar / member management is not available"));
        if (rest.isEmpty()) {
            Exchange.requireMethod(page.ex(), "GET");
            list(page, service, Form.empty(), Form.empty(), 200);
        } else if (rest.size() == 1 && rest.get(0).equals("nieuw")) {
            Exchange.requireMethod(page.ex(), "POST");
            create(page, service);
        } else if (rest.size() == 1 && rest.get(0).equals("toevoegen")) {
            Exchange.requireMethod(page.ex(), "POST");
            addExisting(page, service);
        } else if (rest.size() == 2 && rest.get(1).equals("tweestaps-uit")) {
            Exchange.requireMethod(page.ex(), "POST");
            long userId = parseId(rest.get(0));
            service.resetSecondFactor(page.by(), page.initiative(), userId);
            AdminPages.redirect(page.ex(), page.base() + "leden/" + userId + "?opgeslagen=1");
        } else if (rest.size() == 1) {
            member(page, service, parseId(rest.get(0)));
        } else {
            throw ProblemException.notFound();
        }
    }

    private void list(AdminPages.Page page, MemberService service, Form newForm, Form addForm, int status) throws IOException {
        Locale locale = page.ex().locale();
        List<MemberRow> rows = new ArrayList<>();
        for (MemberAccount m : service.members(page.by(), page.initiative())) {
            rows.add(new MemberRow(m.userId(), m.displayName(), m.username(), m.email(), roleText(m.roles(), locale), m.offline(),
                    m.disabled()));
        }
        Map<String, Object> params = AdminPages.base(page, "members");
        params.put("rows", rows);
        params.put("newForm", newForm);
        params.put("addForm", addForm);
        params.put("newRoles", roleOptions(rolesFrom(page.ex(), newForm.hasErrors()), locale));
        params.put("allRoles", roleOptions(Set.of(Role.RESIDENT), locale));
        Html content = Templates.render("members.jte", params);
        responses.write(page.ex(), WebResponse.page(page.msg().get("members.title"), content).status(status), page.context());
    }

    private void create(AdminPages.Page page, MemberService service) throws IOException {
        Exchange ex = page.ex();
        Form form = Form.empty();
        for (String field : List.of("displayName", "username", "email")) {
            form.value(field, ex.formField(field).orElse(""));
        }
        Set<Role> roles = rolesFrom(ex, true);
        String password = ex.form().getOrDefault("password", List.of("")).get(0);
        String email = ex.formField("email").orElse(null);
        try {
            service.createAccount(page.by(), page.initiative(), new NewAccount(ex.formField("username").orElse(""),
                    ex.formField("displayName").orElse(""), email, password, roles, false));
            AdminPages.redirect(ex, page.base() + "leden?opgeslagen=1");
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            if (e.status() == 409) {
                form.error("username", Bilingual.pick(e.detail(), ex.locale()));
            } else {
                form.from(e, ex.locale());
            }
            list(page, service, form, Form.empty(), e.status());
        }
    }

    private void addExisting(AdminPages.Page page, MemberService service) throws IOException {
        Exchange ex = page.ex();
        String username = ex.formField("addUsername").orElse("");
        Form form = Form.empty().value("addUsername", username);
        Role role = parseRole(ex.formField("addRole").orElse(""));
        if (username.isEmpty()) {
            form.error("addUsername", page.msg().get("members.usernameMissing"));
        }
        if (role == null) {
            form.error("addRole", page.msg().get("members.roleMissing"));
        }
        if (!form.hasErrors()) {
            Account account = service.findAccount(page.by(), page.initiative(), username).orElse(null);
            if (account == null) {
                form.error("addUsername", page.msg().get("members.unknownUser"));
            } else {
                service.addRole(page.by(), page.initiative(), account.id(), role);
                AdminPages.redirect(ex, page.base() + "leden/" + account.id() + "?opgeslagen=1");
                return;
            }
        }
        list(page, service, Form.empty(), form, 400);
    }

    private void member(AdminPages.Page page, MemberService service, long userId) throws IOException {
        Exchange ex = page.ex();
        Exchange.requireMethod(ex, "GET", "POST");
        Initiative initiative = page.initiative();
        MemberAccount member = service.member(page.by(), initiative, userId).orElseThrow(ProblemException::notFound);
        Form form = Form.empty();
        Set<Role> shown = member.roles();
        int status = 200;
        if (ex.method().equals("POST")) {
            Set<Role> wanted = rolesFrom(ex, true);
            shown = wanted;
            try {
                if (wanted.isEmpty()) {
                    form.error("roles", page.msg().get("members.noRoles"));
                    status = 400;
                } else {
                    for (Role r : wanted) {
                        if (!member.roles().contains(r)) {
                            service.addRole(page.by(), initiative, userId, r);
                        }
                    }
                    for (Role r : member.roles()) {
                        if (!wanted.contains(r)) {
                            service.removeRole(page.by(), initiative, userId, r);
                        }
                    }
                    AdminPages.redirect(ex, page.base() + "leden/" + userId + "?opgeslagen=1");
                    return;
                }
            } catch (ProblemException e) {
                if (e.status() != 409 && e.status() != 400) {
                    throw e;
                }
                form.error("roles", Bilingual.pick(e.detail(), ex.locale()));
                status = e.status();
                member = service.member(page.by(), initiative, userId).orElseThrow(ProblemException::notFound);
            }
        }
        Map<String, Object> params = AdminPages.base(page, "members");
        params.put("member", member);
        params.put("secondFactor", service.hasSecondFactor(page.by(), initiative, userId));
        params.put("roles", roleOptions(shown, ex.locale()));
        params.put("form", form);
        Html content = Templates.render("member.jte", params);
        responses.write(ex, WebResponse.page(member.displayName(), content).status(status), page.context());
    }

    /** {@code beheer/rechten}: the role-permission table; one form, one save. */
    void permissions(AdminPages.Page page, List<String> rest) throws IOException {
        if (!rest.isEmpty()) {
            throw ProblemException.notFound();
        }
        PermissionAdmin admin = PageServices.current().permissions()
                .orElseThrow(() -> new ProblemException(503, "Rechtenbeheer is nu niet beschikbaar / permissions are not available"));
        Exchange ex = page.ex();
        Exchange.requireMethod(ex, "GET", "POST");
        List<RolePermission> current = admin.permissions(page.by(), page.initiative());
        if (ex.method().equals("POST")) {
            Set<String> checked = new HashSet<>(ex.form().getOrDefault("grant", List.of()));
            for (RolePermission p : current) {
                for (Role role : Role.values()) {
                    boolean wanted = checked.contains(p.permission() + ":" + role.name());
                    if (wanted != p.roles().contains(role)) {
                        admin.setGranted(page.by(), page.initiative(), p.permission(), role, wanted);
                    }
                }
            }
            AdminPages.redirect(ex, page.base() + "rechten?opgeslagen=1");
            return;
        }
        List<PermissionRow> rows = new ArrayList<>();
        for (RolePermission p : current) {
            List<RoleOption> roles = new ArrayList<>();
            for (Role role : Role.values()) {
                roles.add(new RoleOption(role.name(), role.label().in(ex.locale()), p.roles().contains(role)));
            }
            String module = modules.info(p.moduleId()).map(m -> m.name().in(ex.locale())).orElse(p.moduleId());
            rows.add(new PermissionRow(module, p.permission(), p.label().in(ex.locale()), roles, p.changed()));
        }
        Map<String, Object> params = AdminPages.base(page, "permissions");
        params.put("rows", rows);
        params.put("roles", roleOptions(Set.of(), ex.locale()));
        Html content = Templates.render("permissions.jte", params);
        responses.write(ex, WebResponse.page(page.msg().get("permissions.title"), content), page.context());
    }

    private static Set<Role> rolesFrom(Exchange ex, boolean fromForm) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (fromForm) {
            for (String value : ex.form().getOrDefault("roles", List.of())) {
                Role r = parseRole(value);
                if (r != null) {
                    roles.add(r);
                }
            }
        } else {
            roles.add(Role.RESIDENT);
        }
        return roles;
    }

    static Role parseRole(String value) {
        for (Role r : Role.values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        return null;
    }

    static List<RoleOption> roleOptions(Set<Role> checked, Locale locale) {
        List<RoleOption> options = new ArrayList<>();
        for (Role r : Role.values()) {
            options.add(new RoleOption(r.name(), r.label().in(locale), checked.contains(r)));
        }
        return options;
    }

    static String roleText(Set<Role> roles, Locale locale) {
        List<String> names = new ArrayList<>();
        for (Role r : Role.values()) {
            if (roles.contains(r)) {
                names.add(r.label().in(locale));
            }
        }
        return String.join(", ", names);
    }

    static long parseId(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw ProblemException.notFound();
    }
}
