package nl.samenredzaam.api.data;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Transactions for work outside a web request (jobs, privacy requests, demo data, cooperation
 * services called by other modules). Inside a request, use
 * {@link nl.samenredzaam.api.web.WebRequest#sql()} instead.
 */
@ProviderType
public interface Database {

    /** Work done in one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Sql sql) throws Exception;
    }

    /**
     * Runs {@code work} in a transaction for one initiative: committed when it returns, rolled
     * back when it throws (the exception is passed on, wrapped when checked).
     */
    <T> T transaction(long initiativeId, Work<T> work);
}
