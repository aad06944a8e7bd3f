package nl.samenredzaam.calendar.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class ProgrammePdfTest {

    @Test
    void theProgrammeIsAnA4PdfWithTheActivitiesReadableAsText() throws Exception {
        List<PageModels.Day> days = List.of(
                new PageModels.Day("dinsdag 1 december 2026", List.of(
                        new PageModels.Item("10.00–11.30 uur", "Wandelen met de wandelgroep", "/x", "Dorpshuis De Linde", "Bewegen",
                                "Nog 3 plaatsen vrij", false, false, null))),
                new PageModels.Day("donderdag 3 december 2026", List.of(
                        new PageModels.Item("10.00–11.30 uur", "Koffie-ochtend", "/y", "Dorpshuis De Linde", "Ontmoeten",
                                "Gaat niet door", true, false, "Onderhoud"))));
        byte[] pdf = ProgrammePdf.write("Activiteiten Dorpszorg Lindeholt", "Week 49", days, "Geen activiteiten",
                "Opgeven of vragen? Kijk op https://lindeholt.example/calendar of bel de coördinator.");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertEquals(1, doc.getNumberOfPages());
            assertEquals(595, Math.round(doc.getPage(0).getMediaBox().getWidth()), "A4 width in points");
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Activiteiten Dorpszorg Lindeholt"), text);
            assertTrue(text.contains("dinsdag 1 december 2026"), text);
            assertTrue(text.contains("Wandelen met de wandelgroep"), text);
            assertTrue(text.contains("Koffie-ochtend (Gaat niet door)"), text);
            assertTrue(text.contains("coördinator"), "Dutch characters survive: " + text);
        }
    }

    @Test
    void anEmptyPeriodSaysSo() throws Exception {
        byte[] pdf = ProgrammePdf.write("Activiteiten", "december 2026", List.of(), "Er zijn in deze periode geen activiteiten.", "");
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(new PDFTextStripper().getText(doc).contains("geen activiteiten"));
        }
    }
}
