package nl.samenredzaam.core.platform;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something the platform waits for before {@code /health} reports UP, such as the demo initiative
 * of {@code --demo}. Registered as a service; all of them must be ready.
 */
@ConsumerType
public interface Readiness {

    boolean ready();

    /** What is still being prepared, for the health answer. */
    String name();
}
