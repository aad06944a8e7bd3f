package nl.samenredzaam.identity.internal.access;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.core.platform.ModuleRegistry;
import nl.samenredzaam.core.platform.PlatformDatabase;
import nl.samenredzaam.identity.internal.store.RolePermissionRepository;
import nl.samenredzaam.identity.platform.RolePermission;
import nl.samenredzaam.identity.platform.SecurityPolicy;

/**
 * Which roles have which module permission, per initiative: each active module's defaults with
 * the initiative's changes. On the request path, so cached per initiative; an entry is rebuilt
 * when the set of active modules changes, when {@link #invalidate} is called (after a change on
 * this node), and at the latest after {@link SecurityPolicy#PERMISSION_CACHE_TTL} (changes made on
 * another node).
 */
public final class PermissionTable {

    private final PlatformDatabase db;
    private final ModuleRegistry modules;
    private final Clock clock;
    private final RolePermissionRepository overrides = new RolePermissionRepository();
    private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

    /** A cached table: permission → roles that have it. */
    private record Entry(List<Module> modules, Map<String, Set<Role>> table, Instant loadedAt) {
    }

    public PermissionTable(PlatformDatabase db, ModuleRegistry modules, Clock clock) {
        this.db = db;
        this.modules = modules;
        this.clock = clock;
    }

    /** The module permissions that at least one of the roles has in the initiative. */
    public Set<String> granted(long initiativeId, Set<Role> roles) {
        if (roles.isEmpty()) {
            return Set.of();
        }
        Set<String> granted = new HashSet<>();
        table(initiativeId).forEach((permission, withIt) -> {
            if (!Collections.disjoint(withIt, roles)) {
                granted.add(permission);
            }
        });
        return granted;
    }

    /** The initiative's whole table, for the admin page. */
    public List<RolePermission> rows(long initiativeId) {
        Map<String, Set<Role>> table = table(initiativeId);
        List<RolePermission> rows = new ArrayList<>();
        for (ModuleRegistry.Active active : modules.activeModules()) {
            for (Permission p : active.module().permissions()) {
                rows.add(new RolePermission(active.module().id(), p.id(), p.label(), p.defaultRoles(),
                        table.getOrDefault(p.id(), Set.of())));
            }
        }
        rows.sort((a, b) -> a.permission().compareTo(b.permission()));
        return rows;
    }

    /** The permission as an active module declares it, if any. */
    public Optional<Permission> declared(String permissionId) {
        for (ModuleRegistry.Active active : modules.activeModules()) {
            for (Permission p : active.module().permissions()) {
                if (p.id().equals(permissionId)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    public void invalidate(long initiativeId) {
        cache.remove(initiativeId);
    }

    private Map<String, Set<Role>> table(long initiativeId) {
        List<Module> current = activeModules();
        Instant now = clock.instant();
        Entry entry = cache.get(initiativeId);
        if (entry == null || !sameModules(entry.modules(), current)
                || !now.isBefore(entry.loadedAt().plus(SecurityPolicy.PERMISSION_CACHE_TTL))
                || now.isBefore(entry.loadedAt())) {
            entry = new Entry(current, build(initiativeId, current), now);
            cache.put(initiativeId, entry);
        }
        return entry.table();
    }

    private Map<String, Set<Role>> build(long initiativeId, List<Module> active) {
        Map<String, Map<Role, Boolean>> changes = RolePermissionRepository.byPermission(
                db.transaction(initiativeId, overrides::overrides));
        Map<String, Set<Role>> table = new TreeMap<>();
        for (Module module : active) {
            for (Permission p : module.permissions()) {
                Set<Role> roles = p.defaultRoles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(p.defaultRoles());
                changes.getOrDefault(p.id(), Map.of()).forEach((role, granted) -> {
                    if (granted) {
                        roles.add(role);
                    } else {
                        roles.remove(role);
                    }
                });
                table.merge(p.id(), roles, (a, b) -> {
                    a.addAll(b);
                    return a;
                });
            }
        }
        Map<String, Set<Role>> frozen = new HashMap<>();
        table.forEach((p, roles) -> frozen.put(p, Collections.unmodifiableSet(roles)));
        return Map.copyOf(frozen);
    }

    private List<Module> activeModules() {
        List<ModuleRegistry.Active> active = modules.activeModules();
        List<Module> list = new ArrayList<>(active.size());
        for (ModuleRegistry.Active a : active) {
            list.add(a.module());
        }
        return list;
    }

    private static boolean sameModules(List<Module> a, List<Module> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) {
                return false;
            }
        }
        return true;
    }
}
