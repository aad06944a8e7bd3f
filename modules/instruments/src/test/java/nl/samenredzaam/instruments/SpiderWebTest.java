package nl.samenredzaam.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import nl.samenredzaam.api.i18n.Text;

class SpiderWebTest {

    static PositiveHealthScores scores(LocalDate on, int first, Set<PositiveHealthDimension> talk) {
        Map<PositiveHealthDimension, Integer> m = new EnumMap<>(PositiveHealthDimension.class);
        int v = first;
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            m.put(d, v);
            v = (v + 1) % 11;
        }
        return new PositiveHealthScores(on, m, talk);
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private final PositiveHealthScores current = scores(LocalDate.of(2026, 3, 12), 7, Set.of(PositiveHealthDimension.ZINGEVING));
    private final PositiveHealthScores previous = scores(LocalDate.of(2026, 1, 5), 3, Set.of());

    @Test
    void svgIsValidXmlWithAnAccessibleName() throws Exception {
        Document doc = parse(SpiderWeb.svg(current, previous, Text.DUTCH, "web1"));
        Element svg = doc.getDocumentElement();
        assertEquals("svg", svg.getLocalName());
        assertEquals("http://www.w3.org/2000/svg", svg.getNamespaceURI());
        assertEquals("img", svg.getAttribute("role"));
        assertEquals("web1-title", svg.getAttribute("aria-labelledby"));
        assertEquals("web1-desc", svg.getAttribute("aria-describedby"));
        Element title = (Element) svg.getElementsByTagNameNS("*", "title").item(0);
        Element desc = (Element) svg.getElementsByTagNameNS("*", "desc").item(0);
        assertEquals("web1-title", title.getAttribute("id"));
        assertEquals("Spinnenweb Positieve Gezondheid", title.getTextContent());
        // title and desc come first, as the SVG accessibility mapping expects
        assertEquals(title, firstElementChild(svg));
        assertTrue(desc.getTextContent().contains("Lichaamsfuncties 7 (vorige keer 3)"), desc.getTextContent());
        assertTrue(desc.getTextContent().contains("Meting van 12 maart 2026"), desc.getTextContent());
        assertTrue(desc.getTextContent().contains("Hier wil ik over praten: Zingeving"), desc.getTextContent());
    }

    @Test
    void drawsCurrentSolidAndPreviousDashed() throws Exception {
        Document doc = parse(SpiderWeb.svg(current, previous, Text.DUTCH));
        NodeList polygons = doc.getElementsByTagNameNS("*", "polygon");
        // five grid rings, previous, current
        assertEquals(7, polygons.getLength());
        Element prev = (Element) polygons.item(5);
        Element cur = (Element) polygons.item(6);
        assertEquals(SpiderWeb.PREVIOUS_COLOUR, prev.getAttribute("stroke"));
        assertFalse(prev.getAttribute("stroke-dasharray").isEmpty());
        assertEquals(SpiderWeb.CURRENT_COLOUR, cur.getAttribute("stroke"));
        assertTrue(cur.getAttribute("stroke-dasharray").isEmpty());
        // score 7 on the first (top) axis: 70% of the radius above the centre
        String firstPoint = cur.getAttribute("points").split(" ")[0];
        assertEquals(String.format(Locale.ROOT, "%.1f,%.1f", SpiderWeb.CX, SpiderWeb.CY - SpiderWeb.RADIUS * 0.7), firstPoint);
        assertEquals(6, doc.getElementsByTagNameNS("*", "circle").getLength() - 1, "six round points plus the legend's");
    }

    @Test
    void withoutPreviousOnlyTheCurrentWebIsDrawn() throws Exception {
        Document doc = parse(SpiderWeb.svg(current, null, Locale.ENGLISH));
        assertEquals(6, doc.getElementsByTagNameNS("*", "polygon").getLength());
        String desc = doc.getElementsByTagNameNS("*", "desc").item(0).getTextContent();
        assertTrue(desc.startsWith("Measurement of 12 March 2026: Bodily functions 7,"), desc);
        assertFalse(desc.contains("previously"));
    }

    @Test
    void usesNoInlineStyleBecauseTheCspForbidsIt() {
        String svg = SpiderWeb.svg(current, previous, Text.DUTCH);
        assertFalse(svg.contains("style"), svg);
        assertFalse(svg.contains("<script"));
    }

    @Test
    void rejectsAnIdThatWouldBreakTheMarkup() {
        assertThrows(IllegalArgumentException.class, () -> SpiderWeb.svg(current, null, Text.DUTCH, "a\" onload=\"x"));
    }

    @Test
    void tableListsEveryDimensionWithDifference() throws Exception {
        String html = SpiderWeb.table(current, previous, Text.DUTCH).value();
        Document doc = parse(html);
        assertEquals(6, doc.getElementsByTagName("tbody").item(0).getChildNodes().getLength());
        assertTrue(html.contains("<th scope=\"row\">Lichaamsfuncties</th><td>7</td><td>3</td><td>+4</td><td>Nee</td>"), html);
        assertTrue(html.contains("<th scope=\"row\">Zingeving</th><td>9</td><td>5</td><td>+4</td><td>Ja</td>"), html);
        assertTrue(html.contains("Vorige keer (5 januari 2026)"));
        String single = SpiderWeb.table(current, null, Text.DUTCH).value();
        assertFalse(single.contains("Verschil"));
    }

    @Test
    void figureCombinesDrawingAndTable() throws Exception {
        String html = SpiderWeb.figure(current, previous, Text.DUTCH, "pg").value();
        Document doc = parse("<div>" + html + "</div>");
        assertEquals(1, doc.getElementsByTagNameNS("*", "svg").getLength());
        assertEquals(1, doc.getElementsByTagName("table").getLength());
        assertTrue(html.contains("<summary>Bekijk de cijfers als tabel</summary>"));
    }

    private static Element firstElementChild(Element e) {
        for (var n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                return child;
            }
        }
        return null;
    }
}
