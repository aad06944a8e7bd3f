package nl.samenredzaam.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.i18n.Text;

class InstrumentInputTest {

    private static final LocalDate DAY = LocalDate.of(2026, 2, 27);

    private static Map<String, String> allPh(String value) {
        Map<String, String> raw = new HashMap<>();
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            raw.put(d.key(), value);
        }
        return raw;
    }

    @Test
    void acceptsAFullPositiveHealthMeasurement() {
        Parsed<PositiveHealthScores> p = InstrumentInput.positiveHealth(DAY, allPh(" 10 "), List.of("meedoen"));
        assertTrue(p.isValid());
        assertEquals(10, p.value().score(PositiveHealthDimension.MEEDOEN));
        assertEquals(Set.of(PositiveHealthDimension.MEEDOEN), p.value().wantToTalk());
    }

    @Test
    void namesEveryWrongPositiveHealthField() {
        Map<String, String> raw = allPh("5");
        raw.put("zingeving", "11");
        raw.put("meedoen", "-1");
        raw.put("mentaal-welbevinden", "7.5");
        raw.remove("lichaamsfuncties");
        Parsed<PositiveHealthScores> p = InstrumentInput.positiveHealth(null, raw, List.of("onzin"));
        assertFalse(p.isValid());
        assertEquals(Set.of("measuredOn", "zingeving", "meedoen", "mentaal-welbevinden", "lichaamsfuncties", "wantToTalk"),
                p.problems().keySet());
        assertEquals("Het cijfer voor Zingeving moet een heel getal van 0 tot 10 zijn.", p.problemsIn(Text.DUTCH).get("zingeving"));
        assertTrue(p.problemsIn(java.util.Locale.ENGLISH).get("lichaamsfuncties").startsWith("Choose a score"));
    }

    @Test
    void zeroIsAValidPositiveHealthScore() {
        assertTrue(InstrumentInput.positiveHealth(DAY, allPh("0"), List.of()).isValid());
    }

    @Test
    void zrmAllowsUnscoredDomainsButNotOutOfRange() {
        Map<String, String> raw = new HashMap<>();
        raw.put("financien", "1");
        raw.put("basale-adl", "5");
        raw.put("justitie", "");
        Parsed<ZrmScores> ok = InstrumentInput.zrm(DAY, raw);
        assertTrue(ok.isValid());
        assertEquals(2, ok.value().scores().size());
        assertTrue(ok.value().score(ZrmDomain.JUSTITIE).isEmpty());

        raw.put("huisvesting", "0");
        raw.put("sociaal-netwerk", "6");
        Parsed<ZrmScores> bad = InstrumentInput.zrm(DAY, raw);
        assertEquals(Set.of("huisvesting", "sociaal-netwerk"), bad.problems().keySet());
    }

    @Test
    void zrmNeedsAtLeastOneDomain() {
        Parsed<ZrmScores> p = InstrumentInput.zrm(DAY, Map.of());
        assertEquals(Set.of(InstrumentInput.ZRM_SCORES), p.problems().keySet());
    }

    @Test
    void modelsRefuseImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> new ZrmScores(DAY, Map.of(ZrmDomain.FINANCIEN, 6)));
        assertThrows(IllegalArgumentException.class, () -> new ZrmScores(DAY, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> ZrmDomain.scoreLabel(0));
        assertEquals("Acute problematiek", ZrmDomain.scoreLabel(1).nl());
        assertEquals("Volledig zelfredzaam", ZrmDomain.scoreLabel(5).nl());
        assertEquals(13, ZrmDomain.values().length);
        assertEquals(6, PositiveHealthDimension.values().length);
    }

    @Test
    void keysRoundTrip() {
        for (ZrmDomain d : ZrmDomain.values()) {
            assertEquals(d, ZrmDomain.fromKey(d.key()).orElseThrow());
        }
        for (PositiveHealthDimension d : PositiveHealthDimension.values()) {
            assertEquals(d, PositiveHealthDimension.fromKey(d.key()).orElseThrow());
        }
        assertTrue(ZrmDomain.fromKey("nope").isEmpty());
    }
}
