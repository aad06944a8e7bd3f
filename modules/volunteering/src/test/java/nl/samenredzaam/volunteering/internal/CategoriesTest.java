package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.volunteering.api.HelpRequestService.Category;

class CategoriesTest {

    @Test
    void anInitiativeChoosesStandardKindsAndAddsItsOwn() {
        List<Category> list = Categories.parse("vervoer, boodschappen,hond-uitlaten=Hond uitlaten, Bad Key!, onbekend");
        assertEquals(List.of("vervoer", "boodschappen", "hond-uitlaten"), list.stream().map(Category::key).toList());
        assertEquals("Hond uitlaten", Categories.label("hond-uitlaten", Locale.ENGLISH, list));
        assertEquals("Transport", Categories.label("vervoer", Locale.ENGLISH, list));
        assertEquals("Tuin", Categories.label("tuin", Locale.forLanguageTag("nl"), list), "a kind no longer offered keeps its name");
        assertEquals("weg", Categories.label("weg", Locale.ROOT, list));
    }

    @Test
    void nothingValidMeansTheStandardList() {
        assertEquals(Categories.ALL, Categories.parse(""));
        assertEquals(Categories.ALL, Categories.parse(null));
        assertEquals(Categories.ALL, Categories.parse(Categories.DEFAULT));
    }

    @Test
    void aRequestForAKindTheInitiativeDoesNotOfferIsRefused() {
        List<Category> list = Categories.parse("vervoer,hond-uitlaten=Hond uitlaten");
        RequestForm f = new RequestForm("tuin", "Heg", "", "", "", "", "", "", "", "", false, "", "", "", "", "");
        assertEquals(java.util.Set.of("category"), f.check(Fixtures.NL, Fixtures.RESIDENT, Fixtures.TODAY, List.of(), null, list)
                .problems().keySet());
        RequestForm dog = new RequestForm("hond-uitlaten", "Twee keer per week", "", "", "", "", "", "", "", "", false, "", "", "", "", "");
        assertEquals("hond-uitlaten", dog.check(Fixtures.NL, Fixtures.RESIDENT, Fixtures.TODAY, List.of(), null, list).request().category());
    }
}
