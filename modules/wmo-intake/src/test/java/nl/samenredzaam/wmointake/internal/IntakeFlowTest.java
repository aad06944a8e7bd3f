package nl.samenredzaam.wmointake.internal;

import static nl.samenredzaam.wmointake.internal.support.FakeDirectory.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeActor;

/** A whole intake through the pages, from melding to closed file, and the form errors on the way. */
class IntakeFlowTest {

    private Harness h;
    private final FakeActor professional = Harness.actor(PROFESSIONAL, Role.PROFESSIONAL);

    @BeforeEach
    void setUp() {
        h = new Harness();
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private WebResponse post(String path, long id, java.util.function.Consumer<nl.samenredzaam.testing.fake.FakeWebRequest.Builder> form)
            throws Exception {
        return h.page(professional, Method.POST, path, r -> {
            r.pathParam("id", id);
            form.accept(r);
        });
    }

    private String file(long id) throws Exception {
        return Harness.html(h.page(professional, Method.GET, "/dossiers/{id}", r -> r.pathParam("id", id)));
    }

    @Test
    void fromMeldingToClosedFile() throws Exception {
        long id = h.melding(professional, RESIDENT, "");
        String page = file(id);
        assertTrue(page.contains("Gerrit de Boer"), "name from the directory");
        // melding Monday 2 November 2026: plan until Monday 9 November, onderzoek until Monday 14 December
        assertTrue(page.contains("9 november 2026"), page);
        assertTrue(page.contains("14 december 2026"));
        assertTrue(page.contains("Nog 18 dagen"), "26 November to 14 December");

        assertEquals(303, post("/dossiers/{id}/gesprek", id, r -> r.form("heldOn", "2026-11-20").form("present", "Gerrit, dochter Anja")
                .form("vraag", "Weer zelf boodschappen doen").form("zelf", "Kookt zelf").form("herwinnen", "Oefenen met de rollator")
                .form("netwerk", "Dochter komt op zaterdag").form("vrijwilligers", "Koffieochtend").form("voorzieningen", "Boodschappendienst")
                .form("maatwerk", "Huishoudelijke hulp, 2 uur per week")).status());
        assertEquals(303, post("/dossiers/{id}/positieve-gezondheid", id, r -> {
            r.form("measuredOn", "2026-11-03");
            for (var d : nl.samenredzaam.instruments.PositiveHealthDimension.values()) {
                r.form(d.key(), "4");
            }
        }).status());
        assertEquals(303, post("/dossiers/{id}/positieve-gezondheid", id, r -> {
            r.form("measuredOn", "2026-11-20").form("wantToTalk", "meedoen");
            for (var d : nl.samenredzaam.instruments.PositiveHealthDimension.values()) {
                r.form(d.key(), "6");
            }
        }).status());
        assertEquals(303, post("/dossiers/{id}/zrm", id, r -> r.form("measuredOn", "2026-11-20").form("financien", "4")
                .form("sociaal-netwerk", "2")).status());
        page = file(id);
        assertTrue(page.contains("Oefenen met de rollator"));
        assertTrue(page.contains("role=\"img\""), "spider web");
        assertTrue(page.contains("vorige keer 4"), "previous measurement in the description");
        assertTrue(page.contains("2 – Niet zelfredzaam"), "ZRM label");

        byte[] pdf = (byte[]) h.page(professional, Method.GET, "/dossiers/{id}/verslag.pdf", r -> r.pathParam("id", id)).body();
        String text = pdfText(pdf);
        assertTrue(text.contains("Verslag van het gesprek over ondersteuning"), text);
        assertTrue(text.contains("Gerrit de Boer"));
        assertTrue(text.contains("Oefenen met de rollator"));
        assertTrue(text.contains("Huishoudelijke hulp, 2 uur per week"));
        assertTrue(text.contains("binnen 2 weken na uw aanvraag"), "terms from the configuration");
        assertTrue(text.contains("cliëntondersteuning"), "accented text survives");
        assertTrue(text.contains("nu 6 · was 4"), "the drawn spider web's labels");
        assertTrue(text.contains("stippellijn de vorige keer"), "the legend of the drawing");

        assertEquals(303, post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "verslag").form("verslagSentOn", "2026-11-21")).status());
        assertEquals(303, post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "reactie").form("agreed", "ja")
                .form("reactionOn", "2026-11-23").form("reaction", "Klopt")).status());
        assertEquals(303, post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "aanvraag").form("aanvraagOn", "2026-11-24")).status());
        page = file(id);
        // aanvraag Tuesday 24 November + 2 weeks = Tuesday 8 December
        assertTrue(page.contains("8 december 2026"), page);
        assertEquals(303, post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "beschikking").form("beschikkingOn", "2026-11-26")
                .form("decision", "DEELS").form("decisionNote", "Hulp bij het huishouden toegekend")).status());
        page = file(id);
        assertTrue(page.contains("Deels toegekend"));
        // bezwaar: Thursday 26 November + 6 weeks = Thursday 7 January 2027
        assertTrue(page.contains("7 januari 2027"), page);
        assertEquals(303, post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "sluiten").form("closedOn", "2026-11-26")
                .form("closeReason", "Ondersteuning geregeld").form("retentionYears", "10")).status());
        page = file(id);
        assertTrue(page.contains("Gesloten"));
        assertTrue(page.contains("bewaren: 10 jaar"));
        assertFalse(page.contains("action=\"/lindeholt/wmo-intake/dossiers/" + id + "/stap/sluiten\""), "no forms on a closed file");

        ProblemException closed = assertThrows(ProblemException.class, () -> post("/dossiers/{id}/afspraak", id, r -> r.form("linkText", "x")));
        assertEquals(409, closed.status());
        ProblemException residentReopens = assertThrows(ProblemException.class, () -> h.page(Harness.actor(RESIDENT, Role.RESIDENT),
                Method.POST, "/dossiers/{id}/heropenen", r -> r.pathParam("id", id)));
        assertEquals(403, residentReopens.status());
        assertEquals(303, post("/dossiers/{id}/heropenen", id, r -> { }).status());
        IntakeFile reopened = h.db.transaction(1, sql -> new FileRepository().find(sql, id)).orElseThrow();
        assertEquals(FileStatus.BESCHIKKING, reopened.status(), "back to the stage its dates show");
        assertEquals(null, reopened.closedOn());
        assertEquals(409, assertThrows(ProblemException.class, () -> post("/dossiers/{id}/heropenen", id, r -> { })).status());
        if (Boolean.getBoolean("wmo.dumpHtml")) {
            Files.writeString(Path.of("target/file-page.html"), page);
            Files.write(Path.of("target/verslag.pdf"), pdf);
        }
    }

    @Test
    void aWrongMeldingShowsDutchErrorsNextToTheFieldsAndKeepsWhatWasTyped() throws Exception {
        WebResponse r = h.page(professional, Method.POST, "/dossiers", req -> req.form("residentName", "Gerrit")
                .form("meldingDate", "2030-01-01").form("reportedBy", "INWONER").form("channel", "TELEFOON")
                .form("requestText", "Mijn eigen woorden blijven staan").form("professionalUserId", "" + VOLUNTEER));
        assertEquals(400, r.status());
        String html = Harness.html(r);
        assertTrue(html.contains("id=\"meldingDate-error\">Deze datum ligt in de toekomst."), html);
        assertTrue(html.contains("id=\"consentProcessing-error\">Zonder toestemming"));
        assertTrue(html.contains("id=\"professionalUserId-error\">Kies een professional uit de lijst."));
        assertTrue(html.contains("Mijn eigen woorden blijven staan"), "nothing lost");
        assertTrue(html.contains("aria-invalid=\"true\""));
    }

    @Test
    void stepsCheckTheirOrderAndDates() throws Exception {
        long id = h.melding(professional, RESIDENT, "");
        WebResponse noConversation = post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "verslag").form("verslagSentOn", "2026-11-20"));
        assertEquals(400, noConversation.status());
        assertTrue(Harness.html(noConversation).contains("Leg eerst het gesprek vast."));
        WebResponse early = post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "aanvraag").form("aanvraagOn", "2026-10-01"));
        assertTrue(Harness.html(early).contains("Deze datum mag niet voor 2026-11-02 liggen."), Harness.html(early));
        WebResponse noAanvraag = post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "beschikking").form("beschikkingOn", "2026-11-20")
                .form("decision", "TOEGEKEND"));
        assertTrue(Harness.html(noAanvraag).contains("Vul eerst de datum van de aanvraag in."));
        WebResponse badRetention = post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "sluiten").form("closedOn", "2026-11-20")
                .form("retentionYears", "99"));
        assertTrue(Harness.html(badRetention).contains("Kies een getal van 1 tot 30."));
        ProblemException unknown = assertThrows(ProblemException.class, () -> post("/dossiers/{id}/stap/{step}", id,
                r -> r.pathParam("step", "onzin")));
        assertEquals(404, unknown.status());
    }

    @Test
    void aWrongMeasurementKeepsTheEnteredScores() throws Exception {
        long id = h.melding(professional, RESIDENT, "");
        WebResponse r = post("/dossiers/{id}/positieve-gezondheid", id, req -> req.form("measuredOn", "2026-11-20")
                .form("lichaamsfuncties", "7").form("zingeving", "12").form("wantToTalk", "zingeving"));
        assertEquals(400, r.status());
        String html = Harness.html(r);
        assertTrue(html.contains("<option value=\"7\" selected>7</option>"), html);
        assertTrue(html.contains("id=\"zingeving-error\""));
        assertTrue(html.contains("id=\"talk-zingeving\" name=\"wantToTalk\" value=\"zingeving\" checked"), "ticked box kept");
    }

    @Test
    void theQueueShowsWhatIsDueFirst() throws Exception {
        long older = h.melding(professional, RESIDENT, "");
        long newer = h.melding(professional, RESIDENT2, "");
        // the older file's onderzoek is done; its next term is the beschikking after an aanvraag far in the past
        post("/dossiers/{id}/gesprek", older, r -> r.form("vraag", "x"));
        post("/dossiers/{id}/stap/{step}", older, r -> r.pathParam("step", "verslag").form("verslagSentOn", "2026-11-10"));
        post("/dossiers/{id}/stap/{step}", older, r -> r.pathParam("step", "aanvraag").form("aanvraagOn", "2026-11-10"));
        String html = Harness.html(h.page(professional, Method.GET, "", r -> { }));
        // older: beschikking due Tuesday 24 November (2 days late) comes before newer's onderzoek on 14 December
        int a = html.indexOf("/dossiers/" + older + "\"");
        int b = html.indexOf("/dossiers/" + newer + "\"");
        assertTrue(a > 0 && b > a, html);
        assertTrue(html.contains("2 dagen te laat"), html);
    }

    @Test
    void aTermStillOpenWhenTheFileClosesHasLapsedNotOverdue() throws Exception {
        long id = h.melding(professional, RESIDENT, "");
        post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "sluiten").form("closedOn", "2026-11-20")
                .form("closeReason", "Opgelost met de buren"));
        String page = file(id);
        assertTrue(page.contains("Vervallen: het dossier is gesloten"), page);
        assertFalse(page.contains("te laat"));
    }

    @Test
    void theResidentReactsToTheVerslagThemselves() throws Exception {
        long id = h.melding(professional, RESIDENT, "");
        FakeActor resident = Harness.actor(RESIDENT, Role.RESIDENT);
        WebResponse early = h.page(resident, Method.POST, "/dossiers/{id}/mijn-reactie", r -> r.pathParam("id", id).form("agreed", "ja"));
        assertEquals(400, early.status());
        assertTrue(Harness.html(early).contains("Vul eerst in wanneer het verslag is verstuurd."));
        post("/dossiers/{id}/gesprek", id, r -> r.form("vraag", "x"));
        post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "verslag").form("verslagSentOn", "2026-11-20"));
        assertTrue(file(id).contains("action=\"/lindeholt/wmo-intake/dossiers/" + id + "/stap/reactie\""), "staff form");
        String mine = Harness.html(h.page(resident, Method.GET, "/dossiers/{id}", r -> r.pathParam("id", id)));
        assertTrue(mine.contains("Uw reactie op het verslag"), mine);
        WebResponse missing = h.page(resident, Method.POST, "/dossiers/{id}/mijn-reactie", r -> r.pathParam("id", id)
                .form("reaction", "Mijn dochter heet Anja, niet Anna."));
        assertEquals(400, missing.status());
        assertTrue(Harness.html(missing).contains("Mijn dochter heet Anja, niet Anna."), "kept after the error");
        assertEquals(303, h.page(resident, Method.POST, "/dossiers/{id}/mijn-reactie", r -> r.pathParam("id", id).form("agreed", "nee")
                .form("reaction", "Mijn dochter heet Anja, niet Anna.")).status());
        IntakeFile f = h.db.transaction(1, sql -> new FileRepository().find(sql, id)).orElseThrow();
        assertEquals(Boolean.FALSE, f.agreed());
        assertEquals(java.time.LocalDate.of(2026, 11, 26), f.reactionOn());
        ProblemException other = assertThrows(ProblemException.class, () -> h.page(Harness.actor(RESIDENT2, Role.RESIDENT), Method.POST,
                "/dossiers/{id}/mijn-reactie", r -> r.pathParam("id", id).form("agreed", "ja")));
        assertEquals(404, other.status());
        ProblemException staff = assertThrows(ProblemException.class, () -> h.page(professional, Method.POST,
                "/dossiers/{id}/mijn-reactie", r -> r.pathParam("id", id).form("agreed", "ja")));
        assertEquals(403, staff.status());
    }

    @Test
    void factsArePostedWithIdsOnly() throws Exception {
        java.util.List<org.osgi.service.event.Event> events = new java.util.ArrayList<>();
        org.osgi.service.event.EventAdmin admin = new org.osgi.service.event.EventAdmin() {
            @Override
            public void postEvent(org.osgi.service.event.Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(org.osgi.service.event.Event event) {
                events.add(event);
            }
        };
        h.module.setEventAdmin(admin);
        long id = h.melding(professional, RESIDENT, "");
        post("/dossiers/{id}/gesprek", id, r -> r.form("vraag", "x"));
        post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "verslag").form("verslagSentOn", "2026-11-20"));
        post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "verslag").form("verslagSentOn", "2026-11-21"));
        post("/dossiers/{id}/stap/{step}", id, r -> r.pathParam("step", "sluiten").form("closedOn", "2026-11-22"));
        assertEquals(java.util.List.of(), events, "nothing is posted inside the transaction that causes it");
        WmoIntakeEventsJob job = new WmoIntakeEventsJob();
        job.setEventAdmin(admin);
        h.db.transaction(Harness.ELDERS.id(), sql -> {
            job.run(sql, Harness.NOW);
            return null;
        });
        assertEquals(java.util.List.of(), events, "another initiative's run posts nothing of Lindeholt");
        h.db.transaction(Harness.LINDEHOLT.id(), sql -> {
            job.run(sql, Harness.NOW);
            return null;
        });
        assertEquals(java.util.List.of(Facts.MELDING_REGISTERED, Facts.VERSLAG_SENT, Facts.FILE_CLOSED),
                events.stream().map(org.osgi.service.event.Event::getTopic).toList(), "a corrected date is no new fact");
        org.osgi.service.event.Event first = events.get(0);
        assertEquals(java.util.Set.of("initiative", "file", "event.topics"), java.util.Set.of(first.getPropertyNames()));
        assertEquals(id, first.getProperty("file"));
        assertEquals(1L, first.getProperty("initiative"));
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
