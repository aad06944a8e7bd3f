package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class CrossInitiativePropertiesPostgresTest extends CrossInitiativePropertiesDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.POSTGRESQL;
    }
}
