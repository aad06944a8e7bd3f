package nl.samenredzaam.web.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.Session;

/** The {@link WebRequest} a module's handler gets. */
final class WebRequestImpl implements WebRequest {

    private final Exchange ex;
    private final Initiative initiative;
    private final Module module;
    private final Map<String, String> pathParams;
    private final Optional<Actor> actor;
    private final Sql sql;
    private final IdentityService identity;
    private final ModuleRegistry modules;
    private Messages messages;
    private Map<String, String> settings;

    WebRequestImpl(Exchange ex, Initiative initiative, Module module, Map<String, String> pathParams, Optional<Actor> actor,
            Sql sql, IdentityService identity, ModuleRegistry modules) {
        this.ex = ex;
        this.initiative = initiative;
        this.module = module;
        this.pathParams = pathParams;
        this.actor = actor;
        this.sql = sql;
        this.identity = identity;
        this.modules = modules;
    }

    @Override
    public Initiative initiative() {
        return initiative;
    }

    @Override
    public Optional<Actor> actor() {
        return actor;
    }

    @Override
    public Actor requireActor() {
        return actor.orElseThrow(() -> new ProblemException(401, "Log eerst in / please sign in first"));
    }

    @Override
    public boolean isAllowed(String permission) {
        return Access.allowed(actor, permission);
    }

    @Override
    public Locale locale() {
        return ex.locale();
    }

    @Override
    public Messages messages() {
        if (messages == null) {
            messages = Messages.of(module.getClass(), ex.locale());
        }
        return messages;
    }

    @Override
    public String method() {
        return ex.method();
    }

    @Override
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    @Override
    public long pathId(String name) {
        try {
            long id = Long.parseLong(pathParam(name));
            if (id <= 0) {
                throw ProblemException.notFound();
            }
            return id;
        } catch (NumberFormatException e) {
            throw ProblemException.notFound();
        }
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(ex.queryParameter(name));
    }

    @Override
    public Optional<String> form(String name) {
        return ex.formField(name);
    }

    @Override
    public List<String> formValues(String name) {
        return List.copyOf(ex.form().getOrDefault(name, List.of()));
    }

    @Override
    public <T> T body(Class<T> type) {
        return Json.read(ex.body(), type);
    }

    @Override
    public byte[] bodyBytes() {
        return ex.body().clone();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(ex.request.getHeader(name));
    }

    @Override
    public String remoteAddress() {
        return ex.remoteAddress();
    }

    @Override
    public Sql sql() {
        return sql;
    }

    @Override
    public String setting(String key) {
        if (settings == null) {
            settings = modules.settings(initiative.id(), module.id());
        }
        String value = settings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("module " + module.id() + " declares no setting " + key);
        }
        return value;
    }

    @Override
    public String link(String pathInInitiative) {
        return "/" + initiative.slug() + (pathInInitiative.startsWith("/") ? pathInInitiative : "/" + pathInInitiative);
    }

    @Override
    public String absoluteUrl(String pathInInitiative) {
        return ex.baseUrl() + link(pathInInitiative);
    }

    @Override
    public String csrfToken() {
        return ex.session().map(Session::csrfToken).orElse("");
    }

    @Override
    public void audit(AuditEvent event) {
        identity.audit(initiative, actor.orElse(null), event, ex.remoteAddress());
    }
}
