package nl.samenredzaam.web.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.BundleInfo;
import nl.samenredzaam.core.platform.BundleManager;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.ModuleInfo;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.IdentityService;
import nl.samenredzaam.identity.platform.LoginResult;

/**
 * The management API (docs/api.md): tokens, initiatives, bundles and the module switchboard.
 * Platform routes need an operator; an initiative's switchboard its admin or an operator.
 */
final class PlatformApi {

    /** Lifetime of tokens handed out by {@code POST /api/v1/auth/token}. */
    static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    record TokenRequest(String username, String password, String code) {
    }

    record InitiativeRequest(String slug, String name) {
    }

    record InitiativeChange(String name, Boolean archived) {
    }

    record PurgeRequest(String confirm) {
    }

    record SwitchRequest(Boolean enabled) {
    }

    private final InitiativeService initiatives;
    private final ModuleRegistry modules;
    private final BundleManager bundles;
    private final IdentityService identity;

    PlatformApi(InitiativeService initiatives, ModuleRegistry modules, BundleManager bundles, IdentityService identity) {
        this.initiatives = initiatives;
        this.modules = modules;
        this.bundles = bundles;
        this.identity = identity;
    }

    /** {@code POST /api/v1/auth/token}. */
    void token(Exchange ex) throws IOException {
        Exchange.requireMethod(ex, "POST");
        TokenRequest body = Json.read(ex.body(), TokenRequest.class);
        if (body.username() == null || body.password() == null) {
            throw ProblemException.badRequest("username en password zijn verplicht / username and password are required");
        }
        LoginResult result = identity.authenticate(body.username(), body.password(), ex.remoteAddress());
        switch (result.outcome()) {
            case THROTTLED -> {
                ex.response.setHeader("Retry-After", "900");
                throw new ProblemException(429, "Te veel pogingen; probeer het later opnieuw / too many attempts; try again later");
            }
            case BAD_CREDENTIALS -> throw new ProblemException(401, "Gebruikersnaam of wachtwoord klopt niet / wrong user name or password");
            case SECOND_FACTOR_REQUIRED -> {
                Account account = result.account().orElseThrow();
                if (body.code() == null || body.code().isBlank()) {
                    throw new ProblemException(401, "Dit account gebruikt tweestapsverificatie: stuur ook code mee / "
                            + "this account uses two-step verification: send code too", Map.of("code", "Verplicht / required"));
                }
                LoginResult second = identity.verifySecondFactor(account.id(), body.code(), ex.remoteAddress());
                if (second.outcome() == LoginResult.Outcome.THROTTLED) {
                    ex.response.setHeader("Retry-After", "900");
                    throw new ProblemException(429, "Te veel pogingen; probeer het later opnieuw / too many attempts; try again later");
                }
                if (second.outcome() != LoginResult.Outcome.OK) {
                    throw new ProblemException(401, "De code klopt niet / the code is not right", Map.of("code", "De code klopt niet / the code is not right"));
                }
                issue(ex, account);
            }
            case OK -> issue(ex, result.account().orElseThrow());
            default -> throw new ProblemException(401, "Gebruikersnaam of wachtwoord klopt niet / wrong user name or password");
        }
    }

    private void issue(Exchange ex, Account account) throws IOException {
        String token = identity.issueToken(account.id(), "api", TOKEN_LIFETIME);
        Responses.json(ex, 200, Map.of("token", token, "tokenType", "Bearer",
                "expiresAt", Instant.now().plus(TOKEN_LIFETIME).toString()));
    }

    /** {@code /api/v1/platform/...}: operator only. */
    void platform(Exchange ex, List<String> rest) throws IOException {
        Account account = ex.account().orElseThrow(() -> new ProblemException(401, "Log eerst in / please sign in first"));
        if (!ex.method().equals("GET")) {
            Csrf.check(ex);
        }
        if (!account.operator()) {
            throw ProblemException.forbidden();
        }
        if (rest.isEmpty()) {
            throw ProblemException.notFound();
        }
        switch (rest.get(0)) {
            case "initiatives" -> initiatives(ex, rest.subList(1, rest.size()));
            case "bundles" -> bundles(ex, rest.subList(1, rest.size()));
            case "routes" -> {
                if (rest.size() != 1) {
                    throw ProblemException.notFound();
                }
                Exchange.requireMethod(ex, "GET");
                Responses.json(ex, 200, routes());
            }
            case "runtime" -> {
                if (rest.size() != 1) {
                    throw ProblemException.notFound();
                }
                Exchange.requireMethod(ex, "GET");
                Responses.json(ex, 200, bundles.stats());
            }
            case "modules" -> {
                if (rest.size() == 3 && rest.get(2).equals("purge")) {
                    Exchange.requireMethod(ex, "POST");
                    PurgeRequest body = Json.read(ex.body(), PurgeRequest.class);
                    List<String> dropped = bundles.purge(rest.get(1), body.confirm() == null ? "" : body.confirm());
                    Responses.json(ex, 200, Map.of("module", rest.get(1), "droppedTables", dropped));
                    return;
                }
                if (rest.size() != 1) {
                    throw ProblemException.notFound();
                }
                Exchange.requireMethod(ex, "GET");
                Responses.json(ex, 200, modules.modules().stream().map(PlatformApi::moduleJson).toList());
            }
            default -> throw ProblemException.notFound();
        }
    }

    private void initiatives(Exchange ex, List<String> rest) throws IOException {
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "GET", "POST");
            if (ex.method().equals("GET")) {
                boolean all = "true".equals(ex.request.getParameter("archived"));
                Responses.json(ex, 200, initiatives.list(all).stream().map(PlatformApi::initiativeJson).toList());
            } else {
                InitiativeRequest body = Json.read(ex.body(), InitiativeRequest.class);
                if (body.slug() == null || body.name() == null) {
                    throw ProblemException.invalidField(body.slug() == null ? "slug" : "name", "Verplicht / required");
                }
                Initiative created = initiatives.create(body.slug(), body.name());
                ex.response.setHeader("Location", "/api/v1/platform/initiatives/" + created.slug());
                Responses.json(ex, 201, initiativeJson(created));
            }
            return;
        }
        if (rest.size() != 1) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "GET", "PATCH");
        Initiative initiative = initiatives.bySlug(rest.get(0)).orElseThrow(ProblemException::notFound);
        if (ex.method().equals("PATCH")) {
            InitiativeChange change = Json.read(ex.body(), InitiativeChange.class);
            if (change.name() != null) {
                initiative = initiatives.rename(initiative.id(), change.name());
            }
            if (change.archived() != null) {
                initiative = initiatives.setArchived(initiative.id(), change.archived());
            }
        }
        Responses.json(ex, 200, initiativeJson(initiative));
    }

    private void bundles(Exchange ex, List<String> rest) throws IOException {
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "GET", "POST");
            if (ex.method().equals("GET")) {
                Responses.json(ex, 200, bundles.bundles());
            } else {
                BundleManager.Installed installed = bundles.install(ex.body());
                ex.response.setHeader("Location", "/api/v1/platform/bundles/" + installed.bundle().symbolicName());
                Responses.json(ex, installed.created() ? 201 : 200, installed.bundle());
            }
            return;
        }
        if (rest.size() != 1) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "GET", "DELETE");
        String bsn = rest.get(0);
        if (ex.method().equals("GET")) {
            BundleInfo info = bundles.bundle(bsn).orElseThrow(ProblemException::notFound);
            Responses.json(ex, 200, info);
        } else {
            bundles.uninstall(bsn);
            ex.response.setStatus(204);
        }
    }

    /** {@code /api/v1/{slug}/modules[/{id}[/settings]]}. */
    /**
     * {@code GET /api/v1/{slug}/audit}: the audit log as JSON for the initiative's admins with
     * two-step verification (identity answers 403 otherwise). Query: {@code from}, {@code to}
     * (dates, Europe/Amsterdam, inclusive), {@code user}, {@code client} (user ids), {@code type},
     * {@code offset}, {@code limit} (1–500, default 100). The read is itself logged.
     */
    void audit(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        if (!rest.isEmpty()) {
            throw ProblemException.notFound();
        }
        Exchange.requireMethod(ex, "GET");
        Actor actor = ex.account().map(a -> identity.actor(a, initiative))
                .orElseThrow(() -> new ProblemException(401, "Log eerst in / please sign in first"));
        nl.samenredzaam.identity.platform.AuditLogReader reader = PageServices.current().auditLog()
                .orElseThrow(() -> new ProblemException(503, "Het logboek is nu niet beschikbaar / the audit log is not available"));
        Map<String, String> errors = new LinkedHashMap<>();
        Long user = longParam(ex, "user", errors);
        Long client = longParam(ex, "client", errors);
        Long offset = longParam(ex, "offset", errors);
        Long limit = longParam(ex, "limit", errors);
        if (limit != null && (limit < 1 || limit > nl.samenredzaam.identity.platform.AuditQuery.MAX_LIMIT)) {
            errors.put("limit", "Tussen 1 en 500 / between 1 and 500");
        }
        if (offset != null && offset < 0) {
            errors.put("offset", "0 of meer / 0 or more");
        }
        Instant from = dateParam(ex, "from", false, errors);
        Instant to = dateParam(ex, "to", true, errors);
        String type = ex.queryParameter("type");
        if (type != null && (type.isBlank() || type.length() > 100)) {
            errors.put("type", "1–100 tekens / 1–100 characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        int size = limit == null ? 100 : limit.intValue();
        nl.samenredzaam.identity.platform.AuditQuery query = nl.samenredzaam.identity.platform.AuditQuery.all(size)
                .page(offset == null ? 0 : offset.intValue(), size).withUser(user).withClient(client).withRecordType(type);
        if (from != null || to != null) {
            query = query.between(from, to);
        }
        nl.samenredzaam.identity.platform.AuditPage page = reader.read(actor, initiative, query);
        identity.audit(initiative, actor, new nl.samenredzaam.api.audit.AuditEvent(nl.samenredzaam.api.audit.AuditEvent.Action.SEARCH,
                "identity.audit-log", null, null, null, "accountability", true), ex.remoteAddress());
        List<Map<String, Object>> entries = new ArrayList<>();
        for (nl.samenredzaam.identity.platform.AuditEntry e : page.entries()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("at", e.at().toString());
            m.put("userId", e.userId());
            m.put("roles", e.roles().stream().map(Enum::name).sorted().toList());
            m.put("onBehalfOf", e.onBehalfOf());
            m.put("action", e.action().name());
            m.put("recordType", e.recordType());
            m.put("recordId", e.recordId());
            m.put("clientId", e.clientId());
            m.put("clientRef", e.clientRef());
            m.put("purpose", e.purpose());
            m.put("success", e.success());
            m.put("origin", e.origin());
            entries.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", entries);
        body.put("more", page.more());
        Responses.json(ex, 200, body);
    }

    private static Long longParam(Exchange ex, String name, Map<String, String> errors) {
        String v = ex.queryParameter(name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            errors.put(name, "Geen geheel getal / not a whole number");
            return null;
        }
    }

    private static Instant dateParam(Exchange ex, String name, boolean endOfDay, Map<String, String> errors) {
        String v = ex.queryParameter(name);
        if (v == null) {
            return null;
        }
        try {
            java.time.LocalDate d = java.time.LocalDate.parse(v);
            return (endOfDay ? d.plusDays(1) : d).atStartOfDay(Dates.AMSTERDAM).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(name, "Datum als JJJJ-MM-DD / date as YYYY-MM-DD");
            return null;
        }
    }

    void switchboard(Exchange ex, Initiative initiative, List<String> rest) throws IOException {
        Optional<Actor> actor = ex.account().map(a -> identity.actor(a, initiative));
        if (actor.isEmpty()) {
            throw new ProblemException(401, "Log eerst in / please sign in first");
        }
        if (!Access.managesInitiative(actor)) {
            throw ProblemException.forbidden();
        }
        if (!ex.method().equals("GET")) {
            Csrf.check(ex);
        }
        if (rest.isEmpty()) {
            Exchange.requireMethod(ex, "GET");
            List<Map<String, Object>> list = new ArrayList<>();
            for (ModuleInfo m : modules.modules()) {
                Map<String, Object> json = moduleJson(m);
                json.put("enabled", modules.isEnabled(initiative.id(), m.id()));
                list.add(json);
            }
            Responses.json(ex, 200, list);
            return;
        }
        String moduleId = rest.get(0);
        ModuleInfo info = modules.info(moduleId).orElseThrow(ProblemException::notFound);
        if (rest.size() == 1) {
            Exchange.requireMethod(ex, "GET", "PUT");
            if (ex.method().equals("PUT")) {
                SwitchRequest body = Json.read(ex.body(), SwitchRequest.class);
                if (body.enabled() == null) {
                    throw ProblemException.invalidField("enabled", "Verplicht: true of false / required: true or false");
                }
                modules.setEnabled(initiative.id(), moduleId, body.enabled());
            }
            Map<String, Object> json = moduleJson(info);
            json.put("enabled", modules.isEnabled(initiative.id(), moduleId));
            Responses.json(ex, 200, json);
        } else if (rest.size() == 2 && rest.get(1).equals("settings")) {
            Exchange.requireMethod(ex, "GET", "PUT");
            if (ex.method().equals("PUT")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> raw = Json.read(ex.body(), Map.class);
                Map<String, String> values = new LinkedHashMap<>();
                raw.forEach((k, v) -> {
                    if (!(v instanceof String s)) {
                        throw ProblemException.invalidField(k, "Geef tekst / give a text value");
                    }
                    values.put(k, s);
                });
                modules.updateSettings(initiative.id(), moduleId, values);
            }
            Responses.json(ex, 200, modules.settings(initiative.id(), moduleId));
        } else {
            throw ProblemException.notFound();
        }
    }

    /** Every route of every running module with the permission it needs and the roles that have it by default. */
    private List<Map<String, Object>> routes() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (ModuleRegistry.Active active : modules.activeModules()) {
            Map<String, java.util.Set<String>> roles = new java.util.HashMap<>();
            for (nl.samenredzaam.api.module.Permission p : active.module().permissions()) {
                roles.put(p.id(), p.defaultRoles().stream().map(Enum::name).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new)));
            }
            for (nl.samenredzaam.api.web.Route r : active.module().routes()) {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("module", active.module().id());
                json.put("kind", r.kind().name());
                json.put("method", r.method().name());
                json.put("path", r.path());
                json.put("permission", r.permission());
                json.put("defaultRoles", roles.getOrDefault(r.permission(), java.util.Set.of()));
                list.add(json);
            }
        }
        return list;
    }

    static Map<String, Object> initiativeJson(Initiative i) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", i.id());
        json.put("slug", i.slug());
        json.put("name", i.name());
        json.put("archived", i.archived());
        return json;
    }

    static Map<String, Object> moduleJson(ModuleInfo m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id());
        json.put("name", m.name());
        json.put("summary", m.summary());
        json.put("version", m.version());
        json.put("bundle", m.symbolicName());
        json.put("state", m.state().name());
        if (m.problem() != null) {
            json.put("problem", m.problem());
        }
        return json;
    }
}
