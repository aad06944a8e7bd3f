package nl.samenredzaam.referral.internal;

import java.util.ArrayList;
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
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;

/** A request as the platform hands it to a handler, for handler tests without a server. */
final class FakeRequest implements WebRequest {

    private static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    final List<AuditEvent> audit;
    private final Initiative initiative;
    private final Sql sql;
    private Actor actor;
    private final Set<String> permissions;
    private final Map<String, String> pathParams = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();
    private final Map<String, List<String>> form = new HashMap<>();
    private final Map<String, String> settings = new HashMap<>();
    private String body = "";
    private Locale locale = Locale.forLanguageTag("nl");

    FakeRequest(Sql sql, long userId, String name, Set<String> permissions, List<AuditEvent> audit) {
        this.sql = sql;
        this.initiative = new Initiative(sql.initiativeId(), "lindeholt", "Dorpszorg Lindeholt", false);
        this.permissions = permissions;
        this.audit = audit;
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
                return Set.of();
            }

            @Override
            public boolean has(String permission) {
                return permissions.contains(permission);
            }

            @Override
            public boolean isOperator() {
                return false;
            }

            @Override
            public Optional<Long> onBehalfOf() {
                return Optional.empty();
            }
        };
    }

    /** Nobody signed in. */
    static FakeRequest anonymous(Sql sql, List<AuditEvent> audit) {
        FakeRequest req = new FakeRequest(sql, 0, "", Set.of(), audit);
        req.actor = null;
        return req;
    }

    static FakeRequest referrer(Sql sql, long userId, List<AuditEvent> audit) {
        return new FakeRequest(sql, userId, "Pieter van Dijk", Set.of(ReferralModule.REFER), audit);
    }

    static FakeRequest coach(Sql sql, long userId, List<AuditEvent> audit) {
        return new FakeRequest(sql, userId, "Marieke Smit", Set.of(ReferralModule.COACH), audit);
    }

    static FakeRequest coordinator(Sql sql, long userId, List<AuditEvent> audit) {
        return new FakeRequest(sql, userId, "Ria Jansen", Set.of(ReferralModule.COACH, ReferralModule.ASSIGN, ReferralModule.MONITOR), audit);
    }

    FakeRequest path(String name, Object value) {
        pathParams.put(name, value.toString());
        return this;
    }

    FakeRequest query(String name, String value) {
        query.put(name, value);
        return this;
    }

    FakeRequest form(String name, String... values) {
        form.put(name, List.of(values));
        return this;
    }

    /** Leaves a field out, as an unticked check box is. */
    FakeRequest without(String name) {
        form.remove(name);
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

    FakeRequest english() {
        this.locale = Locale.ENGLISH;
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
            throw new ProblemException(401, "Sign in first");
        }
        return actor;
    }

    @Override
    public boolean isAllowed(String permission) {
        return permissions.contains(permission);
    }

    @Override
    public Locale locale() {
        return locale;
    }

    @Override
    public Messages messages() {
        return Messages.of(ReferralModule.class, locale);
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    @Override
    public long pathId(String name) {
        try {
            return Long.parseLong(pathParams.get(name));
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
        } catch (java.io.IOException e) {
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
        return settings.getOrDefault(key, switch (key) {
            case ReferralModule.SETTING_FIRST_CONTACT_DAYS -> "5";
            case ReferralModule.SETTING_REASONS -> String.join(", ", ReferralService.DEFAULT_REASONS);
            default -> "";
        });
    }

    @Override
    public String link(String pathInInitiative) {
        return "/lindeholt" + pathInInitiative;
    }

    @Override
    public String absoluteUrl(String pathInInitiative) {
        return "https://example.org/lindeholt" + pathInInitiative;
    }

    @Override
    public String csrfToken() {
        return "csrf-token";
    }

    @Override
    public void audit(AuditEvent event) {
        audit.add(event);
    }

    static List<AuditEvent> log() {
        return new ArrayList<>();
    }
}
