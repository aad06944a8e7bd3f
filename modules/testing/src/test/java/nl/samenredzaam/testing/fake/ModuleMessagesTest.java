package nl.samenredzaam.testing.fake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class ModuleMessagesTest {

    @Test
    void loadsBothLanguagesAsThePlatformDoes() {
        assertEquals("Hallo Jan", ModuleMessages.dutch(TinyModule.class).get("greeting", "Jan"));
        assertEquals("Hello Jan", ModuleMessages.english(TinyModule.class).get("greeting", "Jan"));
    }

    @Test
    void reportsKeysMissingInALanguageAndBrokenPatterns() {
        List<String> problems = ModuleMessages.problems(TinyModule.class);
        assertTrue(problems.contains("only in Dutch: only.nl"), problems.toString());
        assertTrue(problems.contains("only in English: only.en"), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("invalid pattern in nl: broken")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("invalid pattern in en: broken")), problems.toString());
        assertEquals(4, problems.size(), problems.toString());
        AssertionError e = assertThrows(AssertionError.class, () -> ModuleMessages.assertComplete(TinyModule.class));
        assertTrue(e.getMessage().contains("only.nl"));
    }

    @Test
    void aClassWithoutMessagesIsReported() {
        // Object comes from the boot class loader, which has no i18n/messages_*.properties
        assertEquals(List.of("missing i18n/messages_nl.properties", "missing i18n/messages_en.properties"),
                ModuleMessages.problems(Object.class));
    }
}
