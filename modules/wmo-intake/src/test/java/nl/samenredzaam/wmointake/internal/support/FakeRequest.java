package nl.samenredzaam.wmointake.internal.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.wmointake.internal.WmoIntakeModule;

/** A request as the platform would hand it to a handler, recording audit events. */
public final class FakeRequest implements WebRequest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public final List<AuditEvent> audits;
    private final Initiative initiative;
    private final Actor actor;
    private final Sql sql;
    private final Map<String, List<String>> form = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, String> path = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>(Map.of(WmoIntakeModule.RETENTION_SETTING, "7"));
    private Locale locale = Text.DUTCH;
    private String body = "{}";

    public FakeRequest(Initiative initiative, Actor actor, Sql sql, List<AuditEvent> audits) {
        this.initiative = initiative;
        this.actor = actor;
        this.sql = sql;
        this.audits = audits;
    }

    public FakeRequest(Initiative initiative, Actor actor, Sql sql) {
        this(initiative, actor, sql, new ArrayList<>());
    }

    public FakeRequest form(String name, String value) {
        form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return this;
    }

    public FakeRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public FakeRequest path(String name, Object value) {
        path.put(name, String.valueOf(value));
        return this;
    }

    public FakeRequest json(String json) {
        body = json;
        return this;
    }

    public FakeRequest english() {
        locale = Locale.ENGLISH;
        return this;
    }

    public FakeRequest setting(String key, String value) {
        settings.put(key, value);
        return this;
    }

    @Override
    public Initiative initiative() {
        return initiative;
    }

    @Override
    public Optional<Actor> actor() {
        return Optional.ofNullable(actor);
    }

    @Override
    public Actor requireActor() {
        if (actor == null) {
            throw new ProblemException(401, "sign in");
        }
        return actor;
    }

    @Override
    public boolean isAllowed(String permission) {
        return actor != null && actor.has(permission);
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public Messages messages() {
        return Messages.of(WmoIntakeModule.class, locale);
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
        return List.copyOf(form.getOrDefault(name, List.of()));
    }

    @Override
    public <T> T body(Class<T> type) {
        try {
            return JSON.readValue(body, type);
        } catch (Exception e) {
            throw ProblemException.badRequest("bad JSON");
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
    public String link(String pathInInitiative) {
        return "/" + initiative.slug() + pathInInitiative;
    }

    @Override
    public String absoluteUrl(String pathInInitiative) {
        return "http://localhost" + link(pathInInitiative);
    }

    @Override
    public String csrfToken() {
        return "csrf-token";
    }

    @Override
    public void audit(AuditEvent event) {
        audits.add(event);
    }
}
