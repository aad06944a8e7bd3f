package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.consent.ConsentPurpose;
import nl.samenredzaam.api.consent.Consents;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Handler;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.testing.fake.FakeDemoContext;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.volunteering.internal.db.TestDb;

/**
 * The phone number follows the person's consent in the platform's register: the volunteer who takes
 * the request sees it only with consent for the current text; coordinators and the person always;
 * without the register nobody consented. On H2 and PostgreSQL.
 */
class PhoneConsentDbTest {

    static final Instant NOW = HandlersDbTest.NOW;
    static final String PHONE = "06 12345678";

    /** The register as the module sees it: the latest answer per (initiative, person, purpose, version). */
    static final class FakeConsents implements Consents {
        final Map<String, Boolean> answers = new ConcurrentHashMap<>();
        final List<String> recorded = new java.util.concurrent.CopyOnWriteArrayList<>();

        private static String key(Sql sql, long userId, String moduleId, ConsentPurpose p) {
            return sql.initiativeId() + "/" + userId + "/" + moduleId + "/" + p.id() + "/" + p.version();
        }

        @Override
        public boolean given(Sql sql, long userId, String moduleId, ConsentPurpose purpose) {
            return answers.getOrDefault(key(sql, userId, moduleId, purpose), false);
        }

        @Override
        public void record(Sql sql, long userId, String moduleId, ConsentPurpose purpose, boolean given, long recordedBy, Instant at) {
            answers.put(key(sql, userId, moduleId, purpose), given);
            recorded.add(userId + ":" + given + ":" + recordedBy);
        }

        void set(long initiative, long userId, boolean given) {
            answers.put(initiative + "/" + userId + "/volunteering/" + PhoneConsent.ID + "/" + PhoneConsent.VERSION, given);
        }
    }

    private final FakeConsents consents = new FakeConsents();

    private static Handler route(VolunteeringModule module, Route.Kind kind, Route.Method method, String path) {
        return module.routes().stream().filter(r -> r.kind() == kind && r.method() == method && r.path().equals(path)).findFirst()
                .orElseThrow().handler();
    }

    private static void demo(TestDb db, long ini, VolunteeringModule module) {
        Map<String, Long> ids = Map.of("coordinator", HandlersDbTest.RIA, "resident", HandlersDbTest.GERRIT, "resident2",
                HandlersDbTest.TRUUS, "volunteer", HandlersDbTest.SANNE, "volunteer2", HandlersDbTest.YOUSSEF);
        db.transaction(ini, sql -> {
            module.populate(sql, new FakeDemoContext(Clock.fixed(NOW, ZoneOffset.UTC), ids));
            return null;
        });
    }

    /** The demo's ride to the eye doctor (Gerrit's, with his phone number), taken on by Sanne. */
    private static long acceptedRide(TestDb db, long ini, VolunteeringModule module) {
        long ride = db.transaction(ini, sql -> new RequestRepository().all(sql, null).stream()
                .filter(r -> r.description().startsWith("Ik moet naar de oogarts")).findFirst().orElseThrow().id());
        db.transaction(ini, sql -> route(module, Route.Kind.PAGE, Route.Method.POST, "/vragen/{id}/actie")
                .handle(sanne(sql).pathParam("id", ride).form("action", "accept").build()));
        return ride;
    }

    private static FakeWebRequest.Builder sanne(Sql sql) {
        return HandlersDbTest.member(sql, HandlersDbTest.SANNE, "Sanne Meijer", Role.VOLUNTEER);
    }

    private static RequestView apiView(TestDb db, long ini, VolunteeringModule module, FakeRequestBuild who, long id) {
        return db.transaction(ini, sql -> (RequestView) route(module, Route.Kind.API, Route.Method.GET, "/requests/{id}")
                .handle(who.build(sql).pathParam("id", id).build()).body());
    }

    private static String page(TestDb db, long ini, VolunteeringModule module, FakeRequestBuild who, long id) {
        return db.transaction(ini, sql -> route(module, Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}")
                .handle(who.build(sql).pathParam("id", id).build()).body().toString());
    }

    interface FakeRequestBuild {
        FakeWebRequest.Builder build(Sql sql);
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void withConsentTheVolunteerWhoHelpsSeesThePhoneNumber(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        VolunteeringModule module = new VolunteeringModule(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC), consents);
        demo(db, ini, module);
        assertEquals(List.of(HandlersDbTest.GERRIT + ":true:" + HandlersDbTest.GERRIT, HandlersDbTest.TRUUS + ":true:" + HandlersDbTest.RIA,
                HandlersDbTest.TRUUS + ":false:" + HandlersDbTest.TRUUS), consents.recorded, "the demo: Gerrit gave it, Truus withdrew it");
        long ride = acceptedRide(db, ini, module);

        RequestView view = apiView(db, ini, module, PhoneConsentDbTest::sanne, ride);
        assertEquals(PHONE, view.residentPhone());
        assertFalse(view.phoneWithheld());
        assertTrue(page(db, ini, module, PhoneConsentDbTest::sanne, ride).contains(PHONE));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void withoutConsentTheVolunteerSeesNameAndAddressButNotThePhoneNumber(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        VolunteeringModule module = new VolunteeringModule(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC), consents);
        demo(db, ini, module);
        consents.set(ini, HandlersDbTest.GERRIT, false); // Gerrit withdrew it on "Mijn toestemmingen"
        long ride = acceptedRide(db, ini, module);

        RequestView view = apiView(db, ini, module, PhoneConsentDbTest::sanne, ride);
        assertNull(view.residentPhone());
        assertTrue(view.phoneWithheld());
        assertEquals("Gerrit de Boer", view.residentName());
        assertEquals("Lindelaan 12, Lindeholt", view.address());
        String html = page(db, ini, module, PhoneConsentDbTest::sanne, ride);
        assertFalse(html.contains(PHONE));
        assertTrue(html.contains("Niet gedeeld: deze inwoner wil het telefoonnummer niet met vrijwilligers delen."));

        assertEquals(PHONE, apiView(db, ini, module, sql -> HandlersDbTest.member(sql, HandlersDbTest.RIA, "Ria Jansen", Role.COORDINATOR), ride)
                .residentPhone(), "the coordinator always");
        assertEquals(PHONE, apiView(db, ini, module, sql -> HandlersDbTest.member(sql, HandlersDbTest.GERRIT, "Gerrit de Boer", Role.RESIDENT), ride)
                .residentPhone(), "the person always");

        String own = page(db, ini, module, sql -> HandlersDbTest.member(sql, HandlersDbTest.GERRIT, "Gerrit de Boer", Role.RESIDENT), ride);
        assertTrue(own.contains("De vrijwilliger ziet uw telefoonnummer niet."), "the person is told, with where to change it");
        assertTrue(own.contains("/platform/mijn-toestemmingen/lindeholt#t-volunteering-share-phone"), own);
        assertTrue(page(db, ini, module, sql -> HandlersDbTest.member(sql, HandlersDbTest.RIA, "Ria Jansen", Role.COORDINATOR), ride)
                .contains("Deze inwoner deelt het telefoonnummer niet met vrijwilligers"), "the coordinator knows to arrange it");

        consents.set(ini, HandlersDbTest.GERRIT, true); // and gives it again
        assertEquals(PHONE, apiView(db, ini, module, PhoneConsentDbTest::sanne, ride).residentPhone());
        assertTrue(page(db, ini, module, sql -> HandlersDbTest.member(sql, HandlersDbTest.GERRIT, "Gerrit de Boer", Role.RESIDENT), ride)
                .contains("De vrijwilliger die u helpt, mag uw telefoonnummer zien."));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void withoutTheRegisterNobodyConsented(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        VolunteeringModule module = new VolunteeringModule(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        demo(db, ini, module);
        long ride = acceptedRide(db, ini, module);
        RequestView view = apiView(db, ini, module, PhoneConsentDbTest::sanne, ride);
        assertNull(view.residentPhone());
        assertTrue(view.phoneWithheld());
    }

    @org.junit.jupiter.api.Test
    void theModuleDeclaresThePurposeInDutchAndEnglish() {
        VolunteeringModule module = new VolunteeringModule(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC), consents);
        assertEquals("volunteering", module.moduleId());
        ConsentPurpose p = module.purposes().get(0);
        assertEquals(PhoneConsent.ID, p.id());
        assertEquals(1, p.version());
        for (String s : List.of(p.title().nl(), p.title().en(), p.text().nl(), p.text().en(), p.withoutIt().nl(), p.withoutIt().en())) {
            assertFalse(s.startsWith("??"), s);
        }
        assertTrue(p.text().nl().contains("telefoonnummer"));
        assertTrue(p.text().en().contains("phone number"));
    }
}
