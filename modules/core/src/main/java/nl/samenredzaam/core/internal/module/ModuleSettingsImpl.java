package nl.samenredzaam.core.internal.module;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.module.ModuleSettings;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.ModuleRegistry;

/**
 * Module settings outside a web request (API 1.1). Answers from the registry's settings cache, which a
 * change clears at once on this node and through the cluster's notifications on the others.
 */
@Component(service = ModuleSettings.class)
public final class ModuleSettingsImpl implements ModuleSettings {

    private final ModuleRegistry registry;

    @Activate
    public ModuleSettingsImpl(@Reference ModuleRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Optional<String> value(long initiativeId, String moduleId, String key) {
        if (registry.active(moduleId).isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(registry.settings(initiativeId, moduleId).get(key));
        } catch (ProblemException gone) {
            // the module stopped between the two calls
            return Optional.empty();
        }
    }
}
