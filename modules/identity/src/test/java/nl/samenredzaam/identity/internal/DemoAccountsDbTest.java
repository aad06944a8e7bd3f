package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql.Dialect;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.identity.platform.Account;
import nl.samenredzaam.identity.platform.LoginResult;
import nl.samenredzaam.identity.platform.LoginResult.Outcome;

class DemoAccountsDbTest {

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void theDemoAccountsExistOnceWithTheirRolesAndTheDocumentedPassword(Dialect dialect) throws Exception {
        try (TestDatabase database = TestDatabase.fresh(dialect)) {
            IdentityServiceImpl service = new IdentityServiceImpl(database.db, new FakeModules().add(FakeModules.calendar()),
                    MutableClock.standard(), Fixture.CHEAP);
            long id = database.newInitiative();
            Initiative demo = new Initiative(id, "lindeholt", "Dorpszorg Lindeholt", false);

            Map<String, Long> ids = service.ensure(demo);
            assertEquals(List.of("coordinator", "resident", "resident2", "volunteer", "volunteer2", "professional", "referrer",
                    "beheerder", "beheerder2"), List.copyOf(ids.keySet()));
            assertEquals(ids, service.ensure(demo), "idempotent");

            Map<String, Role> expected = Map.of("coordinator", Role.COORDINATOR, "resident", Role.RESIDENT, "resident2",
                    Role.RESIDENT, "volunteer", Role.VOLUNTEER, "volunteer2", Role.VOLUNTEER, "professional", Role.PROFESSIONAL,
                    "referrer", Role.REFERRER, "beheerder", Role.ADMIN, "beheerder2", Role.ADMIN);
            for (Map.Entry<String, Role> e : expected.entrySet()) {
                LoginResult login = service.authenticate(e.getKey(), "lindeholt-demo", "127.0.0.1");
                // the demo admin has the documented second factor (see README), so the audit log can be shown
                assertEquals(e.getKey().equals("beheerder2") ? Outcome.SECOND_FACTOR_REQUIRED : Outcome.OK, login.outcome(), e.getKey());
                Account account = login.account().orElseThrow();
                assertEquals(ids.get(e.getKey()), account.id());
                assertEquals(Set.of(e.getValue()), service.actor(account, demo).roles(), e.getKey());
            }
            Account ria = service.account(ids.get("coordinator")).orElseThrow();
            assertEquals("Ria Jansen (coördinator)", ria.displayName());
            assertTrue(service.actor(ria, demo).has("calendar.manage"));
            assertEquals(9, service.members(service.actor(service.account(ids.get("beheerder")).orElseThrow(), demo), demo).size());
        }
    }
}
