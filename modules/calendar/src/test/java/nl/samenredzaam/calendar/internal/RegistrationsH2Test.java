package nl.samenredzaam.calendar.internal;

import nl.samenredzaam.api.data.Sql;

class RegistrationsH2Test extends RegistrationsDatabaseTest {
    @Override
    Sql.Dialect dialect() {
        return Sql.Dialect.H2;
    }
}
