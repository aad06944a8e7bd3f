package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.web.Route;

class NoteModuleTest {

    final NoteModule module = new NoteModule();

    @Test
    void thePageIsPublicAndTheApiNeedsTheModulesPermission() {
        Route page = module.routes().stream().filter(r -> r.kind() == Route.Kind.PAGE).findFirst().orElseThrow();
        Route api = module.routes().stream().filter(r -> r.kind() == Route.Kind.API).findFirst().orElseThrow();
        assertEquals(Permission.PUBLIC, page.permission());
        assertEquals(NoteModule.READ, api.permission());
        assertEquals(NoteModule.READ, module.permissions().get(0).id());
        assertTrue(NoteModule.READ.startsWith(module.id() + "."));
    }

    @Test
    void dutchAndEnglishHaveTheSameTexts() throws IOException {
        Properties nl = load("i18n/messages_nl.properties");
        Properties en = load("i18n/messages_en.properties");
        assertEquals(nl.keySet(), en.keySet());
        assertTrue(nl.containsKey("page.title"));
    }

    @Test
    void theMigrationUsesTheModulePrefixAndTheInitiative() throws IOException {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("db/" + NoteModule.ID + "/changelog.sql")) {
            String changelog = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(changelog.contains("create table " + NoteModule.ID + "_note"));
            assertTrue(changelog.contains("initiative_id bigint not null"));
        }
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = NoteModuleTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(in);
        }
        return p;
    }
}
