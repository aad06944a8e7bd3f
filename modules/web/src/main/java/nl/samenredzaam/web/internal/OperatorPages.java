package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.BundleInfo;
import nl.samenredzaam.core.platform.BundleManager;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.ModuleInfo;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.Session;

/**
 * {@code /platform/...}: the operator's pages (initiatives, bundles, health), plus the public
 * files every initiative's pages use (theme stylesheet and logo) and the privacy statements.
 */
public final class OperatorPages {

    /** A bundle as listed. */
    public record BundleRow(String symbolicName, String version, String state, String module, boolean removable, String problem,
            boolean ok) {
    }

    /** A module's health. */
    public record ModuleRow(String id, String name, String version, String state, boolean ok, String problem) {
    }

    private final InitiativeService initiatives;
    private final ModuleRegistry modules;
    private final BundleManager bundles;
    private final Responses responses;
    private final InitiativePages pages;
    private final AuditPages audit;
    private final ConsentPages consents;

    OperatorPages(InitiativeService initiatives, ModuleRegistry modules, BundleManager bundles, Responses responses,
            InitiativePages pages) {
        this.initiatives = initiatives;
        this.modules = modules;
        this.bundles = bundles;
        this.responses = responses;
        this.pages = pages;
        this.audit = new AuditPages(pages.identity(), responses);
        this.consents = new ConsentPages(pages.identity(), modules, responses);
    }

    void handle(Exchange ex, List<String> rest) throws IOException {
        List<String> r = rest.stream().filter(s -> !s.isEmpty()).toList();
        String first = r.isEmpty() ? "" : r.get(0);
        // public parts first
        if (first.equals("thema") && r.size() == 3) {
            Initiative initiative = initiatives.bySlug(r.get(1)).filter(i -> !i.archived()).orElseThrow(ProblemException::notFound);
            ThemePages.publicFile(ex, initiative.id(), r.get(2));
            return;
        }
        if (first.equals("privacy")) {
            if (r.size() == 1) {
                platformPrivacy(ex);
            } else if (r.size() == 2) {
                pages.privacy(ex, initiatives.bySlug(r.get(1)).filter(i -> !i.archived()).orElseThrow(ProblemException::notFound));
            } else {
                throw ProblemException.notFound();
            }
            return;
        }
        if (first.equals("mijn-logboek") && r.size() == 2) {
            audit.aboutMe(ex, initiatives.bySlug(r.get(1)).filter(i -> !i.archived()).orElseThrow(ProblemException::notFound));
            return;
        }
        if (first.equals("mijn-toestemmingen") && r.size() >= 2) {
            consents.page(ex, initiatives.bySlug(r.get(1)).filter(i -> !i.archived()).orElseThrow(ProblemException::notFound),
                    r.subList(2, r.size()));
            return;
        }
        Optional<Account> account = ex.account();
        if (account.isEmpty()) {
            ex.response.setStatus(303);
            ex.response.setHeader("Location", "/login?returnTo=/platform/");
            return;
        }
        if (!account.get().operator()) {
            throw ProblemException.forbidden();
        }
        if (!ex.method().equals("GET")) {
            if (Multipart.is(ex)) {
                Multipart.checkCsrf(ex, Multipart.parse(ex));
            } else {
                Csrf.check(ex);
            }
        }
        switch (first) {
            case "" -> {
                Exchange.requireMethod(ex, "GET");
                overview(ex, Form.empty(), 200);
            }
            case "initiatieven" -> initiative(ex, r.subList(1, r.size()));
            case "bundels" -> bundles(ex, r.subList(1, r.size()));
            case "gezondheid" -> {
                Exchange.requireMethod(ex, "GET");
                health(ex);
            }
            default -> throw ProblemException.notFound();
        }
    }

    private void overview(Exchange ex, Form form, int status) throws IOException {
        Messages msg = Shell.messages(ex);
        Map<String, Object> params = base(ex, msg, "initiatives");
        params.put("initiatives", initiatives.list(true));
        params.put("form", form);
        Html content = Templates.render("operator.jte", params);
        responses.write(ex, WebResponse.page(msg.get("operator.title"), content).status(status), Shell.Context.platform());
    }

    private void initiative(Exchange ex, List<String> rest) throws IOException {
        Messages msg = Shell.messages(ex);
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "POST");
            String slug = ex.formField("slug").orElse("");
            String name = ex.formField("name").orElse("");
            Form form = Form.empty().value("slug", slug).value("name", name);
            if (slug.isEmpty()) {
                form.error("slug", msg.get("operator.slugMissing"));
            }
            if (name.isEmpty()) {
                form.error("name", msg.get("operator.nameMissing"));
            }
            if (!form.hasErrors()) {
                try {
                    Initiative created = initiatives.create(slug, name);
                    AdminPages.redirect(ex, "/platform/initiatieven/" + created.slug() + "?opgeslagen=1");
                    return;
                } catch (ProblemException e) {
                    if (e.status() == 409) {
                        form.error("slug", Bilingual.pick(e.detail(), ex.locale()));
                    } else if (e.status() == 400) {
                        form.from(e, ex.locale());
                    } else {
                        throw e;
                    }
                }
            }
            overview(ex, form, 400);
            return;
        }
        if (rest.size() != 1) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "GET", "POST");
        Initiative initiative = initiatives.bySlug(rest.get(0)).orElseThrow(ProblemException::notFound);
        Form form = Form.empty().value("name", initiative.name());
        int status = 200;
        if (ex.method().equals("POST")) {
            String action = ex.formField("actie").orElse("");
            try {
                switch (action) {
                    case "hernoemen" -> {
                        String name = ex.formField("name").orElse("");
                        form.value("name", name);
                        if (name.isEmpty()) {
                            form.error("name", msg.get("operator.nameMissing"));
                            throw new ProblemException(400, "");
                        }
                        initiatives.rename(initiative.id(), name);
                    }
                    case "archiveren" -> initiatives.setArchived(initiative.id(), true);
                    case "terugzetten" -> initiatives.setArchived(initiative.id(), false);
                    default -> throw ProblemException.badRequest("Onbekende actie / unknown action");
                }
                AdminPages.redirect(ex, "/platform/initiatieven/" + initiative.slug() + "?opgeslagen=1");
                return;
            } catch (ProblemException e) {
                if (e.status() != 400) {
                    throw e;
                }
                if (!form.hasErrors()) {
                    form.from(e, ex.locale());
                }
                status = 400;
            }
        }
        Map<String, Object> params = base(ex, msg, "initiatives");
        params.put("initiative", initiative);
        params.put("form", form);
        params.put("saved", "1".equals(ex.request.getParameter("opgeslagen")));
        Html content = Templates.render("operator-initiative.jte", params);
        responses.write(ex, WebResponse.page(initiative.name(), content).status(status), Shell.Context.platform());
    }

    private void bundles(Exchange ex, List<String> rest) throws IOException {
        Messages msg = Shell.messages(ex);
        Form form = Form.empty();
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "GET", "POST");
            if (ex.method().equals("POST")) {
                Multipart.Part file = Multipart.is(ex) ? Multipart.parse(ex).get("bundel") : null;
                if (file == null || !file.isFile() || file.data().length == 0) {
                    form.error("bundel", msg.get("bundles.fileMissing"));
                } else {
                    try {
                        BundleManager.Installed installed = bundles.install(file.data());
                        AdminPages.redirect(ex, "/platform/bundels?" + (installed.created() ? "geinstalleerd=" : "bijgewerkt=")
                                + java.net.URLEncoder.encode(installed.bundle().symbolicName(), java.nio.charset.StandardCharsets.UTF_8));
                        return;
                    } catch (ProblemException e) {
                        if (e.status() >= 500) {
                            throw e;
                        }
                        form.error("bundel", Bilingual.pick(e.detail(), ex.locale()));
                    }
                }
            }
            bundleList(ex, msg, form, form.hasErrors() ? 422 : 200);
            return;
        }
        if (rest.size() == 2 && rest.get(1).equals("verwijderen")) {
            Exchange.requireMethod(ex, "GET", "POST");
            BundleInfo info = bundles.bundle(rest.get(0)).orElseThrow(ProblemException::notFound);
            if (ex.method().equals("POST")) {
                bundles.uninstall(info.symbolicName());
                AdminPages.redirect(ex, "/platform/bundels?verwijderd="
                        + java.net.URLEncoder.encode(info.symbolicName(), java.nio.charset.StandardCharsets.UTF_8));
                return;
            }
            Map<String, Object> params = base(ex, msg, "bundles");
            params.put("bundle", info);
            params.put("moduleName", info.moduleId() == null ? null
                    : modules.info(info.moduleId()).map(m -> m.name().in(ex.locale())).orElse(info.moduleId()));
            Html content = Templates.render("operator-uninstall.jte", params);
            responses.write(ex, WebResponse.page(msg.get("bundles.uninstallTitle", info.symbolicName()), content), Shell.Context.platform());
            return;
        }
        throw ProblemException.notFound();
    }

    private void bundleList(Exchange ex, Messages msg, Form form, int status) throws IOException {
        List<BundleRow> rows = new ArrayList<>();
        for (BundleInfo b : bundles.bundles()) {
            rows.add(new BundleRow(b.symbolicName(), b.version(), msg.has("bundle.state." + b.state()) ? msg.get("bundle.state." + b.state())
                    : b.state(), b.moduleId(), b.removable(), Bilingual.pick(b.problem(), ex.locale()), b.problem() == null));
        }
        Map<String, Object> params = base(ex, msg, "bundles");
        params.put("rows", rows);
        params.put("form", form);
        String done = null;
        for (String key : List.of("geinstalleerd", "bijgewerkt", "verwijderd")) {
            String v = ex.request.getParameter(key);
            if (v != null && v.matches("[A-Za-z0-9._-]{1,200}")) {
                done = msg.get("bundles.done." + key, v);
            }
        }
        params.put("done", done);
        params.put("maxKb", FrontServlet.BODY_LIMIT / 1024);
        Html content = Templates.render("operator-bundles.jte", params);
        responses.write(ex, WebResponse.page(msg.get("bundles.title"), content).status(status), Shell.Context.platform());
    }

    private void health(Exchange ex) throws IOException {
        Messages msg = Shell.messages(ex);
        Optional<PlatformDatabase> db = PageServices.current().database();
        boolean dbUp = db.map(PlatformDatabase::ping).orElse(false);
        List<ModuleRow> rows = new ArrayList<>();
        for (ModuleInfo m : modules.modules()) {
            rows.add(new ModuleRow(m.id(), m.name().in(ex.locale()), m.version(), msg.get("state." + m.state().name()),
                    m.state() == ModuleInfo.State.ACTIVE, Bilingual.pick(m.problem(), ex.locale())));
        }
        Runtime rt = Runtime.getRuntime();
        Duration up = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        Map<String, Object> params = base(ex, msg, "health");
        params.put("dbUp", dbUp);
        params.put("dialect", db.map(d -> d.dialect().name()).orElse("–"));
        params.put("modules", rows);
        params.put("memoryUsed", (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
        params.put("memoryMax", rt.maxMemory() / (1024 * 1024));
        params.put("uptime", msg.get("health.uptimeValue", up.toDays(), up.toHoursPart(), up.toMinutesPart()));
        params.put("java", System.getProperty("java.version"));
        Html content = Templates.render("operator-health.jte", params);
        responses.write(ex, WebResponse.page(msg.get("health.title"), content).status(dbUp ? 200 : 503), Shell.Context.platform());
    }

    private void platformPrivacy(Exchange ex) throws IOException {
        Exchange.requireMethod(ex, "GET");
        Messages msg = Shell.messages(ex);
        Html content = Templates.render("platform-privacy.jte", Map.of("msg", msg));
        responses.write(ex, WebResponse.page(msg.get("privacy.title"), content), Shell.Context.platform());
    }

    private static Map<String, Object> base(Exchange ex, Messages msg, String current) {
        Map<String, Object> params = new HashMap<>();
        params.put("msg", msg);
        params.put("current", current);
        params.put("csrf", ex.session().map(Session::csrfToken).orElse(""));
        return params;
    }
}
