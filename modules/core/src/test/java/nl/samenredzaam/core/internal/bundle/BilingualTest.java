package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BilingualTest {

    @Test
    void wrappingKeepsOneSplitBetweenDutchAndEnglish() {
        String problem = "Start duurde langer dan 3 s / start took longer than 3 s";
        String wrapped = Bilingual.wrap("De bundel x start niet: ", problem, ".", "the bundle x does not start: ", ".");
        assertEquals("De bundel x start niet: Start duurde langer dan 3 s.", Bilingual.dutch(wrapped));
        assertEquals("the bundle x does not start: start took longer than 3 s.", Bilingual.english(wrapped));
    }

    @Test
    void joiningTwoProblemsKeepsEachLanguageTogether() {
        String joined = Bilingual.join("hangt / stuck", "lekt / leaks");
        assertEquals("hangt; lekt", Bilingual.dutch(joined));
        assertEquals("stuck; leaks", Bilingual.english(joined));
        assertEquals("hangt / stuck", Bilingual.join("hangt / stuck", null));
    }

    @Test
    void aTextWithoutTranslationIsUsedForBoth() {
        assertEquals("Bundle symbolic name is not unique", Bilingual.dutch("Bundle symbolic name is not unique"));
        assertEquals("Bundle symbolic name is not unique", Bilingual.english("Bundle symbolic name is not unique"));
    }
}
