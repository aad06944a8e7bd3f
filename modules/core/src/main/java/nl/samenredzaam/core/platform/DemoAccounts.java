package nl.samenredzaam.core.platform;

import java.util.Map;

import org.osgi.annotation.versioning.ConsumerType;

import nl.samenredzaam.api.initiative.Initiative;

/** Creates the fictional demo accounts of the demo initiative (implemented by identity). */
@ConsumerType
public interface DemoAccounts {

    /** Ensures the demo accounts exist with their roles in the initiative; returns user ids by user name. */
    Map<String, Long> ensure(Initiative initiative);
}
