package nl.samenredzaam.referral.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.testing.fake.MutableClock;
import nl.samenredzaam.testing.fake.RecordingMailer;

/**
 * The referral workflow as it runs in a framework where the calendar and volunteering bundles are
 * not installed: {@link NoPartnerBundlesTest} runs it in a class loader that cannot see their API
 * packages. Touches no fake of those APIs.
 */
public final class NoPartnersScenario implements Callable<String> {

    @Override
    public String call() throws Exception {
        try (TestDb db = TestDb.h2()) {
            long initiative = db.newInitiative();
            ReferralService service = new ReferralService(new LivePartners(), new RecordingMailer(),
                    MutableClock.at(Instant.parse("2026-03-02T08:00:00Z")).withZone(java.time.ZoneOffset.UTC));
            List<Route> routes = ReferralModule.routes(service);
            var audit = new nl.samenredzaam.testing.fake.RecordingAudit(java.time.Clock.systemUTC());
            var sql = db.sql(initiative);

            WebResponse created = call(routes, Route.Method.POST, "/verwijzen", Harness.filledIn(Harness.referrer(sql, 11, audit)), Map.of());
            long id = Harness.idFrom(created);
            Map<String, Object> ids = Map.of("id", id);
            check(html(call(routes, Route.Method.GET, "/dossier/{id}", Harness.coach(sql, 21, audit), ids)).contains("staat niet aan"),
                    "dossier without partners");
            call(routes, Route.Method.POST, "/dossier/{id}/intake", Harness.coach(sql, 21, audit).form("questionBehind", "Eenzaam.")
                    .form("sharePlan", "yes"), ids);
            call(routes, Route.Method.POST, "/dossier/{id}/stappen", Harness.coach(sql, 21, audit).form("kind", "HELP")
                    .form("helpCategory", "gezelschap").form("description", "Buurvrouw gaat mee"), ids);
            String dossier = html(call(routes, Route.Method.GET, "/dossier/{id}", Harness.coach(sql, 21, audit), ids));
            check(dossier.contains("Buurvrouw gaat mee"), "free-text step");
            Object activities = call(routes, Route.Method.GET, "/activities", Harness.coach(sql, 21, audit), Map.of()).body();
            check(activities.toString().contains("calendarEnabled=false"), "activities: " + activities);
            call(routes, Route.Method.GET, "/referrals/{id}", Harness.coach(sql, 21, audit), ids);
            Object step = call(routes, Route.Method.POST, "/referrals/{id}/steps", Harness.coach(sql, 21, audit)
                    .json("{\"kind\":\"ACTIVITY\",\"description\":\"Koersbal\",\"activityStart\":\"2026-03-12\"}"), ids).body();
            check(step.toString().contains("linked=false"), "API step: " + step);
            check(html(call(routes, Route.Method.GET, "/brief/{id}/{kind}", Harness.referrer(sql, 11, audit),
                    Map.of("id", id, "kind", "intake"))).contains("Buurvrouw gaat mee"), "letter");
            call(routes, Route.Method.POST, "/dossier/{id}/afsluiten", Harness.coach(sql, 21, audit).form("closingOutcome", "Klaar."), ids);
            html(call(routes, Route.Method.GET, "/monitor", Harness.coordinator(sql, 31, audit), Map.of()));
            return "ok";
        }
    }

    private static WebResponse call(List<Route> routes, Route.Method method, String path, FakeWebRequest.Builder req, Map<String, Object> params)
            throws Exception {
        params.forEach(req::pathParam);
        for (Route r : routes) {
            if (r.method() == method && r.path().equals(path)) {
                return r.handler().handle(req.build());
            }
        }
        throw new IllegalStateException("no route " + path);
    }

    private static String html(WebResponse response) {
        return ((Html) response.body()).value();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("failed: " + what);
        }
    }
}
