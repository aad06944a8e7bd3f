package nl.samenredzaam.core.internal.module;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.module.ModuleSwitches;
import nl.samenredzaam.core.platform.ModuleRegistry;

/** The switchboard as modules see it: enabled for the initiative and running. */
@Component(service = ModuleSwitches.class)
public final class ModuleSwitchesImpl implements ModuleSwitches {

    private final ModuleRegistry registry;

    @Activate
    public ModuleSwitchesImpl(@Reference ModuleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isEnabled(long initiativeId, String moduleId) {
        return registry.isEnabled(initiativeId, moduleId) && registry.active(moduleId).isPresent();
    }
}
