package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import nl.samenredzaam.instruments.PositiveHealthDimension;

/** The monitor's charts are well-formed, named, described in words, and escape labels. */
class ChartsTest {

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void countsChartIsAccessibleAndHidesSuppressedBars() throws Exception {
        String svg = Charts.counts("c1", "Per reden", List.of(new MonitorFigures.Count("Eenzaamheid", 12),
                new MonitorFigures.Count("<script>", null)), "minder dan 5", "verborgen").value();
        Document doc = parse(svg);
        assertEquals("img", doc.getDocumentElement().getAttribute("role"));
        assertEquals("c1-title c1-desc", doc.getDocumentElement().getAttribute("aria-labelledby"));
        assertEquals("Per reden", doc.getElementsByTagName("title").item(0).getTextContent());
        assertEquals("Eenzaamheid: 12. <script>: minder dan 5.", doc.getElementsByTagName("desc").item(0).getTextContent());
        assertEquals(1, doc.getElementsByTagName("rect").getLength(), "no bar for a suppressed count");
        assertFalse(svg.contains("<script>"));
        assertFalse(svg.contains("style="), "no inline CSS (CSP)");
    }

    @Test
    void changeChartShowsSignsInWords() throws Exception {
        Map<PositiveHealthDimension, Double> avg = new java.util.EnumMap<>(PositiveHealthDimension.class);
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            avg.put(d, 0.0);
        }
        avg.put(PositiveHealthDimension.MEEDOEN, 2.5);
        avg.put(PositiveHealthDimension.LICHAAMSFUNCTIES, -0.5);
        Document doc = parse(Charts.change("c2", "Verandering", avg, Locale.forLanguageTag("nl")).value());
        String desc = doc.getElementsByTagName("desc").item(0).getTextContent();
        assertTrue(desc.contains("Meedoen: +2,5."), desc);
        assertTrue(desc.contains("Lichaamsfuncties: -0,5."), desc);
        assertEquals(2, doc.getElementsByTagName("rect").getLength());
    }
}
