package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class MonthQueryPlanH2Test extends MonthQueryPlanDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.H2;
    }
}
