package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.core.platform.BundleManager;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.platform.IdentityService;

/**
 * The one front dispatcher: every request comes here, the initiative is resolved from the URL and
 * the request is handed to the platform's own handlers or to a module. Errors of every kind are
 * turned into one answer shape here ({@link Responses#problem}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern("/*")
public final class FrontServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(FrontServlet.class);
    /** Largest JSON or form body. */
    static final long BODY_LIMIT = 1024 * 1024;
    /** Largest bundle upload. */
    static final long BUNDLE_LIMIT = 64L * 1024 * 1024;

    private final transient InitiativeService initiatives;
    private final transient PlatformDatabase db;
    private final transient IdentityService identity;
    private final transient Responses responses;
    private final transient ModuleDispatcher dispatcher;
    private final transient PlatformApi api;
    private final transient ConsentPages consents;
    private final transient LoginPages login;
    private final transient InitiativePages pages;
    private final transient OperatorPages operator;
    private final transient InvitationPages invitations;
    private final transient SettingsApi settings;

    @Activate
    public FrontServlet(@Reference InitiativeService initiatives, @Reference ModuleRegistry modules, @Reference BundleManager bundles,
            @Reference IdentityService identity, @Reference PlatformDatabase db) {
        this.initiatives = initiatives;
        this.db = db;
        this.identity = identity;
        this.responses = new Responses(new Shell(modules));
        this.dispatcher = new ModuleDispatcher(modules, db, identity, responses);
        this.api = new PlatformApi(initiatives, modules, bundles, identity);
        this.login = new LoginPages(identity, responses);
        this.pages = new InitiativePages(initiatives, modules, identity, responses);
        this.operator = new OperatorPages(initiatives, modules, bundles, responses, pages);
        this.consents = new ConsentPages(identity, modules, responses);
        this.invitations = new InvitationPages(identity, responses);
        this.settings = new SettingsApi(identity);
    }

    /** Drops cached routes of a module that went away, so its class loader can be freed. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addModule(org.osgi.framework.ServiceReference<Module> module) {
        // Bound by reference, not by object: getting the object would activate the module's component here,
        // and a module stuck in activation would then hold up this servlet's binding and the shutdown.
        // Routes are compiled on first use; only the id is kept, for forgetting them.
        org.osgi.framework.Bundle bundle = module.getBundle();
        String header = bundle == null ? null : bundle.getHeaders("").get("Samenredzaam-Module");
        if (header != null) {
            moduleIds.put(module, header.split(";")[0].trim());
        }
    }

    void removeModule(org.osgi.framework.ServiceReference<Module> module) {
        String id = moduleIds.remove(module);
        if (id != null) {
            dispatcher.forget(id);
        }
    }

    private final java.util.Map<org.osgi.framework.ServiceReference<Module>, String> moduleIds =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Responses.securityHeaders(resp);
        boolean bundleUpload = req.getRequestURI().startsWith("/api/v1/platform/bundles") || req.getRequestURI().startsWith("/platform/bundels");
        Exchange ex = new Exchange(req, resp, identity, bundleUpload ? BUNDLE_LIMIT : BODY_LIMIT);
        try {
            route(ex);
        } catch (ProblemException e) {
            responses.problem(ex, e, errorContext(ex, true));
        } catch (DataAccessException e) {
            if (e.isConnectionProblem()) {
                LOG.warn("Database unavailable for {} {}", ex.method(), req.getRequestURI());
                resp.setHeader("Retry-After", "5");
                responses.problem(ex, new ProblemException(503, "De database is even niet bereikbaar / the database is unavailable"),
                        errorContext(ex, false));
            } else {
                LOG.error("Database error on {} {}", ex.method(), req.getRequestURI(), e);
                responses.problem(ex, new ProblemException(500, "Er ging iets mis / something went wrong"), errorContext(ex, false));
            }
        } catch (RuntimeException e) {
            LOG.error("Unexpected error on {} {}", ex.method(), req.getRequestURI(), e);
            responses.problem(ex, new ProblemException(500, "Er ging iets mis / something went wrong"), errorContext(ex, true));
        }
    }

    /** Top-level paths that are not initiatives. */
    private static final java.util.Set<String> PLATFORM_PATHS = java.util.Set.of("assets", "login", "logout", "api", "platform",
            "wachtwoord-vergeten", "wachtwoord-herstellen", "account", "health");

    /**
     * Where an error page is shown: inside the initiative's own layout (name, colour, menu) when the
     * address is an initiative's, else the platform's; none for the API (problem+json). When the
     * database is the problem ({@code useDatabase} false) the platform layout is used, which needs none.
     */
    private Shell.Context errorContext(Exchange ex, boolean useDatabase) {
        if (ex.isApi()) {
            return null;
        }
        List<String> s = ex.segments;
        if (!useDatabase || s.isEmpty() || PLATFORM_PATHS.contains(s.get(0))) {
            return Shell.Context.platform();
        }
        try {
            Initiative initiative = initiatives.bySlug(s.get(0)).filter(i -> !i.archived()).orElse(null);
            if (initiative == null) {
                return Shell.Context.platform();
            }
            return new Shell.Context(initiative, ex.account().map(a -> identity.actor(a, initiative)), null);
        } catch (RuntimeException e) {
            return Shell.Context.platform();
        }
    }

    private void route(Exchange ex) throws IOException {
        List<String> s = ex.segments;
        if (s.isEmpty()) {
            pages.landing(ex);
            return;
        }
        switch (s.get(0)) {
            case "assets" -> asset(ex, s);
            case "login" -> login.handle(ex, s.subList(1, s.size()));
            case "wachtwoord-vergeten" -> {
                if (s.size() != 1) {
                    throw ProblemException.notFound();
                }
                login.account().forgot(ex);
            }
            case "wachtwoord-herstellen" -> login.account().reset(ex, s.subList(1, s.size()));
            case "account" -> login.account().account(ex, s.subList(1, s.size()));
            case "logout" -> login.logout(ex);
            case "api" -> api(ex, s);
            case "platform" -> operator.handle(ex, s.subList(1, s.size()));
            default -> initiativePage(ex, s);
        }
    }

    private void api(Exchange ex, List<String> s) throws IOException {
        if (s.size() < 3 || !s.get(1).equals("v1")) {
            throw ProblemException.notFound();
        }
        String first = s.get(2);
        List<String> rest = s.subList(3, s.size());
        if (first.equals("auth") && rest.equals(List.of("token"))) {
            api.token(ex);
            return;
        }
        if (first.equals("platform")) {
            api.platform(ex, rest);
            return;
        }
        Initiative initiative = initiatives.bySlug(first).filter(i -> !i.archived()).orElseThrow(ProblemException::notFound);
        if (rest.isEmpty()) {
            throw ProblemException.notFound();
        }
        if (rest.get(0).equals("theme")) {
            settings.theme(ex, initiative, rest.subList(1, rest.size()));
            return;
        }
        if (rest.get(0).equals("privacy")) {
            settings.privacy(ex, initiative, rest.subList(1, rest.size()));
            return;
        }
        if (rest.get(0).equals("audit")) {
            api.audit(ex, initiative, rest.subList(1, rest.size()));
            return;
        }
        if (rest.get(0).equals("consents")) {
            consents.api(ex, initiative, rest.subList(1, rest.size()));
            return;
        }
        if (rest.get(0).equals("modules")) {
            api.switchboard(ex, initiative, rest.subList(1, rest.size()));
            return;
        }
        dispatcher.dispatch(ex, initiative, rest.get(0), rest.subList(1, rest.size()), Route.Kind.API);
    }

    private void initiativePage(Exchange ex, List<String> s) throws IOException {
        Initiative initiative = initiatives.bySlug(s.get(0)).filter(i -> !i.archived()).orElseThrow(ProblemException::notFound);
        if (s.size() == 1) {
            if (!ex.request.getRequestURI().endsWith("/")) {
                ex.response.setStatus(301);
                ex.response.setHeader("Location", "/" + initiative.slug() + "/");
                return;
            }
            pages.home(ex, initiative);
            return;
        }
        String second = s.get(1);
        if (second.equals("privacy") && s.size() == 2) {
            pages.privacy(ex, initiative);
            return;
        }
        if (second.equals("uitnodiging")) {
            invitations.accept(ex, initiative, s.subList(2, s.size()));
            return;
        }
        if (second.equals("beheer")) {
            pages.admin(ex, initiative, s.subList(2, s.size()).stream().filter(x -> !x.isEmpty()).toList());
            return;
        }
        dispatcher.dispatch(ex, initiative, second, s.subList(2, s.size()), Route.Kind.PAGE);
    }

    private void asset(Exchange ex, List<String> s) throws IOException {
        Exchange.requireMethod(ex, "GET");
        if (s.size() != 2 || !s.get(1).matches("[a-z0-9-]+\\.(css|js|svg|woff2)")) {
            throw ProblemException.notFound();
        }
        String name = s.get(1);
        try (InputStream in = FrontServlet.class.getResourceAsStream("/assets/" + name)) {
            if (in == null) {
                throw ProblemException.notFound();
            }
            byte[] bytes = in.readAllBytes();
            String type = name.endsWith(".css") ? "text/css;charset=UTF-8" : name.endsWith(".js") ? "text/javascript;charset=UTF-8"
                    : name.endsWith(".svg") ? "image/svg+xml" : "font/woff2";
            ex.response.setContentType(type);
            ex.response.setHeader("Cache-Control", "public, max-age=3600");
            ex.response.setContentLength(bytes.length);
            ex.response.getOutputStream().write(bytes);
        }
    }
}
