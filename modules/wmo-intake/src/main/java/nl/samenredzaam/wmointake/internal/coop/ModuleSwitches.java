package nl.samenredzaam.wmointake.internal.coop;

/** Whether a module is enabled for an initiative; implemented by {@link PlatformSwitches} on the platform's module registry. */
public interface ModuleSwitches {
    boolean isEnabled(long initiativeId, String moduleId);
}
