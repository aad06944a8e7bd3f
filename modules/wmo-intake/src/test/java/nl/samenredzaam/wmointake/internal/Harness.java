package nl.samenredzaam.wmointake.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;

import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Permission;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.testing.fake.InMemoryDatabase;
import nl.samenredzaam.testing.fake.RecordingAudit;
import nl.samenredzaam.wmointake.internal.deadline.WmoTerms;
import nl.samenredzaam.wmointake.internal.support.FakeDirectory;

/**
 * The module with a fixed clock (Thursday 26 November 2026, 10:00 in Lindeholt), an H2 database
 * and a fake member directory; calls routes as the platform does, including the route's permission
 * check (403 for a signed-in person without it).
 */
final class Harness implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final Initiative LINDEHOLT = new Initiative(1, "lindeholt", "Dorpszorg Lindeholt", false);
    static final Initiative ELDERS = new Initiative(2, "elders", "Buurtzorg Elders", false);

    final InMemoryDatabase db = InMemoryDatabase.forModule("wmo-intake");
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final WmoIntakeModule module = new WmoIntakeModule(WmoTerms.WMO_2015, clock);
    final FakeDirectory directory = new FakeDirectory();
    final RecordingAudit audit = new RecordingAudit(clock);

    /** A member named "User id" with the permissions the module gives their roles by default. */
    static FakeActor actor(long userId, Role... roles) {
        return FakeActor.of(userId, "User " + userId, roles).withDefaultPermissionsOf(PERMISSIONS);
    }

    private static final WmoIntakeModule PERMISSIONS = new WmoIntakeModule(WmoTerms.WMO_2015, Clock.systemUTC());

    Harness() {
        for (Initiative initiative : List.of(LINDEHOLT, ELDERS)) {
            if (db.createInitiative(initiative.slug(), initiative.name()).id() != initiative.id()) {
                throw new IllegalStateException("expected " + initiative + " to get its id");
            }
        }
        module.setDirectory(directory);
    }

    Route route(Route.Kind kind, Route.Method method, String path) {
        return module.routes().stream().filter(r -> r.kind() == kind && r.method() == method && r.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError("no route " + method + " " + path));
    }

    WebResponse call(Initiative initiative, Actor actor, Route.Kind kind, Route.Method method, String path,
            Consumer<FakeWebRequest.Builder> setup) throws Exception {
        Route route = route(kind, method, path);
        FakeWebRequest.Builder req = FakeWebRequest.request(method.name(), path).initiative(initiative).actor(actor).module(module)
                .audit(audit);
        setup.accept(req);
        if (!route.permission().equals(Permission.PUBLIC)) {
            if (actor == null) {
                throw new ProblemException(401, "sign in");
            }
            if (!route.permission().equals(Permission.MEMBER) && !actor.has(route.permission())) {
                throw ProblemException.forbidden();
            }
        }
        return db.transaction(initiative.id(), sql -> route.handler().handle(req.sql(sql).build()));
    }

    WebResponse page(Actor actor, Route.Method method, String path, Consumer<FakeWebRequest.Builder> setup) throws Exception {
        return call(LINDEHOLT, actor, Route.Kind.PAGE, method, path, setup);
    }

    WebResponse api(Actor actor, Route.Method method, String path, Consumer<FakeWebRequest.Builder> setup) throws Exception {
        return call(LINDEHOLT, actor, Route.Kind.API, method, path, setup);
    }

    /** Registers a melding through the page, as the professional, and returns its file id. */
    long melding(Actor by, long resident, String residentName) throws Exception {
        WebResponse r = page(by, Route.Method.POST, "/dossiers", req -> req
                .form("residentUserId", resident == 0 ? "" : Long.toString(resident)).form("residentName", residentName)
                .form("meldingDate", "2026-11-02").form("reportedBy", "FAMILIE").form("channel", "TELEFOON")
                .form("requestText", "Ik kan de trap niet meer op en het huishouden lukt niet.")
                .form("consentProcessing", "true").form("professionalUserId", Long.toString(FakeDirectory.PROFESSIONAL))
                .form("coordinatorUserId", Long.toString(FakeDirectory.COORDINATOR)));
        if (r.status() != 303) {
            throw new AssertionError("melding not created: " + r.status() + " " + r.body());
        }
        String location = r.headers().get("Location");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    static String html(WebResponse r) {
        return r.body().toString();
    }

    @Override
    public void close() throws Exception {
        db.close();
    }
}
