package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.audit.AuditEvent;
import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.identity.Actor;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Handler;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.api.web.Route;
import nl.samenredzaam.api.web.WebRequest;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.testing.fake.FakeDemoContext;
import nl.samenredzaam.testing.fake.FakeWebRequest;
import nl.samenredzaam.volunteering.internal.db.TestDb;

/** Pages and API of the module, called as the platform would, on H2 and PostgreSQL. */
class HandlersDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final long RIA = 1;
    static final long GERRIT = 2;
    static final long TRUUS = 3;
    static final long SANNE = 4;
    static final long YOUSSEF = 5;

    private final VolunteeringModule module = new VolunteeringModule(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

    private Handler route(Route.Kind kind, Route.Method method, String path) {
        return module.routes().stream().filter(r -> r.kind() == kind && r.method() == method && r.path().equals(path)).findFirst()
                .orElseThrow().handler();
    }

    private String permission(Route.Kind kind, Route.Method method, String path) {
        return module.routes().stream().filter(r -> r.kind() == kind && r.method() == method && r.path().equals(path)).findFirst()
                .orElseThrow().permission();
    }

    interface Build {
        FakeWebRequest.Builder build(Sql sql);
    }

    /** Runs a handler in a transaction; answers the response and the request (for its audit entries). */
    private record Call(WebResponse response, FakeWebRequest request) {
        String html() {
            return response.body().toString();
        }
    }

    private Call call(TestDb db, long ini, Handler handler, Build build) {
        return db.transaction(ini, sql -> {
            FakeWebRequest req = build.build(sql).build();
            return new Call(handler.handle(req), req);
        });
    }

    /** A member with the permissions the module gives their roles by default. */
    static FakeActor actor(long userId, String name, Role... roles) {
        return FakeActor.of(userId, name, roles).withDefaultPermissionsOf(DEFAULTS);
    }

    private static final VolunteeringModule DEFAULTS = new VolunteeringModule(Notifier.NONE);

    /** A request of {@code actor} in the initiative of {@code sql}, with the module's settings and messages. */
    static FakeWebRequest.Builder as(Sql sql, Actor actor) {
        return FakeWebRequest.get("/").initiative(new Initiative(sql.initiativeId(), "lindeholt", "Dorpszorg Lindeholt", false))
                .module(DEFAULTS).actor(actor).sql(sql);
    }

    /** A request of a member with the permissions the module gives their roles by default. */
    static FakeWebRequest.Builder member(Sql sql, long userId, String name, Role... roles) {
        return as(sql, actor(userId, name, roles));
    }

    private static FakeWebRequest.Builder ria(Sql sql) {
        return member(sql, RIA, "Ria Jansen", Role.COORDINATOR);
    }

    private static FakeWebRequest.Builder gerrit(Sql sql) {
        return member(sql, GERRIT, "Gerrit de Boer", Role.RESIDENT);
    }

    private static FakeWebRequest.Builder sanne(Sql sql) {
        return member(sql, SANNE, "Sanne Meijer", Role.VOLUNTEER);
    }

    private void demo(TestDb db, long ini) {
        Map<String, Long> ids = Map.of("coordinator", RIA, "resident", GERRIT, "resident2", TRUUS, "volunteer", SANNE, "volunteer2", YOUSSEF);
        db.transaction(ini, sql -> {
            new VolunteeringDemo().populate(sql, new FakeDemoContext(Clock.fixed(NOW, ZoneOffset.UTC), ids));
            return null;
        });
    }

    private long idOf(TestDb db, long ini, String descriptionStart) {
        return db.transaction(ini, sql -> new RequestRepository().all(sql, null).stream()
                .filter(r -> r.description().startsWith(descriptionStart)).findFirst().orElseThrow().id());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void badJsonInputIsA400NamingEachField(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        ProblemException e = assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.API, Route.Method.POST, "/requests"),
                sql -> gerrit(sql).json("{\"category\":\"raket\",\"description\":\"\",\"when\":\"date\",\"date\":\"2026-13-01\"}")));
        assertEquals(400, e.status());
        assertEquals(Set.of("category", "description", "date"), e.fieldErrors().keySet());
        assertEquals("Kies waar u hulp bij wilt.", e.fieldErrors().get("category"));
        ProblemException action = assertThrows(ProblemException.class, () -> call(db, ini,
                route(Route.Kind.API, Route.Method.POST, "/requests/{id}/actions"), sql -> ria(sql).pathParam("id", 1).json("{\"action\":\"fly\"}")));
        assertEquals(400, action.status());
        assertTrue(action.fieldErrors().containsKey("action"));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aBadFormComesBackWithDutchErrorsNextToTheFieldsAndNothingLost(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        Call c = call(db, ini, route(Route.Kind.PAGE, Route.Method.POST, "/vragen"), sql -> gerrit(sql)
                .form("category", "").form("description", "Naar de <b>oogarts</b> in Deventer").form("when", "date").form("date", "morgen"));
        assertEquals(400, c.response().status());
        String html = c.html();
        assertTrue(html.contains("id=\"category-error\""), html);
        assertTrue(html.contains("Kies waar u hulp bij wilt."));
        assertTrue(html.contains("id=\"date-error\""));
        assertTrue(html.contains("Naar de &lt;b&gt;oogarts&lt;/b&gt; in Deventer"), "typed text kept, escaped");
        assertTrue(html.contains("value=\"morgen\""));
        assertTrue(db.transaction(ini, sql -> new RequestRepository().all(sql, null)).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void coordinatorAccessToAResidentsRequestsIsAudited(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        Call created = call(db, ini, route(Route.Kind.API, Route.Method.POST, "/requests"), sql -> ria(sql)
                .json("{\"category\":\"klussen\",\"description\":\"Lamp ophangen\",\"forName\":\"Mevrouw Hendriks\",\"phone\":\"0570 123456\","
                        + "\"visibility\":\"coordinators\"}"));
        assertEquals(201, created.response().status());
        RequestView view = (RequestView) created.response().body();
        assertTrue(view.onBehalf());
        assertEquals("Ria Jansen", view.filedBy());
        AuditEvent create = created.request().audited().get(0);
        assertEquals(AuditEvent.Action.CREATE, create.action());
        assertEquals("volunteering.request:" + view.id(), create.clientRef());

        long own = db.transaction(ini, sql -> new Requests(new RequestRepository(), new ProfileRepository(), Notifier.NONE,
                Clock.fixed(NOW, ZoneOffset.UTC)).create(sql, new Viewer(GERRIT, "Gerrit", false, false, true),
                        RequestsDbTest.request(GERRIT, "Gerrit de Boer", false, HelpRequest.Visibility.VOLUNTEERS, false),
                        Requests.Policy.DEFAULT));
        Call read = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}"), sql -> ria(sql).pathParam("id", own));
        assertEquals(List.of(AuditEvent.Action.READ), read.request().audited().stream().map(AuditEvent::action).toList());
        assertEquals(GERRIT, read.request().audited().get(0).clientId());
        Call list = call(db, ini, route(Route.Kind.API, Route.Method.GET, "/requests"), sql -> ria(sql).query("scope", "all"));
        assertEquals(AuditEvent.Action.SEARCH, list.request().audited().get(0).action());
        Call ownRead = call(db, ini, route(Route.Kind.API, Route.Method.GET, "/requests/{id}"), sql -> gerrit(sql).pathParam("id", own));
        assertTrue(ownRead.request().audited().isEmpty(), "a resident reading their own request is not an access to log");
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void volunteersNeverSeeCoordinatorOnlyRequestsOrAnUnmatchedAddress_apiAndPages(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        demo(db, ini);
        long buddy = idOf(db, ini, "Mevrouw woont alleen");
        long ride = idOf(db, ini, "Ik moet naar de oogarts");

        @SuppressWarnings("unchecked")
        List<RequestView> open = (List<RequestView>) call(db, ini, route(Route.Kind.API, Route.Method.GET, "/requests"),
                sql -> sanne(sql).query("scope", "open")).response().body();
        assertTrue(open.stream().noneMatch(r -> r.id() == buddy));
        assertTrue(open.stream().anyMatch(r -> r.id() == ride));
        assertTrue(open.stream().allMatch(r -> r.address() == null && r.residentName() == null && r.residentPhone() == null));
        assertEquals(404, assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.API, Route.Method.GET, "/requests/{id}"),
                sql -> sanne(sql).pathParam("id", buddy))).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}"),
                sql -> sanne(sql).pathParam("id", buddy))).status());

        String home = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, ""), SANNE_FN).html();
        assertFalse(home.contains("Mevrouw woont alleen"), "coordinator-only request on a volunteer's page");
        assertTrue(home.contains("Ik moet naar de oogarts"));
        assertFalse(home.contains("Lindelaan 12"));

        String detail = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}"), sql -> sanne(sql).pathParam("id", ride)).html();
        assertFalse(detail.contains("Lindelaan 12"), "address before confirmation");
        assertFalse(detail.contains("06 12345678"));
        assertTrue(detail.contains("Naam, telefoon en adres ziet u als de afspraak is bevestigd."));

        WebResponse accepted = call(db, ini, route(Route.Kind.PAGE, Route.Method.POST, "/vragen/{id}/actie"),
                sql -> sanne(sql).pathParam("id", ride).form("action", "accept")).response();
        assertEquals(303, accepted.status());
        String after = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}"), sql -> sanne(sql).pathParam("id", ride)).html();
        assertTrue(after.contains("Lindelaan 12, Lindeholt"), "address after confirmation");
        assertTrue(after.contains("Gerrit de Boer"));

        WebResponse late = call(db, ini, route(Route.Kind.PAGE, Route.Method.POST, "/vragen/{id}/actie"),
                sql -> member(sql, YOUSSEF, "Youssef", Role.VOLUNTEER).pathParam("id", ride).form("action", "accept")).response();
        assertEquals(409, late.status());
        assertTrue(late.body().toString().contains("Een andere vrijwilliger heeft deze hulpvraag net aangenomen"));
    }

    private static final Build SANNE_FN = HandlersDbTest::sanne;

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void theInitiativesOwnKindsOfHelpAreOfferedInPagesApiAndToOtherModules(Sql.Dialect dialect) throws Exception {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        String setting = "vervoer,hond-uitlaten=Hond uitlaten";
        @SuppressWarnings("unchecked")
        List<nl.samenredzaam.volunteering.api.HelpRequestService.Category> api = (List<nl.samenredzaam.volunteering.api.HelpRequestService.Category>)
                call(db, ini, route(Route.Kind.API, Route.Method.GET, "/categories"), sql -> gerrit(sql).setting("categories", setting))
                        .response().body();
        assertEquals(List.of("vervoer", "hond-uitlaten"), api.stream().map(c -> c.key()).toList());
        String form = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/nieuw"), sql -> gerrit(sql).setting("categories", setting)).html();
        assertTrue(form.contains(">Hond uitlaten</option>"));
        assertFalse(form.contains(">Tuin</option>"));
        nl.samenredzaam.api.module.ModuleSettings settings = (initiative, module, key) ->
                initiative == ini && module.equals("volunteering") && key.equals("categories") ? java.util.Optional.of(setting)
                        : java.util.Optional.empty();
        HelpRequestServiceImpl cooperation = new HelpRequestServiceImpl(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC), settings);
        assertEquals(2, db.transaction(ini, sql -> cooperation.categories(sql)).size());
        assertThrows(IllegalArgumentException.class, () -> db.transaction(ini, sql -> cooperation.requestHelp(sql,
                new nl.samenredzaam.volunteering.api.HelpRequestDraft("tuin", "Heg", null, "X", null, null, null, null, false, "referral:1"))));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aCoordinatorActingOnBehalfOfAResidentFilesTheRequestForThem(Sql.Dialect dialect) throws Exception {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        VolunteeringModule withDirectory = new VolunteeringModule(Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC),
                PrivacyAndMailDbTest.DIRECTORY);
        Handler create = withDirectory.routes().stream().filter(r -> r.kind() == Route.Kind.API && r.method() == Route.Method.POST
                && r.path().equals("/requests")).findFirst().orElseThrow().handler();
        RequestView v = db.transaction(ini, sql -> (RequestView) create.handle(as(sql, actor(RIA, "Ria Jansen", Role.COORDINATOR).onBehalfOf(GERRIT))
                .json("{\"category\":\"tuin\",\"description\":\"Heg knippen\"}").build()).body());
        HelpRequest r = db.transaction(ini, sql -> new RequestRepository().find(sql, v.id())).orElseThrow();
        assertEquals(GERRIT, r.residentUserId());
        assertEquals("Gerrit de Boer", r.residentName(), "the name from the member directory");
        assertTrue(r.onBehalf());
        assertEquals(RIA, r.createdByUserId());
        // naming someone explicitly still wins
        RequestView other = db.transaction(ini, sql -> (RequestView) create.handle(as(sql, actor(RIA, "Ria Jansen", Role.COORDINATOR).onBehalfOf(GERRIT))
                .json("{\"category\":\"tuin\",\"description\":\"Heg\",\"forName\":\"Mevrouw Hendriks\"}").build()).body());
        assertNull(db.transaction(ini, sql -> new RequestRepository().find(sql, other.id())).orElseThrow().residentUserId());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aRequestCanBeChangedByThePersonUntilSomeoneIsOnItAndByCoordinatorsWithAudit(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        Requests service = new Requests(new RequestRepository(), new ProfileRepository(), Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC));
        long id = db.transaction(ini, sql -> {
            new ProfileRepository().save(sql, SANNE, new ProfileRepository.ProfileInput("Sanne", Set.of(), "", 0, List.of(), false, "", true), NOW);
            return service.create(sql, new Viewer(GERRIT, "Gerrit", false, false, true),
                    RequestsDbTest.request(GERRIT, "Gerrit de Boer", false, HelpRequest.Visibility.VOLUNTEERS, false), Requests.Policy.DEFAULT);
        });
        String form = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}/wijzigen"), sql -> gerrit(sql).pathParam("id", id)).html();
        assertTrue(form.contains("Boodschappen bij de Spar"), "the form is filled");
        assertTrue(form.contains("Wijzigingen opslaan"));
        assertFalse(form.contains("id=\"forName\""), "who it is for does not change");
        WebResponse bad = call(db, ini, route(Route.Kind.PAGE, Route.Method.POST, "/vragen/{id}/wijzigen"), sql -> gerrit(sql).pathParam("id", id)
                .form("category", "boodschappen").form("description", "")).response();
        assertEquals(400, bad.status());
        WebResponse ok = call(db, ini, route(Route.Kind.PAGE, Route.Method.POST, "/vragen/{id}/wijzigen"), sql -> gerrit(sql).pathParam("id", id)
                .form("category", "boodschappen").form("description", "Boodschappen bij de Jumbo").form("address", "Lindelaan 14")).response();
        assertEquals(303, ok.status());
        HelpRequest changed = db.transaction(ini, sql -> new RequestRepository().find(sql, id)).orElseThrow();
        assertEquals("Boodschappen bij de Jumbo", changed.description());
        assertEquals("Lindelaan 14", changed.address());
        assertEquals(GERRIT, changed.residentUserId());
        assertEquals(404, assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}/wijzigen"),
                sql -> member(sql, TRUUS, "Truus", Role.RESIDENT).pathParam("id", id))).status());

        db.transaction(ini, sql -> service.act(sql, new Viewer(RIA, "Ria", true, false, false), id,
                new Requests.ActionInput(Requests.Action.CONFIRM, SANNE, null, null), Requests.Policy.DEFAULT));
        assertEquals(409, assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.API, Route.Method.PUT, "/requests/{id}"),
                sql -> gerrit(sql).pathParam("id", id).json("{\"category\":\"boodschappen\",\"description\":\"x\"}"))).status(),
                "the person cannot change it once a volunteer is on it");
        ProblemException vog = assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.API, Route.Method.PUT, "/requests/{id}"),
                sql -> ria(sql).pathParam("id", id).json("{\"category\":\"boodschappen\",\"description\":\"x\",\"vulnerable\":true}")));
        assertEquals(409, vog.status());
        assertTrue(vog.fieldErrors().containsKey("vulnerable"));
        Call byRia = call(db, ini, route(Route.Kind.API, Route.Method.PUT, "/requests/{id}"), sql -> ria(sql).pathParam("id", id)
                .json("{\"category\":\"boodschappen\",\"description\":\"Boodschappen bij de Jumbo, lijstje bij de buren\",\"urgency\":\"high\"}"));
        assertEquals("high", ((RequestView) byRia.response().body()).urgency());
        assertEquals(AuditEvent.Action.UPDATE, byRia.request().audited().get(0).action());
        assertEquals(GERRIT, byRia.request().audited().get(0).clientId());
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void aVolunteerWithoutAValidVogIsToldSoInsteadOfOfferedTheButton(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long id = db.transaction(ini, sql -> new Requests(new RequestRepository(), new ProfileRepository(), Notifier.NONE,
                Clock.fixed(NOW, ZoneOffset.UTC)).create(sql, new Viewer(RIA, "Ria", true, false, false),
                        RequestsDbTest.request(GERRIT, "Gerrit de Boer", true, HelpRequest.Visibility.VOLUNTEERS, true),
                        Requests.Policy.DEFAULT));
        String html = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}"), sql -> sanne(sql).pathParam("id", id)).html();
        assertTrue(html.contains("Voor deze hulpvraag is een geldige VOG nodig. Die staat nog niet bij uw profiel."), html);
        assertFalse(html.contains("value=\"accept\""));
        WebResponse refused = call(db, ini, route(Route.Kind.PAGE, Route.Method.POST, "/vragen/{id}/actie"),
                sql -> sanne(sql).pathParam("id", id).form("action", "accept")).response();
        assertEquals(409, refused.status(), "and the server refuses it anyway");
        assertTrue(refused.body().toString().contains("Voor deze hulpvraag is een geldige VOG nodig."));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void tooLowARoleOrAnotherInitiativeGets403Or404(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        long other = db.newInitiative();
        demo(db, ini);
        long ride = idOf(db, ini, "Ik moet naar de oogarts");
        assertEquals(403, assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.API, Route.Method.GET, "/requests"),
                sql -> gerrit(sql).query("scope", "all"))).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.API, Route.Method.GET, "/requests"),
                sql -> gerrit(sql).query("scope", "open"))).status());
        assertEquals(403, assertThrows(ProblemException.class, () -> call(db, ini,
                route(Route.Kind.API, Route.Method.POST, "/requests/{id}/actions"),
                sql -> sanne(sql).pathParam("id", ride).json("{\"action\":\"publish\"}"))).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> call(db, other, route(Route.Kind.API, Route.Method.GET, "/requests/{id}"),
                sql -> ria(sql).pathParam("id", ride))).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> call(db, ini, route(Route.Kind.API, Route.Method.GET, "/requests/{id}"),
                sql -> member(sql, TRUUS, "Truus", Role.RESIDENT).pathParam("id", ride))).status(), "another resident's request");
        // route permissions the platform enforces
        assertEquals(VolunteeringModule.COORDINATE, permission(Route.Kind.API, Route.Method.GET, "/requests/{id}/suggestions"));
        assertEquals(VolunteeringModule.COORDINATE, permission(Route.Kind.PAGE, Route.Method.GET, "/overzicht"));
        assertEquals(VolunteeringModule.HELP, permission(Route.Kind.PAGE, Route.Method.GET, "/profiel"));
        assertEquals(VolunteeringModule.COORDINATE, permission(Route.Kind.API, Route.Method.PUT, "/profiles/{userId}/vog"));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void theDemoDataRendersForEveryRoleAndTheDashboardHasAccessibleCharts(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        demo(db, ini);
        String ria = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, ""), HandlersDbTest::ria).html();
        assertTrue(ria.contains("Mevrouw woont alleen"), "coordinators see coordinator-only requests");
        assertTrue(call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, ""), HandlersDbTest::gerrit).html().contains("Mijn hulpvragen"));
        String dash = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/overzicht"), HandlersDbTest::ria).html();
        assertTrue(dash.contains("<svg role=\"img\""));
        assertTrue(dash.contains("<title id=\"chart-hours-title\">Uren hulp per maand</title>"));
        assertTrue(dash.contains("<desc id=\"chart-hours-desc\">"));
        assertTrue(dash.contains("<caption>Uren hulp per maand</caption>"), "a table alternative");
        assertTrue(dash.contains("Sanne Meijer"), "Sanne's VOG expires within three months");
        long buddy = idOf(db, ini, "Mevrouw woont alleen");
        String detail = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/{id}"), sql -> ria(sql).pathParam("id", buddy)).html();
        assertTrue(detail.contains("Voorgestelde vrijwilligers"));
        assertTrue(detail.contains("Heeft een geldige VOG"));
        assertTrue(detail.contains("Aangenomen"), "on-behalf is shown");
        @SuppressWarnings("unchecked")
        Map<String, Object> suggestions = (Map<String, Object>) call(db, ini, route(Route.Kind.API, Route.Method.GET,
                "/requests/{id}/suggestions"), sql -> ria(sql).pathParam("id", buddy)).response().body();
        assertNotNull(suggestions.get("suggestions"));
        Map<?, ?> json = (Map<?, ?>) call(db, ini, route(Route.Kind.API, Route.Method.GET, "/dashboard"), HandlersDbTest::ria).response().body();
        assertEquals(6, ((List<?>) json.get("months")).size());
        String en = call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/overzicht"), sql -> ria(sql).english()).html();
        assertTrue(en.contains("Hours of help per month"));
        assertFalse(en.contains("??"), "missing English message");
        assertFalse(dash.contains("??"), "missing Dutch message");
        for (Build b : List.<Build>of(HandlersDbTest::ria, HandlersDbTest::gerrit, HandlersDbTest::sanne)) {
            assertFalse(call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, ""), b).html().contains("??"));
            assertFalse(call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, ""), sql -> b.build(sql).english()).html().contains("??"));
        }
        assertFalse(call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vragen/nieuw"), HandlersDbTest::ria).html().contains("??"));
        assertFalse(call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/profiel"), SANNE_FN).html().contains("??"));
        assertFalse(call(db, ini, route(Route.Kind.PAGE, Route.Method.GET, "/vrijwilligers"), HandlersDbTest::ria).html().contains("??"));
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void profilesAndVogAreSavedAndBadInputIsRefused(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        long ini = db.newInitiative();
        WebResponse saved = call(db, ini, route(Route.Kind.PAGE, Route.Method.POST, "/profiel"), sql -> sanne(sql)
                .form("skills", "boodschappen").form("skills", "gezelschap").form("slot", "4-0").form("slot", "4-1").form("neighbourhoods", "Dorpskern, De Hoeve")
                .form("hasCar", "on").form("languages", "Nederlands").form("active", "on")).response();
        assertEquals(303, saved.status());
        Profile p = db.transaction(ini, sql -> new ProfileRepository().ofUser(sql, SANNE).orElseThrow());
        assertEquals(Set.of("boodschappen", "gezelschap"), p.skills());
        assertEquals(List.of("Dorpskern", "De Hoeve"), p.neighbourhoods());
        assertTrue(p.hasCar());
        WebResponse bad = call(db, ini, route(Route.Kind.PAGE, Route.Method.POST, "/profiel"), sql -> sanne(sql)
                .form("skills", "raket").form("slot", "9-9")).response();
        assertEquals(400, bad.status());
        assertTrue(bad.body().toString().contains("id=\"skills-error\""));
        ProblemException vog = assertThrows(ProblemException.class, () -> call(db, ini,
                route(Route.Kind.API, Route.Method.PUT, "/profiles/{userId}/vog"),
                sql -> ria(sql).pathParam("userId", SANNE).json("{\"status\":\"issued\",\"issuedOn\":\"2027-01-01\"}")));
        assertEquals(Set.of("issuedOn"), vog.fieldErrors().keySet());
        ProfileView ok = (ProfileView) call(db, ini, route(Route.Kind.API, Route.Method.PUT, "/profiles/{userId}/vog"),
                sql -> ria(sql).pathParam("userId", SANNE).json("{\"status\":\"issued\",\"issuedOn\":\"2024-01-10\"}")).response().body();
        assertEquals("issued", ok.vogStatus());
        assertTrue(ok.vogValid());
        assertEquals("45", ok.vogProfile());
        assertNull(db.transaction(ini, sql -> new ProfileRepository().ofUser(sql, GERRIT)).orElse(null));
    }
}
