package nl.samenredzaam.buurtnieuws.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.InMemoryDatabase;
import nl.samenredzaam.testing.fake.ModuleMessages;

/** The module description: routes, permissions, messages and changelog. */
class BuurtnieuwsModuleTest {

    private final BuurtnieuwsModule module = new BuurtnieuwsModule();

    @Test
    void everyChangeNeedsThePostPermissionAndReadingIsPublic() {
        for (Route route : module.routes()) {
            String expected = route.method() == Route.Method.GET && !route.path().equals("/nieuw") ? Permission.PUBLIC : BuurtnieuwsModule.POST;
            assertEquals(expected, route.permission(), route.method() + " " + route.path());
        }
    }

    @Test
    void coordinatorsAndAdminsMayPostResidentsAndVolunteersMayNot() {
        assertTrue(FakeActor.of(1, "Carla", Role.COORDINATOR).withDefaultPermissionsOf(module).has(BuurtnieuwsModule.POST));
        assertTrue(FakeActor.of(2, "Bert", Role.ADMIN).withDefaultPermissionsOf(module).has(BuurtnieuwsModule.POST));
        assertFalse(FakeActor.of(3, "Ria", Role.RESIDENT).withDefaultPermissionsOf(module).has(BuurtnieuwsModule.POST));
        assertFalse(FakeActor.of(4, "Vera", Role.VOLUNTEER).withDefaultPermissionsOf(module).has(BuurtnieuwsModule.POST));
    }

    @Test
    void dutchAndEnglishMessagesAreComplete() {
        ModuleMessages.assertComplete(BuurtnieuwsModule.class);
    }

    @Test
    void theChangelogIsTheOneInTheBundleHeader() {
        assertEquals(java.util.List.of("db/buurtnieuws/changelog.sql"), InMemoryDatabase.changelogsOf(BuurtnieuwsModule.ID));
    }

    @Test
    void pageSizeIsParsedWithinLimits() {
        assertEquals(20, NewsPages.parsePageSize("veel"));
        assertEquals(1, NewsPages.parsePageSize("0"));
        assertEquals(100, NewsPages.parsePageSize("1000"));
        assertEquals(5, NewsPages.parsePageSize(" 5 "));
    }
}
