package nl.samenredzaam.testing.fake;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.samenredzaam.api.module.ModuleSettings;

/**
 * Module settings per initiative, in memory. As on the platform, a setting nobody has set is
 * empty (the caller falls back to the {@link nl.samenredzaam.api.module.Setting#defaultValue()}).
 */
public final class FakeModuleSettings implements ModuleSettings {

    private record Key(long initiativeId, String moduleId, String key) {
    }

    private final Map<Key, String> values = new HashMap<>();

    /** Sets a value for one initiative. */
    public synchronized FakeModuleSettings set(long initiativeId, String moduleId, String key, String value) {
        values.put(new Key(initiativeId, moduleId, key), Objects.requireNonNull(value, "value"));
        return this;
    }

    /** Removes a value, so that the default applies again. */
    public synchronized FakeModuleSettings unset(long initiativeId, String moduleId, String key) {
        values.remove(new Key(initiativeId, moduleId, key));
        return this;
    }

    @Override
    public synchronized Optional<String> value(long initiativeId, String moduleId, String key) {
        return Optional.ofNullable(values.get(new Key(initiativeId, moduleId, key)));
    }
}
