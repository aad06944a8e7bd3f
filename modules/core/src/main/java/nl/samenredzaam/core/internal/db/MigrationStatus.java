package nl.samenredzaam.core.internal.db;

import java.util.Optional;

/** Whether a bundle's migrations have run (internal to core). */
public interface MigrationStatus {

    /** Header naming a bundle's Liquibase changelog, e.g. {@code db/calendar/changelog.sql}. */
    String HEADER = "Samenredzaam-Migrations";

    /** The outcome for a bundle; empty while it has not been migrated (or has no migrations). */
    Optional<Outcome> outcome(long bundleId);

    /** True when the bundle has no migrations or they ran successfully. */
    boolean ready(org.osgi.framework.Bundle bundle);

    /** Called after every migration, successful or not. */
    void onChange(Runnable listener);

    /** A migration result; {@code problem} is {@code null} on success. */
    record Outcome(boolean success, String problem) {
    }
}
