package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.MenuItem;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.ModuleInfo;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.Session;

/** The platform landing page, an initiative's home page and its module switchboard (beheer). */
final class InitiativePages {

    private final InitiativeService initiatives;
    private final ModuleRegistry modules;
    private final IdentityService identity;
    private final Responses responses;

    InitiativePages(InitiativeService initiatives, ModuleRegistry modules, IdentityService identity, Responses responses) {
        this.initiatives = initiatives;
        this.modules = modules;
        this.identity = identity;
        this.responses = responses;
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
            if (!enabled.contains(active.module().id())) {
                continue;
            }
            for (MenuItem item : active.module().menu()) {
                if (item.area() == MenuItem.Area.MAIN && Access.allowed(actor, item.permission())) {
                    items.add(new HomeItem(item.label().in(ex.locale()), active.module().summary().in(ex.locale()),
                            "/" + initiative.slug() + "/" + active.module().id() + item.path()));
                    break;
                }
            }
        }
        Html content = Templates.render("home.jte", Map.of("msg", msg, "items", items, "signedIn", actor.isPresent()));
        responses.write(ex, WebResponse.page(initiative.name(), content), new Shell.Context(initiative, actor, null));
    }

    /** {@code /{slug}/beheer/...}: the initiative admin's pages. */
    void admin(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        Optional<Actor> actor = actor(ex, initiative);
        if (actor.isEmpty()) {
            ex.response.setStatus(303);
            ex.response.setHeader("Location", "/login?returnTo=/" + initiative.slug() + "/beheer/");
            return;
        }
        if (!Access.managesInitiative(actor)) {
            throw ProblemException.forbidden();
        }
        Shell.Context context = new Shell.Context(initiative, actor, null);
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "GET");
            switchboard(ex, initiative, context);
        } else if (rest.size() == 1 && rest.get(0).equals("modules")) {
            Exchange.requireMethod(ex, "POST");
            Csrf.check(ex);
            String moduleId = ex.formField("module").orElseThrow(() -> ProblemException.invalidField("module", "Verplicht / required"));
            boolean on = Boolean.parseBoolean(ex.formField("enabled").orElse("false"));
            modules.setEnabled(initiative.id(), moduleId, on);
            ex.response.setStatus(303);
            ex.response.setHeader("Location", "/" + initiative.slug() + "/beheer/");
        } else {
            throw ProblemException.notFound();
        }
    }

    private void switchboard(Exchange ex, Initiative initiative, Shell.Context context) throws IOException {
        Messages msg = Shell.messages(ex);
        List<SwitchRow> rows = new ArrayList<>();
        for (ModuleInfo m : modules.modules()) {
            rows.add(new SwitchRow(m.id(), m.name().in(ex.locale()), m.summary().in(ex.locale()), msg.get("state." + m.state().name()),
                    m.problem(), modules.isEnabled(initiative.id(), m.id())));
        }
        String csrf = ex.session().map(Session::csrfToken).orElse("");
        Html content = Templates.render("switchboard.jte", Map.of("msg", msg, "rows", rows, "csrf", csrf,
                "action", "/" + initiative.slug() + "/beheer/modules"));
        responses.write(ex, WebResponse.page(msg.get("switchboard.title"), content), context);
    }

    private Optional<Actor> actor(Exchange ex, Initiative initiative) {
        return ex.account().map(a -> identity.actor(a, initiative));
    }
}
