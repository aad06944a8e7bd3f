package nl.samenredzaam.volunteering.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;

/**
 * A {@link WebRequest} for handler tests: an actor with roles (permissions from the module's
 * defaults), form fields, a JSON body, and the audit entries written.
 */
final class FakeRequest implements WebRequest {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .findAndRegisterModules();

    final List<AuditEvent> audits = new ArrayList<>();
    private final Sql sql;
    private final Actor actor;
    private final Map<String, String> path = new HashMap<>();
    private final Map<String, List<String>> form = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private String body = "{}";
    private Locale locale = Locale.forLanguageTag("nl");
    private Long onBehalfOf;

    FakeRequest(Sql sql, long userId, String name, Role... roles) {
        this.sql = sql;
        Set<Role> set = roles.length == 0 ? Set.of() : EnumSet.of(roles[0], roles);
        VolunteeringModule module = new VolunteeringModule(Notifier.NONE);
        this.actor = new Actor() {
            @Override
            public long userId() {
                return userId;
            }

            @Override
            public String displayName() {
                return name;
            }

            @Override
            public Set<Role> roles() {
                return set;
            }

            @Override
            public boolean has(String permission) {
                return module.permissions().stream().filter(p -> p.id().equals(permission))
                        .anyMatch(p -> p.defaultRoles().stream().anyMatch(set::contains));
            }

            @Override
            public boolean isOperator() {
                return false;
            }

            @Override
            public Optional<Long> onBehalfOf() {
                return Optional.ofNullable(FakeRequest.this.onBehalfOf);
            }
        };
        module.settings().forEach(s -> settings.put(s.key(), s.defaultValue()));
    }

    FakeRequest path(String name, Object value) {
        path.put(name, String.valueOf(value));
        return this;
    }

    FakeRequest form(String name, String... values) {
        form.put(name, List.of(values));
        return this;
    }

    FakeRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    FakeRequest body(String json) {
        this.body = json;
        return this;
    }

    FakeRequest setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    FakeRequest actingFor(long residentUserId) {
        this.onBehalfOf = residentUserId;
        return this;
    }

    FakeRequest english() {
        this.locale = Locale.ENGLISH;
        return this;
    }

    @Override
    public Initiative initiative() {
        return new Initiative(sql.initiativeId(), "lindeholt", "Dorpszorg Lindeholt", false);
    }

    @Override
    public Optional<Actor> actor() {
        return Optional.of(actor);
    }

    @Override
    public Actor requireActor() {
        return actor;
    }

    @Override
    public boolean isAllowed(String permission) {
        return Permission.MEMBER.equals(permission) || Permission.PUBLIC.equals(permission) || actor.has(permission);
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public Messages messages() {
        return Messages.of(VolunteeringModule.class, locale);
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathParam(String name) {
        return path.get(name);
    }

    @Override
    public long pathId(String name) {
        try {
            return Long.parseLong(path.get(name));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound();
        }
    }

    @Override
    public Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public Optional<String> form(String name) {
        List<String> v = form.get(name);
        return v == null || v.isEmpty() || v.get(0).isBlank() ? Optional.empty() : Optional.of(v.get(0).strip());
    }

    @Override
    public List<String> formValues(String name) {
        return form.getOrDefault(name, List.of());
    }

    @Override
    public <T> T body(Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (Exception e) {
            throw ProblemException.badRequest("bad json");
        }
    }

    @Override
    public byte[] bodyBytes() {
        return body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.empty();
    }

    @Override
    public String remoteAddress() {
        return "127.0.0.1";
    }

    @Override
    public Sql sql() {
        return sql;
    }

    @Override
    public String setting(String key) {
        return settings.get(key);
    }

    @Override
    public String link(String p) {
        return "/lindeholt" + p;
    }

    @Override
    public String absoluteUrl(String p) {
        return "http://localhost" + link(p);
    }

    @Override
    public String csrfToken() {
        return "csrf";
    }

    @Override
    public void audit(AuditEvent event) {
        audits.add(event);
    }
}
