package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class CapacityPropertiesPostgresTest extends CapacityPropertiesDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.POSTGRESQL;
    }
}
