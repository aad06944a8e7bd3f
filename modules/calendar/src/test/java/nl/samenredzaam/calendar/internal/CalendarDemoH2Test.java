package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class CalendarDemoH2Test extends CalendarDemoDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.H2;
    }
}
