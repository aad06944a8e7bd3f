package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.platform.IdentityService;

/**
 * Hands a request to a module: checks the module is enabled for the initiative (404 otherwise),
 * that it runs (503), finds the route (404/405), checks the permission (401/403) and CSRF, runs the
 * handler in the request transaction and limits how many requests one module may hold at once,
 * so a slow or stuck module cannot take the threads of the others.
 */
final class ModuleDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(ModuleDispatcher.class);
    /** Requests one module may serve at the same time; more wait briefly, then get 503. */
    static final int MODULE_CONCURRENCY = 32;

    private final ModuleRegistry modules;
    private final PlatformDatabase db;
    private final IdentityService identity;
    private final Responses responses;
    private final ModuleRoutes routes = new ModuleRoutes();
    private final Map<String, Semaphore> bulkheads = new ConcurrentHashMap<>();

    ModuleDispatcher(ModuleRegistry modules, PlatformDatabase db, IdentityService identity, Responses responses) {
        this.modules = modules;
        this.db = db;
        this.identity = identity;
        this.responses = responses;
    }

    void forget(String moduleId) {
        routes.forget(moduleId);
    }

    /**
     * @param segments the path below the module, e.g. {@code [activities, 42]}
     */
    void dispatch(Exchange ex, Initiative initiative, String moduleId, List<String> segments, Route.Kind kind) throws IOException {
        if (!modules.isEnabled(initiative.id(), moduleId)) {
            throw ProblemException.notFound();
        }
        ModuleRegistry.Active active = modules.active(moduleId).orElse(null);
        if (active == null) {
            if (modules.info(moduleId).isEmpty()) {
                // enabled once, but its bundle is gone (uninstalled): as if it never existed; its data is kept
                throw ProblemException.notFound();
            }
            ex.response.setHeader("Retry-After", "30");
            throw new ProblemException(503, "Dit onderdeel werkt nu niet / this service is not available now");
        }
        Module module = active.module();
        ModuleRoutes.Match match = routes.find(module, kind, ex.method(), segments);
        if (match.route() == null) {
            if (!match.allowed().isEmpty()) {
                ex.response.setHeader("Allow", String.join(", ", match.allowed()));
                throw new ProblemException(405, "Deze methode kan hier niet / method not allowed here");
            }
            throw ProblemException.notFound();
        }
        Route route = match.route();
        Optional<Actor> actor = ex.account().map(a -> identity.actor(a, initiative));
        Shell.Context context = new Shell.Context(initiative, actor, moduleId);
        if (!Access.allowed(actor, route.permission())) {
            if (actor.isEmpty()) {
                if (kind == Route.Kind.PAGE && ex.method().equals("GET")) {
                    ex.response.setStatus(303);
                    ex.response.setHeader("Location", "/login?returnTo=" + java.net.URLEncoder.encode(
                            ex.request.getRequestURI(), java.nio.charset.StandardCharsets.UTF_8));
                    return;
                }
                throw new ProblemException(401, "Log eerst in / please sign in first");
            }
            throw ProblemException.forbidden();
        }
        if (!ex.method().equals("GET")) {
            Csrf.check(ex);
        }
        Semaphore bulkhead = bulkheads.computeIfAbsent(moduleId, id -> new Semaphore(MODULE_CONCURRENCY));
        boolean acquired;
        try {
            acquired = bulkhead.tryAcquire(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            ex.response.setHeader("Retry-After", "5");
            throw new ProblemException(503, "Dit onderdeel is nu te druk / this service is too busy right now");
        }
        try (PlatformDatabase.Transaction tx = db.begin(initiative.id())) {
            WebRequestImpl request = new WebRequestImpl(ex, initiative, module, match.params(), actor, tx, identity, modules);
            WebResponse answer;
            try {
                // Libraries inside modules (jte among them) load classes through the thread's
                // context class loader: make it the module's own.
                Thread thread = Thread.currentThread();
                ClassLoader previous = thread.getContextClassLoader();
                thread.setContextClassLoader(module.getClass().getClassLoader());
                try {
                    answer = route.handler().handle(request);
                } finally {
                    thread.setContextClassLoader(previous);
                }
            } catch (ProblemException | DataAccessException e) {
                throw e;
            } catch (Exception | LinkageError e) {
                // a module bug, or its bundle went away mid-request: answer for this request only
                // Gone: the module instance that served this request is no longer the active one (stopped,
                // updated or uninstalled while it ran); then any failure is the removal's, not a bug: 503.
                boolean gone = e instanceof LinkageError || e instanceof IllegalStateException
                        || modules.active(moduleId).map(a -> a.module() != module).orElse(true);
                if (gone) {
                    LOG.warn("Module '{}' went away during {} {}: {}", moduleId, ex.method(), route.path(), e.toString());
                    ex.response.setHeader("Retry-After", "5");
                    throw new ProblemException(503, "Dit onderdeel werkt nu niet / this service is not available now");
                }
                LOG.error("Module '{}' failed on {} {}", moduleId, ex.method(), route.path(), e);
                throw new ProblemException(500, "Dit onderdeel gaf een fout / this service failed");
            }
            if (answer == null) {
                LOG.error("Module '{}' returned no response on {} {}", moduleId, ex.method(), route.path());
                throw new ProblemException(500, "Dit onderdeel gaf geen antwoord / this service gave no answer");
            }
            tx.commit();
            if (actor.isPresent() && !answer.headers().containsKey("Cache-Control")) {
                // answers for a signed-in person may hold personal data: no shared or disk caches
                ex.response.setHeader("Cache-Control", "no-store");
            }
            responses.write(ex, answer, context);
        } finally {
            bulkhead.release();
        }
    }
}
