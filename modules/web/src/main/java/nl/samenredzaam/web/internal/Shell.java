package nl.samenredzaam.web.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.Session;

/**
 * The page layout around every page: the initiative's name, logo and colours, the menu of its
 * enabled modules (only entries the person may use), language switch, sign-in state, footer with
 * contact details and the privacy statement.
 */
final class Shell {

    /** How long the language choice is remembered, in seconds (one year). */
    static final int LANG_COOKIE_AGE = 365 * 24 * 3600;

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
        rememberLanguage(ex);
        Messages msg = messages(ex);
        Initiative initiative = context.initiative();
        List<PageModel.NavItem> nav = initiative == null ? List.of() : nav(ex, initiative, context);
        String admin = initiative != null && Access.managesInitiative(context.actor()) ? "/" + initiative.slug() + "/beheer/" : null;
        Optional<Account> account = ex.account();
        String userName = account.map(Account::displayName).orElse(null);
        String operator = account.filter(Account::operator).isPresent() ? "/platform/" : null;
        String csrf = ex.session().map(Session::csrfToken).orElse("");
        Theme theme = initiative == null ? Theme.standard() : PageServices.current().theme(initiative.id());
        PageModel model = new PageModel(msg, msg.locale().getLanguage(), title, initiative, nav, userName, csrf, content,
                otherLanguageHref(ex), admin, theme, operator);
        return Templates.page(model);
    }

    /** A {@code ?lang=} link sets the language for the next pages too. */
    private static void rememberLanguage(Exchange ex) {
        String lang = "GET".equals(ex.method()) ? ex.request.getParameter("lang") : null;
        if ("nl".equals(lang) || "en".equals(lang)) {
            ex.response.addHeader("Set-Cookie", Exchange.LANG_COOKIE + "=" + lang + "; Path=/; Max-Age=" + LANG_COOKIE_AGE
                    + "; SameSite=Lax" + (ex.secure() ? "; Secure" : ""));
        }
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

    /**
     * This page in the other language; other query parameters are kept. A page shown in answer to
     * a form (POST) links to the page the form was on, since its own address only takes posts.
     */
    static String otherLanguageHref(Exchange ex) {
        String other = "en".equals(ex.locale().getLanguage()) ? "nl" : "en";
        if (!"GET".equals(ex.method())) {
            String back = localPath(ex.request.getHeader("Referer"), ex.baseUrl());
            String path = back == null ? "/" : back.replaceAll("([?&])lang=[a-z]*&?", "$1").replaceAll("[?&]$", "");
            return path + (path.contains("?") ? "&" : "?") + "lang=" + other;
        }
        StringBuilder href = new StringBuilder(ex.request.getRequestURI()).append("?lang=").append(other);
        Map<String, String[]> params = ex.request.getParameterMap();
        params.forEach((name, values) -> {
            if (!name.equals("lang")) {
                for (String v : values) {
                    href.append('&').append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
                }
            }
        });
        return href.toString();
    }

    /** The path and query of a same-site address, or {@code null}. */
    static String localPath(String url, String baseUrl) {
        if (url == null || !url.startsWith(baseUrl + "/")) {
            return null;
        }
        String path = url.substring(baseUrl.length());
        return LoginPages.safeReturn(path).equals(path) ? path : null;
    }

    String errorPage(Exchange ex, Context context, ProblemException problem) {
        Messages msg = messages(ex);
        int status = problem.status();
        String key = "error." + status;
        if (status == 403 && Csrf.DETAIL.equals(problem.detail())) {
            key = "error.csrf";
        }
        String detail = msg.has(key) ? msg.get(key) : problem.detail();
        if (status == 400 || status == 409 || status == 422 || status == 413 || status == 429) {
            detail = problem.detail();
        }
        String home = context.initiative() == null ? "/" : "/" + context.initiative().slug() + "/";
        Html content = Templates.render("error.jte", Map.of("msg", msg, "status", status, "detail", detail, "homeHref", home));
        return page(ex, context, msg.get("error.title"), content);
    }
}
