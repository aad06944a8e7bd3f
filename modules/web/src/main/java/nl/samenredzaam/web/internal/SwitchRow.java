package nl.samenredzaam.web.internal;

/**
 * One module on the admin's switchboard.
 *
 * @param id          module id
 * @param name        name
 * @param summary     what it does
 * @param state       whether it works, in words
 * @param problem     what is wrong, or {@code null}
 * @param enabled     switched on for the initiative
 * @param failed      whether the module does not work now
 * @param hasSettings whether the admin can change settings for it
 * @param version     its version
 * @param worksWith   names of the other modules it can work with, comma separated, or empty
 */
public record SwitchRow(String id, String name, String summary, String state, String problem, boolean enabled, boolean failed,
        boolean hasSettings, String version, String worksWith) {
}
