package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class RegistrationsPostgresTest extends RegistrationsDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.POSTGRESQL;
    }
}
