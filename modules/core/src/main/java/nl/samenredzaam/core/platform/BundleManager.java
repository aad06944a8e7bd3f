package nl.samenredzaam.core.platform;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installing, updating and uninstalling bundles while the platform runs. A bundle is resolved
 * before anything is changed: one that cannot run is refused with the reason, and the platform is
 * left as it was. Installed bundles are kept in the database, so that they come back after a
 * restart and reach every node.
 */
@ProviderType
public interface BundleManager {

    List<BundleInfo> bundles();

    Optional<BundleInfo> bundle(String symbolicName);

    /**
     * Installs or updates (same symbolic name) a bundle from its jar. Problems: 400 for a file
     * that is not a bundle, 409 for a platform bundle, 422 when it cannot resolve or start (the
     * previous version, if any, is restored).
     *
     * @return the installed bundle; {@code created} tells an install from an update
     */
    Installed install(byte[] jar);

    /** Uninstalls a bundle; its module's data is kept. A 404 problem when unknown, 409 for a platform bundle. */
    void uninstall(String symbolicName);

    /**
     * Deletes all data of a module that is no longer installed: its tables, migration history,
     * switches and settings. A 409 problem while a bundle provides the module; 400 when
     * {@code confirmation} is not the module id typed again.
     *
     * @return the tables that were dropped
     */
    List<String> purge(String moduleId, String confirmation);

    /** Threads, bundle revisions and memory of the running platform. */
    RuntimeStats stats();

    /** The result of {@link #install}. */
    record Installed(BundleInfo bundle, boolean created) {
    }
}
