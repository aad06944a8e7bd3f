package nl.samenredzaam.referral.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.mail.Mail;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Html;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.testing.fake.MutableClock;
import nl.samenredzaam.testing.fake.RecordingAudit;
import nl.samenredzaam.testing.fake.RecordingMailer;

/**
 * The module wired as in production (its real routes, service and repositories) on a real
 * database, with fake partners, clock and mailer.
 */
final class Harness {

    static final Instant START = Instant.parse("2026-03-02T08:00:00Z"); // a Monday
    static final long REFERRER = 11;
    static final long COACH = 21;
    static final long OTHER_COACH = 22;
    static final long COORDINATOR = 31;

    final TestDb db;
    final long initiative;
    final MutableClock clock = MutableClock.at(START).withZone(ZoneOffset.UTC);
    final RecordingMailer mailer = new RecordingMailer();
    final Fakes.FakeCalendar calendar = new Fakes.FakeCalendar(OffsetDateTime.of(2026, 3, 10, 9, 30, 0, 0, ZoneOffset.ofHours(1)));
    final Fakes.FakeVolunteering volunteering = new Fakes.FakeVolunteering();
    final Fakes.FakeDirectory directory = new Fakes.FakeDirectory()
            .add(REFERRER, "Pieter van Dijk", "praktijk@example.org", Role.REFERRER)
            .add(COACH, "Marieke Smit", "marieke@example.org", Role.PROFESSIONAL)
            .add(OTHER_COACH, "Joost de Vries", "joost@example.org", Role.PROFESSIONAL)
            .add(COORDINATOR, "Ria Jansen", "ria@example.org", Role.COORDINATOR);
    final LivePartners partners = new LivePartners();
    final ReferralService service;
    final List<Route> routes;
    final RecordingAudit audit = new RecordingAudit(clock);

    Harness(TestDb db) {
        this.db = db;
        this.initiative = db.newInitiative();
        partners.useCalendar(calendar);
        partners.useVolunteering(volunteering);
        partners.useDirectory(directory);
        partners.useSwitches(db.switchboard());
        this.service = new ReferralService(partners, mailer, clock);
        this.routes = ReferralModule.routes(service);
    }

    /** The mails queued so far, in order. */
    List<Mail> mails() {
        return mailer.sent().stream().map(RecordingMailer.Sent::mail).toList();
    }

    Sql sql() {
        return db.sql(initiative);
    }

    void partnersEnabled(boolean on) {
        db.enable(initiative, "calendar", on);
        db.enable(initiative, "volunteering", on);
    }

    FakeWebRequest.Builder referrer() {
        return referrer(sql(), REFERRER, audit);
    }

    FakeWebRequest.Builder coach() {
        return coach(sql(), COACH, audit);
    }

    FakeWebRequest.Builder coordinator() {
        return coordinator(sql(), COORDINATOR, audit);
    }

    /** A request of {@code actor} (or nobody) in the initiative of {@code sql}, with the module's settings and messages. */
    static FakeWebRequest.Builder as(Sql sql, Actor actor, RecordingAudit audit) {
        return FakeWebRequest.get("/").initiative(new Initiative(sql.initiativeId(), "lindeholt", "Dorpszorg Lindeholt", false))
                .module(Defaults.MODULE).actor(actor).sql(sql).audit(audit);
    }

    /** Nobody signed in. */
    static FakeWebRequest.Builder anonymous(Sql sql, RecordingAudit audit) {
        return as(sql, null, audit);
    }

    static FakeWebRequest.Builder referrer(Sql sql, long userId, RecordingAudit audit) {
        return as(sql, FakeActor.of(userId, "Pieter van Dijk").withPermissions(ReferralModule.REFER), audit);
    }

    static FakeWebRequest.Builder coach(Sql sql, long userId, RecordingAudit audit) {
        return as(sql, FakeActor.of(userId, "Marieke Smit").withPermissions(ReferralModule.COACH), audit);
    }

    static FakeWebRequest.Builder coordinator(Sql sql, long userId, RecordingAudit audit) {
        return as(sql, FakeActor.of(userId, "Ria Jansen").withPermissions(ReferralModule.COACH, ReferralModule.ASSIGN, ReferralModule.MONITOR),
                audit);
    }

    /** The module for its setting defaults and messages, made when first needed. */
    private static final class Defaults {
        static final ReferralModule MODULE = new ReferralModule(new LivePartners(), (sql, mail) -> { }, java.time.Clock.systemUTC());
    }

    /** Calls the route the platform would pick for this method and module path (checking the route's permission as the platform does). */
    WebResponse call(Route.Method method, Route.Kind kind, String path, FakeWebRequest.Builder req) throws Exception {
        for (Route r : routes) {
            if (r.method() == method && r.kind() == kind && matches(r.path(), path, req)) {
                FakeWebRequest request = req.build();
                if (!r.permission().equals("public") && !r.permission().equals("member") && !request.isAllowed(r.permission())) {
                    throw nl.samenredzaam.api.web.ProblemException.forbidden();
                }
                return r.handler().handle(request);
            }
        }
        throw new AssertionError("no route " + method + " " + path);
    }

    WebResponse page(Route.Method method, String path, FakeWebRequest.Builder req) throws Exception {
        return call(method, Route.Kind.PAGE, path, req);
    }

    WebResponse api(Route.Method method, String path, FakeWebRequest.Builder req) throws Exception {
        return call(method, Route.Kind.API, path, req);
    }

    private static boolean matches(String pattern, String path, FakeWebRequest.Builder req) {
        String[] p = pattern.split("/");
        String[] a = path.split("/");
        if (p.length != a.length) {
            return false;
        }
        Map<String, String> params = new java.util.HashMap<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i].startsWith("{")) {
                params.put(p[i].substring(1, p[i].length() - 1), a[i]);
            } else if (!p[i].equals(a[i])) {
                return false;
            }
        }
        params.forEach(req::pathParam);
        return true;
    }

    static String html(WebResponse response) {
        return ((Html) response.body()).value();
    }

    /** A complete referral form as a GP fills it in. */
    static FakeWebRequest.Builder filledIn(FakeWebRequest.Builder req) {
        return req.form("patientName", "Wim Kuipers").form("patientBirthDate", "30-1-1950").form("patientPhone", "0578 654 321")
                .form("reasons", "Eenzaamheid").form("reasons", "Bewegen").form("note", "Weduwnaar, zit veel thuis.").form("urgency", "NORMAL")
                .form("consentContact", "yes").form("consentFeedback", "yes").form("referrerType", "HUISARTS")
                .form("referrerOrg", "Huisartsenpraktijk Lindeholt");
    }

    /** The id at the end of a redirect like {@code /lindeholt/referral/verwijzingen/4?ontvangen=1}. */
    static long idFrom(WebResponse redirect) {
        String location = redirect.headers().get("Location");
        String tail = location.substring(location.lastIndexOf('/') + 1);
        return Long.parseLong(tail.replaceAll("[^0-9].*", ""));
    }

    static Map<nl.samenredzaam.instruments.PositiveHealthDimension, Integer> scores(int... v) {
        Map<nl.samenredzaam.instruments.PositiveHealthDimension, Integer> m = new EnumMap<>(nl.samenredzaam.instruments.PositiveHealthDimension.class);
        var d = nl.samenredzaam.instruments.PositiveHealthDimension.values();
        for (int i = 0; i < d.length; i++) {
            m.put(d[i], v[i]);
        }
        return m;
    }

    /** Fills the six score fields of a form with a prefix. */
    static FakeWebRequest.Builder scores(FakeWebRequest.Builder req, String prefix, int... v) {
        var d = nl.samenredzaam.instruments.PositiveHealthDimension.values();
        for (int i = 0; i < d.length; i++) {
            req.form(prefix + "." + d[i].key(), Integer.toString(v[i]));
        }
        return req;
    }

}
