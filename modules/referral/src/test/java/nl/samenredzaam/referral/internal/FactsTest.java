package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.testing.fake.RecordingEventAdmin;

/** Domain events: received, first contact, finished — with ids and codes only. */
class FactsTest {

    @Test
    void theWorkflowPostsItsFactsWithoutPersonalData() throws Exception {
        RecordingEventAdmin admin = new RecordingEventAdmin();
        Harness h = new Harness(Databases.get(Sql.Dialect.H2));
        Facts facts = new Facts();
        facts.set(admin);
        var routes = ReferralModule.routes(new ReferralService(h.partners, h.mailer, h.clock, facts));
        Harness withFacts = h;
        long id = Harness.idFrom(call(withFacts, routes, Method.POST, "/verwijzen", Harness.filledIn(h.referrer())));
        call(withFacts, routes, Method.POST, "/dossier/{id}/intake", h.coach().pathParam("id", id).form("questionBehind", "Eenzaam."));
        call(withFacts, routes, Method.POST, "/dossier/{id}/contact", h.coach().pathParam("id", id).form("outcome", "REACHED"));
        call(withFacts, routes, Method.POST, "/dossier/{id}/contact", h.coach().pathParam("id", id).form("outcome", "UNREACHABLE"));

        assertEquals(List.of(), admin.events(), "nothing is posted inside the transaction that causes it");
        assertEquals(3, facts.publishPending(h.sql()));
        assertEquals(List.of(Facts.RECEIVED, Facts.CONTACTED, Facts.FINISHED), admin.topics());
        RecordingEventAdmin.Recorded finished = admin.events().get(2);
        assertEquals(h.initiative, finished.property("initiative"));
        assertEquals(id, finished.property(Facts.REFERRAL));
        assertEquals("UNREACHABLE", finished.property(Facts.STATUS));
        for (Event e : admin.events().stream().map(RecordingEventAdmin.Recorded::event).toList()) {
            for (String name : e.getPropertyNames()) {
                assertFalse(String.valueOf(e.getProperty(name)).contains("Kuipers"), "no personal data in " + name);
            }
        }
        facts.unset(admin);
        call(withFacts, routes, Method.POST, "/verwijzen", Harness.filledIn(h.referrer()));
        assertEquals(0, facts.publishPending(h.sql()));
        assertEquals(3, admin.events().size(), "nothing posted without Event Admin");
        facts.set(admin);
        assertEquals(1, facts.publishPending(h.sql()), "the fact waited for Event Admin");
        assertEquals(0, facts.publishPending(h.sql()), "and is posted once");
    }

    private static nl.samenredzaam.api.web.WebResponse call(Harness h, List<nl.samenredzaam.api.web.Route> routes, Method method,
            String path, FakeWebRequest.Builder req) throws Exception {
        for (var r : routes) {
            if (r.method() == method && r.kind() == nl.samenredzaam.api.web.Route.Kind.PAGE && r.path().equals(path)) {
                return r.handler().handle(req.build());
            }
        }
        throw new AssertionError(path);
    }
}
