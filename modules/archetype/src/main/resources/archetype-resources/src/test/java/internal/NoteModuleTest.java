package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.InMemoryDatabase;
import nl.samenredzaam.testing.fake.ModuleMessages;

/** The module description: routes and permissions, texts, and the changelog on a real (in-memory) database. */
class NoteModuleTest {

    final NoteModule module = new NoteModule();

    @Test
    void thePageIsPublicAndTheApiNeedsTheModulesPermission() {
        Route page = module.routes().stream().filter(r -> r.kind() == Route.Kind.PAGE).findFirst().orElseThrow();
        Route api = module.routes().stream().filter(r -> r.kind() == Route.Kind.API).findFirst().orElseThrow();
        assertEquals(Permission.PUBLIC, page.permission());
        assertEquals(NoteModule.READ, api.permission());
        assertTrue(NoteModule.READ.startsWith(module.id() + "."));
        // who gets the permission in a new initiative
        assertTrue(FakeActor.of(1, "Carla", Role.COORDINATOR).withDefaultPermissionsOf(module).has(NoteModule.READ));
        assertFalse(FakeActor.of(2, "Ria", Role.RESIDENT).withDefaultPermissionsOf(module).has(NoteModule.READ));
    }

    @Test
    void dutchAndEnglishHaveTheSameTexts() {
        // same keys in both languages, no empty texts, valid {0} patterns
        ModuleMessages.assertComplete(NoteModule.class);
        assertEquals("Notities", ModuleMessages.dutch(NoteModule.class).get("page.title"));
    }

    @Test
    void theMigrationRunsAndItsTableBelongsToAnInitiative() {
        // runs the changelog named in bnd.bnd (Samenredzaam-Migrations) on an in-memory H2 database
        try (InMemoryDatabase db = InMemoryDatabase.forModule(NoteModule.ID)) {
            assertEquals(List.of("db/" + NoteModule.ID + "/changelog.sql"), InMemoryDatabase.changelogsOf(NoteModule.ID));
            long initiative = db.newInitiative().id();
            assertEquals(0, db.transaction(initiative, sql -> new NoteRepository().latest(sql, 10)).size());
        }
    }
}
