package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class CapacityPropertiesH2Test extends CapacityPropertiesDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.H2;
    }
}
