package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.LoginResult.Outcome;

class FirstOperatorDbTest {

    private static final Pattern PRINTED = Pattern.compile("created with password: (\\S+)");

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aGeneratedPasswordIsPrintedOnceAndNeverLogged(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.fresh(dialect); LogCapture log = new LogCapture()) {
            IdentityServiceImpl service = new IdentityServiceImpl(database.db, new FakeModules(), MutableClock.standard(), Fixture.CHEAP);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            assertTrue(service.ensureFirstOperator(null, new PrintStream(console, true, StandardCharsets.UTF_8)));

            String printed = console.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("Beheerdersaccount 'admin' aangemaakt met wachtwoord"), printed);
            assertTrue(printed.contains("Operator account 'admin' created with password"), printed);
            Matcher m = PRINTED.matcher(printed);
            assertTrue(m.find());
            String password = m.group(1);
            assertEquals(20, password.length());
            assertEquals(3, printed.split(Pattern.quote(password), -1).length, "in the Dutch and the English sentence only");

            LoginResult login = service.authenticate("admin", password, "127.0.0.1");
            assertEquals(Outcome.OK, login.outcome());
            Account admin = login.account().orElseThrow();
            assertTrue(admin.operator());
            assertTrue(service.memberships(admin.id()).isEmpty(), "the operator is no member of any initiative");

            ByteArrayOutputStream again = new ByteArrayOutputStream();
            assertFalse(service.ensureFirstOperator(null, new PrintStream(again, true, StandardCharsets.UTF_8)));
            assertEquals("", again.toString(StandardCharsets.UTF_8), "printed once only");

            assertTrue(log.text().contains("First operator account 'admin' created"), log.text());
            assertFalse(log.text().contains(password), "no password in any log line");
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theConfiguredPasswordIsUsedAndNotPrinted(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.fresh(dialect)) {
            IdentityServiceImpl service = new IdentityServiceImpl(database.db, new FakeModules(), MutableClock.standard(), Fixture.CHEAP);
            ByteArrayOutputStream console = new ByteArrayOutputStream();
            assertTrue(service.ensureFirstOperator("beheer van het hele platform", new PrintStream(console, true, StandardCharsets.UTF_8)));
            assertEquals("", console.toString(StandardCharsets.UTF_8));
            assertEquals(Outcome.OK, service.authenticate("admin", "beheer van het hele platform", "127.0.0.1").outcome());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void aWeakConfiguredPasswordStopsTheStartWithoutLoggingIt(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.fresh(dialect); LogCapture log = new LogCapture()) {
            IdentityServiceImpl service = new IdentityServiceImpl(database.db, new FakeModules(), MutableClock.standard(), Fixture.CHEAP);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> service.ensureFirstOperator("Welkom2026!", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("SAMENREDZAAM_ADMIN_PASSWORD"));
            assertFalse(e.getMessage().contains("Welkom2026!"));
            assertTrue(log.text().contains("SAMENREDZAAM_ADMIN_PASSWORD does not meet the password rules"), log.text());
            assertFalse(log.text().contains("Welkom2026!"));
            assertEquals(Outcome.BAD_CREDENTIALS, service.authenticate("admin", "Welkom2026!", "127.0.0.1").outcome());
        }
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void atActivationTheChecksComeFirstAndTheHashingAfter(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.fresh(dialect)) {
            IdentityServiceImpl service = new IdentityServiceImpl(database.db, new FakeModules(), MutableClock.standard(), Fixture.CHEAP);
            PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
            assertThrows(IllegalStateException.class, () -> service.prepareFirstOperator("Welkom2026!", console),
                    "a weak configured password still stops the activation itself");

            Runnable create = service.prepareFirstOperator("beheer van het hele platform", console);
            assertEquals(Outcome.BAD_CREDENTIALS, service.authenticate("admin", "beheer van het hele platform", "127.0.0.1").outcome(),
                    "nothing is written before the work runs");
            create.run();
            assertEquals(Outcome.OK, service.authenticate("admin", "beheer van het hele platform", "127.0.0.1").outcome());
            assertEquals(null, service.prepareFirstOperator("beheer van het hele platform", console), "nothing left to do");
        }
    }
}
