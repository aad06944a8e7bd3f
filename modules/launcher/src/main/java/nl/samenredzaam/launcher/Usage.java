package nl.samenredzaam.launcher;

/** The text of {@code --help}, Dutch first, then English. */
final class Usage {

    static final String TEXT = """
            Samenredzaam — platform voor zorg- en welzijnsinitiatieven in de buurt

            Gebruik: java -jar samenredzaam.jar [opties]

              --port N           HTTP-poort (standaard 8080)
              --data-dir MAP     map voor database, modules en logboekinstellingen (standaard ./data)
              --deploy-dir MAP   map waarin je module-jars neerzet om ze te installeren
                                 (standaard <data-dir>/deploy)
              --demo             vul een fictief initiatief met voorbeeldgegevens
              --help, -h         toon deze hulp

            Omgevingsvariabelen: SAMENREDZAAM_DB_URL, SAMENREDZAAM_DB_USER, SAMENREDZAAM_DB_PASSWORD
            (PostgreSQL in plaats van de ingebouwde database), SAMENREDZAAM_ADMIN_PASSWORD.
            Logboek: <data-dir>/logback.xml gaat voor de standaardinstelling (logback-default.xml).

            Usage: java -jar samenredzaam.jar [options]

              --port N           HTTP port (default 8080)
              --data-dir DIR     directory for the database, modules and logging settings (default ./data)
              --deploy-dir DIR   directory to drop module jars into to install them
                                 (default <data-dir>/deploy)
              --demo             fill a fictional initiative with sample data
              --help, -h         show this help

            Environment: SAMENREDZAAM_DB_URL, SAMENREDZAAM_DB_USER, SAMENREDZAAM_DB_PASSWORD
            (PostgreSQL instead of the embedded database), SAMENREDZAAM_ADMIN_PASSWORD.
            Logging: <data-dir>/logback.xml takes precedence over the default (logback-default.xml).
            """;

    private Usage() {
    }
}
