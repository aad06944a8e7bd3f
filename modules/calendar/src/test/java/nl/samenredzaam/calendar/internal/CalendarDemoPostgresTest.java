package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class CalendarDemoPostgresTest extends CalendarDemoDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.POSTGRESQL;
    }
}
