package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeWebRequest;

/** The monitor through its routes on a real database: page with charts, CSV, JSON, period errors. */
class MonitorPagesTest {

    @Test
    void pageCsvAndJsonShowTheSameAnonymousFigures() throws Exception {
        Harness h = new Harness(Databases.get(Sql.Dialect.H2));
        for (int i = 0; i < 6; i++) {
            long id = Harness.idFrom(h.page(Method.POST, "/verwijzen", Harness.filledIn(h.referrer()).withoutForm("patientName").form("patientName", "Patiënt " + i)));
            h.clock.advance(Duration.ofDays(1));
            h.page(Method.POST, "/dossier/" + id + "/intake", Harness.scores(h.coach().form("questionBehind", "Eenzaam."), "score",
                    5, 4, 5, 5, 5, 5));
            h.page(Method.POST, "/dossier/" + id + "/afsluiten", Harness.scores(h.coach().form("closingOutcome", "Klaar."), "closing",
                    5, 6, 5, 5, 5, 5));
        }
        FakeWebRequest.Builder request = h.coordinator().query("van", "2026-03-01").query("tot", "2026-03-31");
        String page = Harness.html(h.page(Method.GET, "/monitor", request));
        assertTrue(page.contains("role=\"img\""), "charts");
        assertTrue(page.contains("Aantal verwijzingen: 6"));
        assertTrue(page.contains("+2,0"), "mental wellbeing +2 on average");
        assertFalse(page.contains("Patiënt"), "no names");
        assertTrue(page.contains("?van=2026-03-01&amp;tot=2026-03-31"), "CSV link for the same period");

        WebResponse csv = h.page(Method.GET, "/monitor/csv", h.coordinator().query("van", "2026-03-01").query("tot", "2026-03-31"));
        assertTrue(csv.contentType().startsWith("text/csv"));
        String text = new String((byte[]) csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("Aantal verwijzingen;;6\r\n"), text);
        assertTrue(text.contains("Gemiddelde verandering Positieve Gezondheid;Mentaal welbevinden;2.0\r\n"), text);

        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) h.api(Method.GET, "/monitor", h.coordinator().query("from", "2026-03-01")
                .query("to", "2026-03-31")).body();
        assertEquals(6, json.get("total"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) json.get("firstContact");
        assertEquals(6, first.get("contacted"));
        assertEquals(0.0, json.get("startedActivityPercent"), "none of 6 has an activity; a zero count may be shown");

        String empty = Harness.html(h.page(Method.GET, "/monitor", h.coordinator().query("van", "2025-01-01").query("tot", "2025-12-31")));
        assertTrue(empty.contains("Aantal verwijzingen: 0"));
    }

    @Test
    void aWrongPeriodIsAnErrorNextToTheField() throws Exception {
        Harness h = new Harness(Databases.get(Sql.Dialect.H2));
        WebResponse page = h.page(Method.GET, "/monitor", h.coordinator().query("van", "2026-04-01").query("tot", "2026-03-01"));
        assertEquals(400, page.status());
        assertTrue(Harness.html(page).contains("De einddatum ligt voor de begindatum."));
        ProblemException e = assertThrows(ProblemException.class,
                () -> h.api(Method.GET, "/monitor", h.coordinator().query("from", "gisteren")));
        assertTrue(e.fieldErrors().containsKey("from"));
    }
}
