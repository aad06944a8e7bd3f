package nl.samenredzaam.benchmarks;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.access.ActorImpl;
import nl.samenredzaam.identity.internal.access.PermissionTable;

/**
 * The permission check on the request path: identity's {@link PermissionTable} turns an actor's roles into the
 * module permissions they have in one initiative (cached per initiative, rebuilt when the active modules change),
 * then {@link ActorImpl#has} is a set lookup. Five active modules with four permissions each, as with the feature
 * modules; the database is never reached after the first call (the table is cached), so a fake that answers
 * "no changes to the defaults" stands in for it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PermissionBenchmark {

    @Param({ "1", "1000" })
    int initiatives;

    PermissionTable table;
    Set<Role> coordinator = EnumSet.of(Role.COORDINATOR, Role.RESIDENT);
    long next;

    @Setup
    public void setUp() {
        List<ModuleRegistry.Active> active = new ArrayList<>();
        for (String id : List.of("buurtnieuws", "calendar", "referral", "volunteering", "wmo-intake")) {
            active.add(new ModuleRegistry.Active(module(id), null));
        }
        ModuleRegistry registry = (ModuleRegistry) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ModuleRegistry.class }, (proxy, method, args) -> {
                    if (method.getName().equals("activeModules")) {
                        return active;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        Sql noChanges = (Sql) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Sql.class },
                (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        return List.of();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        PlatformDatabase db = (PlatformDatabase) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { PlatformDatabase.class }, (proxy, method, args) -> {
                    if (method.getName().equals("transaction")) {
                        return ((Database.Work<?>) args[1]).run(noChanges);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        table = new PermissionTable(db, registry, Clock.systemUTC());
        for (long i = 1; i <= initiatives; i++) {
            table.granted(i, coordinator); // fill the cache
        }
    }

    /** What a request does once: the actor's permissions in its initiative, then the route's check. */
    @Benchmark
    public boolean grantedAndHas() {
        long initiative = 1 + (next++ % initiatives);
        ActorImpl actor = new ActorImpl(7, "Ria", coordinator, false, Optional.empty(), initiative,
                table.granted(initiative, coordinator));
        return actor.has("calendar.manage");
    }

    static Module module(String id) {
        List<Permission> permissions = new ArrayList<>();
        for (String p : List.of("read", "manage", "attendance", "export")) {
            permissions.add(Permission.of(id + "." + p, Text.of(p, p), Role.COORDINATOR, Role.ADMIN));
        }
        return new Module() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public Text name() {
                return Text.of(id, id);
            }

            @Override
            public Text summary() {
                return Text.of(id, id);
            }

            @Override
            public List<Permission> permissions() {
                return permissions;
            }
        };
    }
}
