package nl.samenredzaam.wmointake.internal.coop;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;


/**
 * The platform's module switchboard ({@link nl.samenredzaam.api.module.ModuleSwitches}, in the API):
 * whether calendar or volunteering is on for the initiative. Active only while the platform offers it.
 */
@Component(service = ModuleSwitches.class)
public final class PlatformSwitches implements ModuleSwitches {

    private final nl.samenredzaam.api.module.ModuleSwitches platform;

    @Activate
    public PlatformSwitches(@Reference nl.samenredzaam.api.module.ModuleSwitches platform) {
        this.platform = platform;
    }

    /** True when the module is enabled for the initiative and running (the platform checks both). */
    @Override
    public boolean isEnabled(long initiativeId, String moduleId) {
        return platform.isEnabled(initiativeId, moduleId);
    }
}
