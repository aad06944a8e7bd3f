package nl.samenredzaam.api.module;

import java.util.Objects;

import nl.samenredzaam.api.i18n.Text;

/**
 * A per-initiative setting of a module, edited by the initiative admin on the module switchboard.
 * Values are stored as text; the module parses them.
 *
 * @param key          unique within the module, e.g. {@code first-contact-days}
 * @param label        the question the admin answers
 * @param defaultValue the value while the admin has not set one
 */
public record Setting(String key, Text label, String defaultValue) {
    public Setting {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(defaultValue, "defaultValue");
    }
}
