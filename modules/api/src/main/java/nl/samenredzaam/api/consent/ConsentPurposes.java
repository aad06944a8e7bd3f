package nl.samenredzaam.api.consent;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as an OSGi service by a module that asks for consent: the purposes it asks for. The
 * platform lists them on "Mijn toestemmingen" in every initiative where the module is enabled.
 */
@ConsumerType
public interface ConsentPurposes {

    /** The id of the module that asks (its {@code Module.id()}). */
    String moduleId();

    /** The purposes, each with its current text version. */
    List<ConsentPurpose> purposes();
}
