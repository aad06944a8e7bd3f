package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.MenuItem;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.identity.platform.IdentityService;

/** The platform landing page, an initiative's home page and privacy statement; hands {@code beheer} to {@link AdminPages}. */
final class InitiativePages {

    private final InitiativeService initiatives;
    private final ModuleRegistry modules;
    private final IdentityService identity;
    private final Responses responses;
    private final AdminPages admin;

    InitiativePages(InitiativeService initiatives, ModuleRegistry modules, IdentityService identity, Responses responses) {
        this.initiatives = initiatives;
        this.modules = modules;
        this.identity = identity;
        this.responses = responses;
        this.admin = new AdminPages(modules, identity, responses);
    }

    void landing(Exchange ex) throws IOException {
        Exchange.requireMethod(ex, "GET");
        Messages msg = Shell.messages(ex);
        Html content = Templates.render("landing.jte", Map.of("msg", msg, "initiatives", initiatives.list(false)));
        responses.write(ex, WebResponse.page(msg.get("landing.title"), content), Shell.Context.platform());
    }

    void home(Exchange ex, Initiative initiative) throws IOException {
        Exchange.requireMethod(ex, "GET");
        Optional<Actor> actor = actor(ex, initiative);
        Messages msg = Shell.messages(ex);
        Set<String> enabled = modules.enabledModules(initiative.id());
        List<HomeItem> items = new ArrayList<>();
        for (ModuleRegistry.Active active : modules.activeModules()) {
            Module module = active.module();
            if (!enabled.contains(module.id())) {
                continue;
            }
            MenuItem first = null;
            boolean allowed = false;
            for (MenuItem item : module.menu()) {
                if (item.area() != MenuItem.Area.MAIN) {
                    continue;
                }
                if (Access.allowed(actor, item.permission())) {
                    first = item;
                    allowed = true;
                    break;
                }
                if (first == null) {
                    first = item;
                }
            }
            if (first == null || (!allowed && actor.isPresent())) {
                continue; // no page for residents, or a member without the permission
            }
            items.add(new HomeItem(first.label().in(ex.locale()), module.summary().in(ex.locale()),
                    "/" + initiative.slug() + "/" + module.id() + first.path(), !allowed));
        }
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("items", items);
        params.put("signedIn", actor.isPresent());
        params.put("member", actor.isPresent() && !actor.get().roles().isEmpty());
        params.put("slug", initiative.slug());
        params.put("welcome", PageServices.current().theme(initiative.id()).welcome());
        params.put("joined", actor.isPresent() && "1".equals(ex.queryParameter("welkom")));
        Html content = Templates.render("home.jte", params);
        responses.write(ex, WebResponse.page(initiative.name(), content), new Shell.Context(initiative, actor, null));
    }

    /** {@code /{slug}/privacy}: the privacy statement, with each enabled module's retention rule. */
    void privacy(Exchange ex, Initiative initiative) throws IOException {
        Exchange.requireMethod(ex, "GET");
        Optional<Actor> actor = actor(ex, initiative);
        Messages msg = Shell.messages(ex);
        Set<String> enabled = modules.enabledModules(initiative.id());
        List<PrivacyItem> items = new ArrayList<>();
        for (PrivacyContributor contributor : PageServices.current().privacyContributors()) {
            boolean platform = contributor.moduleId().equals(PageServices.IDENTITY);
            if (!platform && !enabled.contains(contributor.moduleId())) {
                continue;
            }
            String name = platform ? msg.get("privacy.identityName") : modules.info(contributor.moduleId()).map(m -> m.name().in(ex.locale())).orElse(contributor.moduleId());
            items.add(new PrivacyItem(name, contributor.retention().in(ex.locale())));
        }
        items.sort((a, b) -> a.module().compareToIgnoreCase(b.module()));
        Theme theme = PageServices.current().theme(initiative.id());
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("items", items);
        params.put("name", initiative.name());
        params.put("theme", theme);
        params.put("slug", initiative.slug());
        Html content = Templates.render("privacy.jte", params);
        responses.write(ex, WebResponse.page(msg.get("privacy.title"), content), new Shell.Context(initiative, actor, null));
    }

    /** {@code /{slug}/beheer/...}: the initiative admin's pages. */
    void admin(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        admin.handle(ex, initiative, rest);
    }

    IdentityService identity() {
        return identity;
    }

    private Optional<Actor> actor(Exchange ex, Initiative initiative) {
        return ex.account().map(a -> identity.actor(a, initiative));
    }
}
