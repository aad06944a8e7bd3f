package nl.samenredzaam.api.demo;

import org.osgi.annotation.versioning.ConsumerType;

import nl.samenredzaam.api.data.Sql;

/**
 * Adds realistic, fictional data of one module to the demo initiative. Called once, when the
 * platform starts with {@code --demo} and the module's migrations have run.
 */
@ConsumerType
public interface DemoDataContributor {

    String moduleId();

    void populate(Sql sql, DemoContext context) throws Exception;
}
