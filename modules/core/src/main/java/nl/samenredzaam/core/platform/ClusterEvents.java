package nl.samenredzaam.core.platform;

import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tells the other nodes of a cluster that shared state changed (module switches, initiatives,
 * permissions, bundles), so they drop their caches within a second. On PostgreSQL this is
 * LISTEN/NOTIFY; with the embedded H2 database there is one node and nothing to tell.
 * Payloads are ids, never personal data.
 */
@ProviderType
public interface ClusterEvents {

    /** Topics used by the platform. */
    String MODULE_SWITCH = "module-switch";
    String INITIATIVE = "initiative";
    String PERMISSIONS = "permissions";
    String BUNDLES = "bundles";
    /** Delivered locally when the connection to the other nodes was lost and is back: reload everything. */
    String RESYNC = "resync";

    /** Sends to the other nodes (not to this one). Call after the change has committed. */
    void publish(String topic, String payload);

    /** Receives what other nodes publish on a topic; close the handle to stop. */
    AutoCloseable subscribe(String topic, Consumer<String> listener);
}
