package nl.samenredzaam.calendar.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.demo.DemoContext;
import nl.samenredzaam.api.demo.DemoDataContributor;
import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.module.Setting;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.db.TestDatabases;
import nl.samenredzaam.web.internal.Json;

/**
 * Support for fuzzing a module's JSON API: an H2 database with the module's tables and the
 * Lindeholt demo data (so that the ids in paths exist), and every API route that takes a body
 * called with the fuzzer's bytes read by the platform's own {@link Json#read}, as the coordinator
 * who may do everything. The only allowed outcomes are an answer or a {@link ProblemException}
 * with a 4xx status; anything else is what the front servlet would answer with a 500. Each call
 * runs in a transaction that is rolled back, so inputs do not change each other's data.
 */
final class ApiFuzz {

    /** The demo accounts, numbered as in the demo data's {@link DemoContext}. */
    static final List<String> USERS = List.of("coordinator", "resident", "resident2", "volunteer", "volunteer2", "professional",
            "referrer", "beheerder");

    private static final RuntimeException ROLLBACK = new RuntimeException("rollback") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    final TestDatabase db;
    final Initiative initiative;
    final Module module;
    /** Values for path parameters other than ids, e.g. {@code step}; a parameter not here gets the id. */
    final Map<String, String> params = new HashMap<>();

    ApiFuzz(Module module, String changelog, DemoDataContributor demo, Clock clock, String... moreChangelogs) {
        this.module = module;
        this.db = TestDatabases.open(Sql.Dialect.H2).migrate(changelog).migrate(moreChangelogs);
        this.initiative = db.createInitiative("lindeholt-fuzz", "Dorpszorg Lindeholt");
        if (demo != null) {
            DemoContext context = new DemoContext() {
                @Override
                public long userId(String username) {
                    return USERS.indexOf(username) + 1L;
                }

                @Override
                public Clock clock() {
                    return clock;
                }
            };
            db.inInitiative(initiative.id(), sql -> {
                demo.populate(sql, context);
                return null;
            });
        }
    }

    /** The API routes that read a body. */
    List<Route> bodyRoutes() {
        return module.routes().stream().filter(r -> r.kind() == Route.Kind.API)
                .filter(r -> r.method() == Route.Method.POST || r.method() == Route.Method.PUT || r.method() == Route.Method.PATCH)
                .toList();
    }

    /** Calls every body route with {@code data}; fails on anything but an answer or a 4xx problem. */
    void callAll(byte[] data, long... ids) {
        for (Route route : bodyRoutes()) {
            for (long id : ids) {
                call(route, data, id);
            }
        }
    }

    void call(Route route, byte[] data, long id) {
        try {
            db.inInitiative(initiative.id(), sql -> {
                FuzzRequest req = new FuzzRequest(sql, route, data, id);
                try {
                    route.handler().handle(req);
                } catch (ProblemException e) {
                    if (e.status() < 400 || e.status() > 499) {
                        throw new AssertionError(route.method() + " " + route.path() + " answered " + e.status() + ": " + e, e);
                    }
                }
                throw ROLLBACK;
            });
        } catch (RuntimeException e) {
            if (e == ROLLBACK || e.getCause() == ROLLBACK) {
                return;
            }
            throw new AssertionError(route.method() + " " + route.path() + " with id " + id + " threw " + e, e);
        }
    }

    /** A request as the platform would hand it to the module, from a coordinator with every permission. */
    final class FuzzRequest implements WebRequest {
        final List<AuditEvent> audits = new ArrayList<>();
        private final Sql sql;
        private final Route route;
        private final byte[] body;
        private final long id;
        private final Map<String, String> settings = new HashMap<>();

        FuzzRequest(Sql sql, Route route, byte[] body, long id) {
            this.sql = sql;
            this.route = route;
            this.body = body;
            this.id = id;
            for (Setting s : module.settings()) {
                settings.put(s.key(), s.defaultValue());
            }
        }

        @Override
        public Initiative initiative() {
            return initiative;
        }

        @Override
        public Optional<Actor> actor() {
            return Optional.of(requireActor());
        }

        @Override
        public Actor requireActor() {
            return new Actor() {
                @Override
                public long userId() {
                    return 1L;
                }

                @Override
                public String displayName() {
                    return "Coördinator";
                }

                @Override
                public Set<Role> roles() {
                    return EnumSet.allOf(Role.class);
                }

                @Override
                public boolean has(String permission) {
                    return true;
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

        @Override
        public boolean isAllowed(String permission) {
            return true;
        }

        @Override
        public Locale locale() {
            return Locale.forLanguageTag("nl");
        }

        @Override
        public Messages messages() {
            return Messages.of(module.getClass(), locale());
        }

        @Override
        public String method() {
            return route.method().name();
        }

        @Override
        public String pathParam(String name) {
            return params.getOrDefault(name, Long.toString(id));
        }

        @Override
        public long pathId(String name) {
            return id;
        }

        @Override
        public Optional<String> query(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<String> form(String name) {
            return Optional.empty();
        }

        @Override
        public List<String> formValues(String name) {
            return List.of();
        }

        @Override
        public <T> T body(Class<T> type) {
            return Json.read(body, type);
        }

        @Override
        public byte[] bodyBytes() {
            return body.clone();
        }

        @Override
        public Optional<String> header(String name) {
            return name.equalsIgnoreCase("Content-Type") ? Optional.of("application/json") : Optional.empty();
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
            return settings.getOrDefault(key, "");
        }

        @Override
        public String link(String pathInInitiative) {
            return "/" + initiative.slug() + pathInInitiative;
        }

        @Override
        public String absoluteUrl(String pathInInitiative) {
            return "http://localhost/" + initiative.slug() + pathInInitiative;
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
}
