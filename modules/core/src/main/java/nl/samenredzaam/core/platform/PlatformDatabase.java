package nl.samenredzaam.core.platform;

import org.osgi.annotation.versioning.ProviderType;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;

/** The platform's view of the database: initiative-scoped work, platform-wide work, and health. */
@ProviderType
public interface PlatformDatabase extends Database {

    /**
     * Runs platform-wide work (initiatives, accounts, module switches) in one transaction. The
     * {@code Sql} it gets does not require {@code :initiative}; it is for platform tables only.
     */
    <T> T global(Work<T> work);

    /**
     * Starts a transaction for one initiative whose connection is taken on first use: the web
     * layer's request transaction.
     */
    Transaction begin(long initiativeId);

    /** Whether the database answers now. */
    boolean ping();

    Sql.Dialect dialect();

    /** A transaction that the caller ends. */
    interface Transaction extends Sql, AutoCloseable {
        void commit();

        /** Rolls back unless committed; releases the connection. */
        @Override
        void close();
    }
}
