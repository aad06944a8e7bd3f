package nl.samenredzaam.wmointake.internal.coop;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.core.platform.ModuleRegistry;

/**
 * The module switchboard of core, until the platform API offers "is module X enabled for this
 * initiative" to modules (asked of the lead). Active only while the registry exists.
 */
@Component(service = ModuleSwitches.class)
public final class PlatformSwitches implements ModuleSwitches {

    private final ModuleRegistry registry;

    @Activate
    public PlatformSwitches(@Reference ModuleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public boolean isEnabled(long initiativeId, String moduleId) {
        return registry.active(moduleId).isPresent() && registry.isEnabled(initiativeId, moduleId);
    }
}
