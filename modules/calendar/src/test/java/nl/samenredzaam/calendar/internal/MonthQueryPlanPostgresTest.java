package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class MonthQueryPlanPostgresTest extends MonthQueryPlanDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.POSTGRESQL;
    }
}
