package nl.samenredzaam.testing.fake;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.Handler;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.core.platform.PlatformDatabase;

/**
 * A {@link WebRequest} for a unit test of a handler, built without a platform. Hand it to the
 * handler with {@link #call(Handler)}, which does what the platform does around a handler: it runs
 * it in one transaction of the initiative (committed when the handler returns, rolled back when it
 * throws) and turns a {@link ProblemException} into its problem answer. Assert on the
 * {@link TestResponse}.
 *
 * <pre>{@code
 * TestResponse answer = FakeWebRequest.post("/buurtnieuws")
 *         .initiative(initiative).actor(coordinator).messagesOf(BuurtnieuwsModule.class)
 *         .database(db).form("title", "Snoeiavond").form("body", "Zaterdag om tien uur.")
 *         .build()
 *         .call(pages::create);
 * assertEquals(303, answer.status());
 * }</pre>
 *
 * <p>{@link #dispatch(Route.Kind)} also does what the platform checks before a handler runs: it
 * finds the route in the module's {@link Module#routes()} by method and path, and answers 404, 405,
 * 401, 403 or a redirect to the login page as the platform would, CSRF included. Whether the module
 * is switched on for the initiative, and the page layout, are left to an end-to-end test.
 */
public final class FakeWebRequest implements WebRequest {

    /** The initiative a request has when the test names none: the demo village. */
    public static final Initiative DEFAULT_INITIATIVE = new Initiative(1, "lindeholt", "Dorpszorg Lindeholt", false);
    /** The CSRF token of every fake request. */
    public static final String CSRF_TOKEN = "test-csrf-token";
    /** The base of {@link #absoluteUrl(String)}. */
    public static final String BASE_URL = "https://samenredzaam.test";

    private final Builder b;
    private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private final List<AuditEvent> audited = new ArrayList<>();
    private Sql current;

    private FakeWebRequest(Builder builder) {
        this.b = builder.copy();
        headers.putAll(builder.headers);
    }

    /**
     * How {@link #body(Class)} reads a JSON body: by default {@link TestJson#read(byte[], Class)}. A
     * module's own tests may hand in the platform's reader (the web bundle's {@code Json::read}, when
     * it has that bundle on its test class path) to test against exactly what production runs.
     */
    @FunctionalInterface
    public interface BodyReader {

        /**
         * Reads {@code body} as a {@code type}.
         *
         * @throws ProblemException 400 for a body that is not a valid {@code type}
         */
        <T> T read(byte[] body, Class<T> type);
    }

    /** A GET request for a path (informative only; handlers get their values from the builder). */
    public static Builder get(String path) {
        return new Builder("GET", path);
    }

    /** A POST request. */
    public static Builder post(String path) {
        return new Builder("POST", path);
    }

    /** A PUT request. */
    public static Builder put(String path) {
        return new Builder("PUT", path);
    }

    /** A DELETE request. */
    public static Builder delete(String path) {
        return new Builder("DELETE", path);
    }

    /** A request with any method. */
    public static Builder request(String method, String path) {
        return new Builder(method.toUpperCase(Locale.ROOT), path);
    }

    /**
     * Runs {@code handler} as the platform does: in a transaction of the initiative when the request
     * has a {@link Builder#database database} (committed on return, rolled back on an exception);
     * a {@link ProblemException} becomes its problem answer. Other exceptions are passed on (the
     * platform would answer 500), so that the test shows the cause.
     */
    public TestResponse call(Handler handler) {
        Objects.requireNonNull(handler, "handler");
        if (b.database == null || b.sql != null) {
            return run(handler);
        }
        try (PlatformDatabase.Transaction tx = b.database.begin(b.initiative.id())) {
            current = tx;
            TestResponse answer = run(handler);
            if (!answer.isProblem()) {
                tx.commit();
            }
            return answer;
        } finally {
            current = null;
        }
    }

    /**
     * Does what the platform's dispatcher does for the {@link Builder#module module} before a handler
     * runs, then {@link #call calls} it. The request's path is read as the path <em>below the module</em>
     * ({@code ""} for its start page, {@code "/items/42"}); the route of {@code kind} and the method is
     * found in {@link Module#routes()}, and its {@code {name}} segments become path parameters. The
     * answers are the platform's: 404 for no route, 405 (with {@code Allow}) for another method, for a
     * route the actor may not use 403, or for nobody signed in 401 (API, or a change) or a 303 to the
     * login page (a page); for a change (not GET) by a signed-in person who did not come with an API
     * token ({@link Builder#apiToken()}) the CSRF token must be sent ({@link Builder#csrf()}), else 403.
     * Whether the module is switched on for the initiative is not checked here.
     *
     * @throws IllegalStateException when the builder named no module
     */
    public TestResponse dispatch(Route.Kind kind) {
        Module module = b.module;
        if (module == null) {
            throw new IllegalStateException("dispatch needs module(...) on the FakeWebRequest builder");
        }
        List<String> segments = segments(b.path);
        List<String> allowed = new ArrayList<>();
        Route found = null;
        Map<String, String> params = null;
        for (Route route : module.routes()) {
            if (route.kind() != kind) {
                continue;
            }
            Map<String, String> match = match(segments(route.path()), segments);
            if (match == null) {
                continue;
            }
            if (route.method().name().equals(b.method)) {
                found = route;
                params = match;
                break;
            }
            allowed.add(route.method().name());
        }
        if (found == null) {
            if (!allowed.isEmpty()) {
                return TestResponse.problem(new ProblemException(405, "Deze methode kan hier niet / method not allowed here"),
                        Map.of("Allow", String.join(", ", allowed)));
            }
            return TestResponse.problem(ProblemException.notFound());
        }
        if (!permitted(found.permission())) {
            if (b.actor == null) {
                if (kind == Route.Kind.PAGE && b.method.equals("GET")) {
                    String uri = "/" + b.initiative.slug() + "/" + module.id() + b.path;
                    return TestResponse.of(WebResponse.redirect("/login?returnTo=" + URLEncoder.encode(uri, StandardCharsets.UTF_8)));
                }
                return TestResponse.problem(new ProblemException(401, "Log eerst in / please sign in first"));
            }
            return TestResponse.problem(ProblemException.forbidden());
        }
        if (!b.method.equals("GET") && b.actor != null && !b.apiToken) {
            String sent = header("X-CSRF-Token").orElse(formValues("_csrf").stream().findFirst().orElse(""));
            if (!MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), CSRF_TOKEN.getBytes(StandardCharsets.UTF_8))) {
                return TestResponse.problem(new ProblemException(403,
                        "Het formulier is verlopen of niet van deze site / the form expired or is not from this site"));
            }
        }
        b.pathParams.putAll(params);
        return call(found.handler());
    }

    /** The platform's rule: public for everybody, member for anybody with a role, else the actor's permission. */
    private boolean permitted(String permission) {
        if (Permission.PUBLIC.equals(permission)) {
            return true;
        }
        if (b.actor == null) {
            return false;
        }
        if (Permission.MEMBER.equals(permission)) {
            return !b.actor.roles().isEmpty();
        }
        return b.actor.has(permission);
    }

    private static List<String> segments(String path) {
        List<String> result = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                result.add(part);
            }
        }
        return result;
    }

    private static Map<String, String> match(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), segments.get(i));
            } else if (!p.equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }

    private TestResponse run(Handler handler) {
        try {
            return TestResponse.of(handler.handle(this));
        } catch (ProblemException e) {
            return TestResponse.problem(e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("handler failed: " + e, e);
        }
    }

    /** The path given to the builder. */
    public String path() {
        return b.path;
    }

    /** The events written with {@link #audit(AuditEvent)}, in order. */
    public List<AuditEvent> audited() {
        return List.copyOf(audited);
    }

    @Override
    public Initiative initiative() {
        return b.initiative;
    }

    @Override
    public Optional<Actor> actor() {
        return Optional.ofNullable(b.actor);
    }

    @Override
    public Actor requireActor() {
        if (b.actor == null) {
            throw new ProblemException(401, "Log eerst in / please sign in first");
        }
        return b.actor;
    }

    /** {@link Permission#PUBLIC} for everybody, else whether the actor {@link Actor#has has} it. */
    @Override
    public boolean isAllowed(String permission) {
        return Permission.PUBLIC.equals(permission) || b.actor != null && b.actor.has(permission);
    }

    @Override
    public Locale locale() {
        return b.locale;
    }

    /**
     * The messages of the module named with {@link Builder#messagesOf(Class)}, in {@link #locale()}.
     *
     * @throws IllegalStateException when the builder named no module class
     */
    @Override
    public Messages messages() {
        if (b.messagesAnchor == null) {
            throw new IllegalStateException("call messagesOf(YourModule.class) on the FakeWebRequest builder");
        }
        return Messages.of(b.messagesAnchor, b.locale);
    }

    @Override
    public String method() {
        return b.method;
    }

    /** As on the platform: a parameter the route does not have is a programming error. */
    @Override
    public String pathParam(String name) {
        String value = b.pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("route has no path parameter " + name);
        }
        return value;
    }

    /** As on the platform: anything but a positive number is a 404 problem. */
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
        return Optional.ofNullable(b.query.get(name));
    }

    /** The first value of a form field, trimmed; empty when missing or blank (as on the platform). */
    @Override
    public Optional<String> form(String name) {
        List<String> values = b.form.getOrDefault(name, List.of());
        return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0).strip()).filter(v -> !v.isEmpty());
    }

    @Override
    public List<String> formValues(String name) {
        return List.copyOf(b.form.getOrDefault(name, List.of()));
    }

    /**
     * Read with the platform's strict JSON rules (see {@link TestJson#read(byte[], Class)}), or with
     * the reader given to {@link Builder#bodyReader(BodyReader)}.
     */
    @Override
    public <T> T body(Class<T> type) {
        return b.bodyReader.read(b.body, type);
    }

    @Override
    public byte[] bodyBytes() {
        return b.body.clone();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public String remoteAddress() {
        return b.remoteAddress;
    }

    /**
     * The transaction {@link #call(Handler)} opened, or the {@link Sql} given to the builder.
     *
     * @throws IllegalStateException outside {@code call(...)} when the request has no {@code Sql}
     */
    @Override
    public Sql sql() {
        if (b.sql != null) {
            return b.sql;
        }
        if (current == null) {
            throw new IllegalStateException(b.database == null
                    ? "this FakeWebRequest has no database: use database(...) or sql(...) on its builder"
                    : "sql() is open only while call(handler) runs");
        }
        return current;
    }

    /**
     * A value set with {@link Builder#setting}, else the default of the module given with
     * {@link Builder#module}.
     *
     * @throws IllegalArgumentException for a key neither declares, as on the platform
     */
    @Override
    public String setting(String key) {
        String value = b.settings.get(key);
        if (value != null) {
            return value;
        }
        if (b.module != null) {
            for (Setting s : b.module.settings()) {
                if (s.key().equals(key)) {
                    return s.defaultValue();
                }
            }
            throw new IllegalArgumentException("module " + b.module.id() + " declares no setting " + key);
        }
        throw new IllegalArgumentException("no setting " + key + ": set it with setting(...) or give module(...) on the builder");
    }

    @Override
    public String link(String pathInInitiative) {
        return "/" + b.initiative.slug() + (pathInInitiative.startsWith("/") ? pathInInitiative : "/" + pathInInitiative);
    }

    @Override
    public String absoluteUrl(String pathInInitiative) {
        return BASE_URL + link(pathInInitiative);
    }

    /** {@value #CSRF_TOKEN} when somebody is signed in, else empty (as without a session). */
    @Override
    public String csrfToken() {
        return b.actor == null ? "" : CSRF_TOKEN;
    }

    /** Records the event here ({@link #audited()}) and in the {@link RecordingAudit} given to the builder. */
    @Override
    public void audit(AuditEvent event) {
        Objects.requireNonNull(event, "event");
        audited.add(event);
        if (b.audit != null) {
            b.audit.record(b.initiative.id(), b.actor, event);
        }
    }

    @Override
    public String toString() {
        return "FakeWebRequest[" + b.method + " " + b.path + " in " + b.initiative.slug() + " as "
                + (b.actor == null ? "nobody" : b.actor.displayName()) + "]";
    }

    /** Builds a {@link FakeWebRequest}; every part is optional. A builder can build several requests. */
    public static final class Builder {

        private final String method;
        private final String path;
        private Initiative initiative = DEFAULT_INITIATIVE;
        private Actor actor;
        private Locale locale = Text.DUTCH;
        private Class<?> messagesAnchor;
        private Module module;
        private Map<String, String> pathParams = new LinkedHashMap<>();
        private Map<String, String> query = new LinkedHashMap<>();
        private Map<String, List<String>> form = new LinkedHashMap<>();
        private Map<String, String> headers = new LinkedHashMap<>();
        private Map<String, String> settings = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private BodyReader bodyReader = TestJson::read;
        private String remoteAddress = "192.0.2.10";
        private InMemoryDatabase database;
        private Sql sql;
        private RecordingAudit audit;
        private boolean apiToken;

        private Builder(String method, String path) {
            this.method = Objects.requireNonNull(method, "method");
            this.path = Objects.requireNonNull(path, "path");
        }

        private Builder copy() {
            Builder c = new Builder(method, path);
            c.initiative = initiative;
            c.actor = actor;
            c.locale = locale;
            c.messagesAnchor = messagesAnchor;
            c.module = module;
            c.pathParams = new LinkedHashMap<>(pathParams);
            c.query = new LinkedHashMap<>(query);
            c.form = new LinkedHashMap<>();
            form.forEach((k, v) -> c.form.put(k, List.copyOf(v)));
            c.headers = new LinkedHashMap<>(headers);
            c.settings = new LinkedHashMap<>(settings);
            c.body = body.clone();
            c.bodyReader = bodyReader;
            c.remoteAddress = remoteAddress;
            c.database = database;
            c.sql = sql;
            c.audit = audit;
            c.apiToken = apiToken;
            return c;
        }

        /** The initiative from the URL (default {@link #DEFAULT_INITIATIVE}). */
        public Builder initiative(Initiative value) {
            this.initiative = Objects.requireNonNull(value, "initiative");
            return this;
        }

        /** The signed-in person; {@code null} for nobody (the default). */
        public Builder actor(Actor value) {
            this.actor = value;
            return this;
        }

        /** The language: Dutch by default. */
        public Builder locale(Locale value) {
            this.locale = "en".equals(value.getLanguage()) ? Locale.ENGLISH : Text.DUTCH;
            return this;
        }

        /** Short for {@code locale(Locale.ENGLISH)}. */
        public Builder english() {
            return locale(Locale.ENGLISH);
        }

        /** The module whose {@code i18n/messages_*.properties} {@link WebRequest#messages()} loads: any class of it. */
        public Builder messagesOf(Class<?> anchor) {
            this.messagesAnchor = anchor;
            return this;
        }

        /** The module of the route: its setting defaults and its messages (unless {@link #messagesOf} says otherwise). */
        public Builder module(Module value) {
            this.module = value;
            if (messagesAnchor == null) {
                messagesAnchor = value.getClass();
            }
            return this;
        }

        /** A {@code {name}} segment of the route path. */
        public Builder pathParam(String name, Object value) {
            pathParams.put(name, String.valueOf(value));
            return this;
        }

        /** A query parameter. */
        public Builder query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /** A form field; call again with the same name for a repeated field (check boxes). */
        public Builder form(String name, String value) {
            form.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            if (!headers.containsKey("Content-Type")) {
                headers.put("Content-Type", "application/x-www-form-urlencoded");
            }
            return this;
        }

        /**
         * Leaves a form field out again, as an unticked check box is, e.g. after a helper filled in a
         * whole form; {@code withoutForm(name).form(name, other)} replaces its value.
         */
        public Builder withoutForm(String name) {
            form.remove(name);
            return this;
        }

        /** A JSON body as text, e.g. {@code "{\"title\":\"Snoeiavond\"}"}. */
        public Builder json(String jsonText) {
            this.body = jsonText.getBytes(StandardCharsets.UTF_8);
            headers.put("Content-Type", "application/json");
            return this;
        }

        /** A JSON body written from an object (a record or a map) with the platform's JSON settings. */
        public Builder jsonOf(Object value) {
            this.body = TestJson.write(value);
            headers.put("Content-Type", "application/json");
            return this;
        }

        /** A raw body. */
        public Builder body(String contentType, byte[] bytes) {
            this.body = bytes.clone();
            headers.put("Content-Type", contentType);
            return this;
        }

        /** How {@link FakeWebRequest#body(Class)} reads the body (default {@link TestJson#read(byte[], Class)}). */
        public Builder bodyReader(BodyReader value) {
            this.bodyReader = Objects.requireNonNull(value, "bodyReader");
            return this;
        }

        /** A request header. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** A module setting's value for this initiative. */
        public Builder setting(String key, String value) {
            settings.put(key, value);
            return this;
        }

        /** The client address (default from the documentation range 192.0.2.0/24). */
        public Builder remoteAddress(String value) {
            this.remoteAddress = value;
            return this;
        }

        /** The database whose transaction {@link FakeWebRequest#call(Handler)} opens for the initiative. */
        public Builder database(InMemoryDatabase value) {
            this.database = value;
            return this;
        }

        /** An {@link Sql} to hand out as is, e.g. inside {@code db.transaction(id, sql -> ...)}; wins over {@link #database}. */
        public Builder sql(Sql value) {
            this.sql = value;
            return this;
        }

        /** A log that {@link FakeWebRequest#audit(AuditEvent)} writes to as well. */
        public Builder audit(RecordingAudit value) {
            this.audit = value;
            return this;
        }

        /** Sends the CSRF token ({@value FakeWebRequest#CSRF_TOKEN}) as the header {@code X-CSRF-Token}, as a page's form or script would. */
        public Builder csrf() {
            headers.put("X-CSRF-Token", CSRF_TOKEN);
            return this;
        }

        /** The actor came with an API token (no session, so no CSRF check in {@link FakeWebRequest#dispatch}). */
        public Builder apiToken() {
            this.apiToken = true;
            return this;
        }

        /** Short for {@code build().dispatch(kind)}. */
        public TestResponse dispatch(Route.Kind kind) {
            return build().dispatch(kind);
        }

        /** The request. */
        public FakeWebRequest build() {
            if (sql != null && sql.initiativeId() != initiative.id()) {
                throw new IllegalStateException("the Sql is for initiative " + sql.initiativeId()
                        + " but the request for initiative " + initiative.id());
            }
            return new FakeWebRequest(this);
        }

        /** Short for {@code build().call(handler)}. */
        public TestResponse call(Handler handler) {
            return build().call(handler);
        }
    }
}
