package nl.samenredzaam.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2TemplateTest {

    @TempDir
    Path dir;

    @Test
    void aNewDataDirectoryGetsACopyOfTheTemplate() throws IOException {
        Path template = Files.writeString(dir.resolve("template.mv.db"), "migrated");
        Path database = dir.resolve("data").resolve("samenredzaam");

        assertTrue(H2Template.installIfNew(database, template.toUri().toString()));
        assertEquals("migrated", Files.readString(dir.resolve("data").resolve("samenredzaam.mv.db")));
        try (var files = Files.list(dir.resolve("data"))) {
            assertEquals(1, files.count(), "no partial copy left behind");
        }
    }

    @Test
    void anExistingDatabaseIsNeverReplaced() throws IOException {
        Path template = Files.writeString(dir.resolve("template.mv.db"), "migrated");
        Path existing = Files.writeString(dir.resolve("samenredzaam.mv.db"), "the initiative's data");

        assertFalse(H2Template.installIfNew(dir.resolve("samenredzaam"), template.toUri().toString()));
        assertEquals("the initiative's data", Files.readString(existing));
    }

    @Test
    void withoutATemplateNothingHappens() throws IOException {
        assertFalse(H2Template.installIfNew(dir.resolve("samenredzaam"), null));
        assertFalse(H2Template.installIfNew(dir.resolve("samenredzaam"), " "), "-Dsamenredzaam.h2.template= switches it off");
        assertFalse(Files.exists(dir.resolve("samenredzaam.mv.db")));
    }

    @Test
    void aTemplateThatCannotBeReadLeavesNoDatabaseBehind() {
        String missing = dir.resolve("no-such-template.mv.db").toUri().toString();
        assertThrows(IOException.class, () -> H2Template.installIfNew(dir.resolve("samenredzaam"), missing));
        assertFalse(Files.exists(dir.resolve("samenredzaam.mv.db")), "Liquibase then migrates an empty database");
    }
}
