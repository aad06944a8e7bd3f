package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class CrossInitiativePropertiesH2Test extends CrossInitiativePropertiesDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.H2;
    }
}
