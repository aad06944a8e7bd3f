package nl.samenredzaam.identity.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.core.platform.ModuleInfo;
import nl.samenredzaam.core.platform.ModuleRegistry;

/** An in-memory module registry: the tests add and remove module descriptions. */
public final class FakeModules implements ModuleRegistry {

    private final List<Module> modules = new CopyOnWriteArrayList<>();

    /** A module with permissions and nothing else. */
    public static Module module(String id, Permission... permissions) {
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
                return Text.of("", "");
            }

            @Override
            public List<Permission> permissions() {
                return List.of(permissions);
            }
        };
    }

    /** The calendar-like module most tests use. */
    public static Module calendar() {
        return module("calendar",
                Permission.of("calendar.view", Text.of("Bekijken", "View"), Role.RESIDENT, Role.VOLUNTEER, Role.COORDINATOR),
                Permission.of("calendar.manage", Text.of("Beheren", "Manage"), Role.COORDINATOR, Role.ADMIN));
    }

    /** A care module whose permission no role has by default except the professional. */
    public static Module intake() {
        return module("wmo-intake",
                Permission.of("wmo-intake.file.read", Text.of("Dossier lezen", "Read files"), Role.PROFESSIONAL));
    }

    public FakeModules add(Module module) {
        modules.add(module);
        return this;
    }

    public void remove(Module module) {
        modules.remove(module);
    }

    @Override
    public List<Active> activeModules() {
        List<Active> list = new ArrayList<>();
        for (Module m : modules) {
            list.add(new Active(m, null));
        }
        return list;
    }

    @Override
    public Optional<Active> active(String moduleId) {
        return activeModules().stream().filter(a -> a.module().id().equals(moduleId)).findFirst();
    }

    @Override
    public List<ModuleInfo> modules() {
        return List.of();
    }

    @Override
    public Optional<ModuleInfo> info(String moduleId) {
        return Optional.empty();
    }

    /** Modules switched off, as "initiativeId/moduleId"; everything else counts as enabled. */
    private final Set<String> off = new java.util.concurrent.CopyOnWriteArraySet<>();

    /** Switches a module off for one initiative (for tests of what only enabled modules get). */
    public FakeModules switchOff(long initiativeId, String moduleId) {
        off.add(initiativeId + "/" + moduleId);
        return this;
    }

    @Override
    public boolean isEnabled(long initiativeId, String moduleId) {
        return !off.contains(initiativeId + "/" + moduleId);
    }

    @Override
    public Set<String> enabledModules(long initiativeId) {
        return Set.of();
    }

    @Override
    public void setEnabled(long initiativeId, String moduleId, boolean enabled) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, String> settings(long initiativeId, String moduleId) {
        return Map.of();
    }

    @Override
    public void updateSettings(long initiativeId, String moduleId, Map<String, String> values) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void invalidate(long initiativeId) {
    }

    @Override
    public void invalidateAll() {
    }
}
