package nl.samenredzaam.core.platform;

/**
 * A bundle as the operator sees it.
 *
 * @param symbolicName bundle symbolic name
 * @param version      bundle version
 * @param state        OSGi state (INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING)
 * @param moduleId     the module it provides, or {@code null}
 * @param removable    whether the operator may update or uninstall it (not for the platform's own bundles)
 * @param problem      why it does not run, in plain words, or {@code null}
 * @param starts       how often it was started since the platform started (unrelated bundles stay at 1
 *                     when another bundle is installed or updated)
 */
public record BundleInfo(String symbolicName, String version, String state, String moduleId, boolean removable,
        String problem, int starts) {
}
