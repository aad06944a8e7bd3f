package nl.samenredzaam.api.web;

import org.osgi.annotation.versioning.ConsumerType;

/** Handles one route. Throw a {@link ProblemException} for an error the caller should see. */
@FunctionalInterface
@ConsumerType
public interface Handler {
    WebResponse handle(WebRequest request) throws Exception;
}
