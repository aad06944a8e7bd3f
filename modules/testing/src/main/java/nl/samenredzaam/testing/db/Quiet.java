package nl.samenredzaam.testing.db;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Keeps Liquibase's chatter (info logging, update summaries on standard out) out of test output. */
final class Quiet {

    /** Held so that the level setting is not garbage collected with the logger. */
    private static final Logger LIQUIBASE = Logger.getLogger("liquibase");

    private Quiet() {
    }

    static void liquibase() {
        LIQUIBASE.setLevel(Level.WARNING);
        if (System.getProperty("liquibase.command.showSummaryOutput") == null) {
            System.setProperty("liquibase.command.showSummaryOutput", "LOG");
        }
    }
}
