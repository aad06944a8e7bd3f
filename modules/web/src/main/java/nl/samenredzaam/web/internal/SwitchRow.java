package nl.samenredzaam.web.internal;

/** One module on the admin's switchboard. */
public record SwitchRow(String id, String name, String summary, String state, String problem, boolean enabled) {
}
