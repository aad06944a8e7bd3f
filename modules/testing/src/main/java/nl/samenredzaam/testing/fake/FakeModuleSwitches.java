package nl.samenredzaam.testing.fake;

import java.util.HashSet;
import java.util.Set;

import nl.samenredzaam.api.module.ModuleSwitches;

/** Which modules are switched on per initiative, in memory; everything is off until {@link #enable}d. */
public final class FakeModuleSwitches implements ModuleSwitches {

    private record Key(long initiativeId, String moduleId) {
    }

    private final Set<Key> enabled = new HashSet<>();

    /** Switches a module on for an initiative. */
    public synchronized FakeModuleSwitches enable(long initiativeId, String moduleId) {
        enabled.add(new Key(initiativeId, moduleId));
        return this;
    }

    /** Switches a module off for an initiative. */
    public synchronized FakeModuleSwitches disable(long initiativeId, String moduleId) {
        enabled.remove(new Key(initiativeId, moduleId));
        return this;
    }

    @Override
    public synchronized boolean isEnabled(long initiativeId, String moduleId) {
        return enabled.contains(new Key(initiativeId, moduleId));
    }
}
