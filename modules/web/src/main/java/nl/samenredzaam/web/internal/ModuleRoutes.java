package nl.samenredzaam.web.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.web.Route;

/**
 * The compiled routes of each module, kept per module id and replaced when the module object
 * changes (an update), dropped when it goes away so no old class loader is held.
 */
final class ModuleRoutes {

    record Compiled(Route route, RoutePattern pattern) {
    }

    /** A lookup result: the route, or the methods allowed on the path (405), or nothing (404). */
    record Match(Route route, Map<String, String> params, Set<String> allowed) {
    }

    private record Entry(Module module, List<Compiled> routes) {
    }

    private final Map<String, Entry> byModule = new ConcurrentHashMap<>();

    Match find(Module module, Route.Kind kind, String method, List<String> segments) {
        Entry entry = byModule.get(module.id());
        if (entry == null || entry.module() != module) {
            entry = new Entry(module, compile(module));
            byModule.put(module.id(), entry);
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (Compiled c : entry.routes()) {
            if (c.route().kind() != kind) {
                continue;
            }
            Map<String, String> params = c.pattern().match(segments);
            if (params != null) {
                if (c.route().method().name().equals(method)) {
                    return new Match(c.route(), params, Set.of());
                }
                allowed.add(c.route().method().name());
            }
        }
        return new Match(null, Map.of(), allowed);
    }

    void forget(String moduleId) {
        byModule.remove(moduleId);
    }

    private static List<Compiled> compile(Module module) {
        List<Compiled> list = new ArrayList<>();
        for (Route r : module.routes()) {
            list.add(new Compiled(r, RoutePattern.of(r.path())));
        }
        return list;
    }
}
