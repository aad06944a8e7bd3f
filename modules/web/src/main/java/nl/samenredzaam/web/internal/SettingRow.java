package nl.samenredzaam.web.internal;

/** One setting of a module on its settings form. */
public record SettingRow(String key, String label, String defaultValue) {

    /** The form field id: keys may hold dots, ids of fields should not. */
    public String fieldId() {
        return "s-" + key.replaceAll("[^A-Za-z0-9_-]", "-");
    }
}
