package nl.samenredzaam.web.internal;

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
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.identity.platform.Session;

/**
 * The page layout around every page: the initiative's name, the menu of its enabled modules (only
 * entries the person may use), language switch, sign-in state.
 */
final class Shell {

    /** Where a page is shown. */
    record Context(Initiative initiative, Optional<Actor> actor, String currentModule) {
        static Context platform() {
            return new Context(null, Optional.empty(), null);
        }
    }

    private final ModuleRegistry modules;

    Shell(ModuleRegistry modules) {
        this.modules = modules;
    }

    static Messages messages(Exchange ex) {
        return Messages.of(Shell.class, ex.locale());
    }

    String page(Exchange ex, Context context, String title, Html content) {
        Messages msg = messages(ex);
        Initiative initiative = context.initiative();
        List<PageModel.NavItem> nav = initiative == null ? List.of() : nav(ex, initiative, context);
        String admin = initiative != null && Access.managesInitiative(context.actor()) ? "/" + initiative.slug() + "/beheer/" : null;
        String userName = ex.account().map(a -> a.displayName()).orElse(null);
        String csrf = ex.session().map(Session::csrfToken).orElse("");
        PageModel model = new PageModel(msg, msg.locale().getLanguage(), title, initiative, nav, userName, csrf, content,
                otherLanguageHref(ex), admin);
        return Templates.page(model);
    }

    private List<PageModel.NavItem> nav(Exchange ex, Initiative initiative, Context context) {
        Set<String> enabled = modules.enabledModules(initiative.id());
        List<PageModel.NavItem> items = new ArrayList<>();
        for (ModuleRegistry.Active active : modules.activeModules()) {
            if (!enabled.contains(active.module().id())) {
                continue;
            }
            for (MenuItem item : active.module().menu()) {
                if (item.area() == MenuItem.Area.MAIN && Access.allowed(context.actor(), item.permission())) {
                    String href = "/" + initiative.slug() + "/" + active.module().id() + item.path();
                    items.add(new PageModel.NavItem(item.label().in(ex.locale()), href,
                            active.module().id().equals(context.currentModule())));
                }
            }
        }
        return items;
    }

    private static String otherLanguageHref(Exchange ex) {
        String other = "en".equals(ex.locale().getLanguage()) ? "nl" : "en";
        return ex.request.getRequestURI() + "?lang=" + other;
    }

    String errorPage(Exchange ex, Context context, ProblemException problem) {
        Messages msg = messages(ex);
        int status = problem.status();
        String key = "error." + status;
        String detail = msg.has(key) ? msg.get(key) : problem.detail();
        if (status == 400 || status == 409 || status == 422 || status == 413 || status == 429) {
            detail = problem.detail();
        }
        String home = context.initiative() == null ? "/" : "/" + context.initiative().slug() + "/";
        Html content = Templates.render("error.jte", Map.of("msg", msg, "status", status, "detail", detail, "homeHref", home));
        return page(ex, context, msg.get("error.title"), content);
    }
}
