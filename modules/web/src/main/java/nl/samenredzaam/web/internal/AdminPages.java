package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.ModuleInfo;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.Session;

/**
 * The initiative admin's pages at {@code /{slug}/beheer/}: the module switchboard with each
 * module's settings, and the way to members, roles, the audit log and the theme. Every form
 * posts, then redirects back (post/redirect/get); a form with mistakes is shown again with the
 * errors next to the fields and everything that was typed.
 */
final class AdminPages {

    /**
     * Where one admin page is shown; {@code moduleLinks} are the admin menu entries
     * ({@code MenuItem.Area.ADMIN}) of the enabled modules that the admin may use.
     */
    record Page(Exchange ex, Initiative initiative, Optional<Actor> actor, Shell.Context context, Messages msg,
            List<PageModel.NavItem> moduleLinks) {
        Actor by() {
            return actor.orElseThrow();
        }

        String base() {
            return "/" + initiative.slug() + "/beheer/";
        }

        String csrf() {
            return ex.session().map(Session::csrfToken).orElse("");
        }

        /** Whether the page was reached after a successful save (post/redirect/get). */
        boolean saved() {
            return "1".equals(ex.request.getParameter("opgeslagen"));
        }
    }

    private final ModuleRegistry modules;
    private final IdentityService identity;
    private final Responses responses;
    private final MemberPages members;
    private final AuditPages audit;
    private final ThemePages theme;
    private final PrivacyRequestPages privacy;
    private final InvitationPages invitations;

    AdminPages(ModuleRegistry modules, IdentityService identity, Responses responses) {
        this.modules = modules;
        this.identity = identity;
        this.responses = responses;
        this.members = new MemberPages(modules, responses);
        this.audit = new AuditPages(identity, responses);
        this.theme = new ThemePages(responses);
        this.privacy = new PrivacyRequestPages(modules, identity, responses);
        this.invitations = new InvitationPages(identity, responses);
    }

    void handle(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        Optional<Actor> actor = ex.account().map(a -> identity.actor(a, initiative));
        if (actor.isEmpty()) {
            ex.response.setStatus(303);
            ex.response.setHeader("Location", "/login?returnTo=/" + initiative.slug() + "/beheer/");
            return;
        }
        String first = rest.isEmpty() ? "" : rest.get(0);
        // coordinators may invite residents and volunteers (identity checks the role), nothing else here
        boolean coordinatorInvites = first.equals("uitnodigingen") && actor.get().roles().contains(nl.samenredzaam.api.module.Role.COORDINATOR);
        if (!Access.managesInitiative(actor) && !coordinatorInvites) {
            throw ProblemException.forbidden();
        }
        if (!ex.method().equals("GET")) {
            if (Multipart.is(ex)) {
                Multipart.checkCsrf(ex, Multipart.parse(ex));
            } else {
                Csrf.check(ex);
            }
        }
        Page page = new Page(ex, initiative, actor, new Shell.Context(initiative, actor, null), Shell.messages(ex),
                moduleLinks(ex, initiative, actor));
        switch (first) {
            case "" -> {
                Exchange.requireMethod(ex, "GET");
                switchboard(page);
            }
            case "modules" -> toggle(page, rest);
            case "onderdelen" -> settings(page, rest);
            case "leden" -> members.handle(page, rest.subList(1, rest.size()));
            case "rechten" -> members.permissions(page, rest.subList(1, rest.size()));
            case "logboek", "logboek.csv" -> audit.handle(page, rest);
            case "uitstraling" -> theme.handle(page, rest.subList(1, rest.size()));
            case "privacy" -> privacy.handle(page, rest.subList(1, rest.size()));
            case "uitnodigingen" -> invitations.handle(page, rest.subList(1, rest.size()));
            default -> throw ProblemException.notFound();
        }
    }

    private void toggle(Page page, List<String> rest) throws IOException {
        if (rest.size() != 1) {
            throw ProblemException.notFound();
        }
        Exchange ex = page.ex();
        Exchange.requireMethod(ex, "POST");
        String moduleId = ex.formField("module").orElseThrow(() -> ProblemException.invalidField("module", "Verplicht / required"));
        boolean on = Boolean.parseBoolean(ex.formField("enabled").orElse("false"));
        modules.setEnabled(page.initiative().id(), moduleId, on);
        redirect(ex, page.base() + "?opgeslagen=1#module-" + moduleId);
    }

    private void switchboard(Page page) throws IOException {
        Exchange ex = page.ex();
        Messages msg = page.msg();
        List<SwitchRow> rows = new ArrayList<>();
        for (ModuleInfo m : modules.modules()) {
            boolean hasSettings = modules.active(m.id()).map(a -> !a.module().settings().isEmpty()).orElse(false);
            List<String> partners = new ArrayList<>();
            for (String other : modules.active(m.id()).map(a -> a.module().worksWith()).orElse(java.util.Set.of())) {
                partners.add(modules.info(other).map(o -> o.name().in(ex.locale())).orElse(other));
            }
            partners.sort(String::compareToIgnoreCase);
            rows.add(new SwitchRow(m.id(), m.name().in(ex.locale()), m.summary().in(ex.locale()), msg.get("state." + m.state().name()),
                    Bilingual.pick(m.problem(), ex.locale()), modules.isEnabled(page.initiative().id(), m.id()),
                    m.state() != ModuleInfo.State.ACTIVE, hasSettings, m.version(), String.join(", ", partners)));
        }
        Map<String, Object> params = base(page, "switchboard");
        params.put("rows", rows);
        params.put("action", page.base() + "modules");
        Html content = Templates.render("switchboard.jte", params);
        responses.write(ex, WebResponse.page(msg.get("switchboard.title"), content), page.context());
    }

    /** {@code onderdelen/{id}}: a module's settings. */
    private void settings(Page page, List<String> rest) throws IOException {
        if (rest.size() != 2) {
            throw ProblemException.notFound();
        }
        Exchange ex = page.ex();
        Exchange.requireMethod(ex, "GET", "POST");
        String moduleId = rest.get(1);
        ModuleInfo info = modules.info(moduleId).orElseThrow(ProblemException::notFound);
        List<Setting> declared = modules.active(moduleId).map(a -> a.module().settings()).orElse(List.of());
        List<SettingRow> rows = new ArrayList<>();
        for (Setting s : declared) {
            rows.add(new SettingRow(s.key(), s.label().in(ex.locale()), s.defaultValue()));
        }
        Form form = Form.empty();
        int status = 200;
        if (ex.method().equals("POST")) {
            Map<String, String> values = new LinkedHashMap<>();
            for (SettingRow row : rows) {
                String value = ex.form().getOrDefault(row.fieldId(), List.of("")).get(0).strip();
                form.value(row.fieldId(), value);
                values.put(row.key(), value);
            }
            try {
                modules.updateSettings(page.initiative().id(), moduleId, values);
                redirect(ex, page.base() + "onderdelen/" + moduleId + "?opgeslagen=1");
                return;
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                Form raw = Form.empty().from(e, ex.locale());
                for (SettingRow row : rows) {
                    if (raw.hasError(row.key())) {
                        form.error(row.fieldId(), raw.error(row.key()));
                    }
                }
                if (raw.general() != null || !form.hasErrors()) {
                    form.general(raw.general() != null ? raw.general() : page.msg().get("form.invalid"));
                }
                status = 400;
            }
        } else if (!rows.isEmpty()) {
            Map<String, String> current = modules.settings(page.initiative().id(), moduleId);
            for (SettingRow row : rows) {
                form.value(row.fieldId(), current.getOrDefault(row.key(), row.defaultValue()));
            }
        }
        Map<String, Object> params = base(page, "switchboard");
        params.put("name", info.name().in(ex.locale()));
        params.put("summary", info.summary().in(ex.locale()));
        params.put("rows", rows);
        params.put("form", form);
        params.put("action", page.base() + "onderdelen/" + moduleId);
        params.put("saved", page.saved());
        Html content = Templates.render("settings.jte", params);
        responses.write(ex, WebResponse.page(page.msg().get("settings.title", info.name().in(ex.locale())), content).status(status),
                page.context());
    }

    /** The parameters every admin page template gets. */
    static Map<String, Object> base(Page page, String current) {
        Map<String, Object> params = new HashMap<>();
        params.put("moduleLinks", page.moduleLinks());
        params.put("msg", page.msg());
        params.put("slug", page.initiative().slug());
        params.put("current", current);
        params.put("csrf", page.csrf());
        params.put("saved", page.saved());
        return params;
    }

    private List<PageModel.NavItem> moduleLinks(Exchange ex, Initiative initiative, Optional<Actor> actor) {
        List<PageModel.NavItem> links = new ArrayList<>();
        java.util.Set<String> enabled = modules.enabledModules(initiative.id());
        for (ModuleRegistry.Active active : modules.activeModules()) {
            if (!enabled.contains(active.module().id())) {
                continue;
            }
            for (nl.samenredzaam.api.module.MenuItem item : active.module().menu()) {
                if (item.area() == nl.samenredzaam.api.module.MenuItem.Area.ADMIN && Access.allowed(actor, item.permission())) {
                    links.add(new PageModel.NavItem(item.label().in(ex.locale()),
                            "/" + initiative.slug() + "/" + active.module().id() + item.path(), false));
                }
            }
        }
        return links;
    }

    static void redirect(Exchange ex, String location) {
        ex.response.setStatus(303);
        ex.response.setHeader("Location", location);
    }
}
