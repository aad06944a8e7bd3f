package nl.samenredzaam.wmointake.internal;

import static nl.samenredzaam.wmointake.internal.support.FakeDirectory.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeDemoContext;

/** The Lindeholt demo: two files at different stages, one with a before/after spider web. */
class WmoIntakeDemoTest {

    private static final Map<String, Long> ACCOUNTS = Map.of("professional", PROFESSIONAL, "coordinator", COORDINATOR,
            "resident", RESIDENT, "resident2", RESIDENT2, "volunteer", VOLUNTEER);

    @Test
    void populatesTwoFilesAtDifferentStages() throws Exception {
        try (Harness h = new Harness()) {
            h.db.transaction(1, sql -> {
                new WmoIntakeDemo().populate(sql, new FakeDemoContext(h.clock, ACCOUNTS));
                return null;
            });
            FakeActor professional = Harness.actor(PROFESSIONAL, Role.PROFESSIONAL);
            String queue = Harness.html(h.page(professional, Method.GET, "", r -> { }));
            assertTrue(queue.contains("Gerrit de Boer") && queue.contains("Truus Bakker-Visser"), queue);
            assertTrue(queue.contains("Aanvraag gedaan") && queue.contains("Melding"));

            List<IntakeFile> gerrit = h.db.transaction(1, sql -> new FileRepository().ofResident(sql, RESIDENT));
            assertEquals(1, gerrit.size());
            String page = Harness.html(h.page(Harness.actor(RESIDENT, Role.RESIDENT), Method.GET, "/dossiers/{id}",
                    r -> r.pathParam("id", gerrit.get(0).id())));
            assertTrue(page.contains("stroke-dasharray"), "previous measurement drawn");
            assertTrue(page.contains("Vorige keer"), page);
            // the beschikking (aanvraag 12 days ago + 2 weeks) is due soon
            assertTrue(page.contains("Beslissing van de gemeente"));
            assertTrue(page.contains("Sanne Meijer"), "cliëntondersteuner");
        }
    }
}
