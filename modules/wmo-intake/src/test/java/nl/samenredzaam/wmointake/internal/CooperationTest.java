package nl.samenredzaam.wmointake.internal;

import static nl.samenredzaam.wmointake.internal.support.FakeDirectory.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.api.module.Role;
import nl.samenredzaam.api.web.Route.Method;
import nl.samenredzaam.api.web.WebResponse;
import nl.samenredzaam.testing.fake.FakeActor;
import nl.samenredzaam.wmointake.internal.coop.ActivityOffer;
import nl.samenredzaam.wmointake.internal.coop.ModuleSwitches;
import nl.samenredzaam.wmointake.internal.coop.VolunteerOffer;

/** Linking calendar activities and asking volunteers from the conversation, and the free-text fallback. */
class CooperationTest {

    static final OffsetDateTime WALK = OffsetDateTime.parse("2026-12-03T10:00+01:00");

    /** A calendar with one walk. */
    static final class FakeCalendar implements ActivityOffer {
        final List<String> registered = new ArrayList<>();

        @Override
        public List<Activity> upcoming(Sql sql, OffsetDateTime from, OffsetDateTime to, int limit) {
            return WALK.isBefore(from) || WALK.isAfter(to) ? List.of() : List.of(new Activity(7, "Wandelgroep", WALK, "De Linde", 3));
        }

        @Override
        public java.util.Optional<String> registrationState(Sql sql, long registrationId) {
            return registrationId == 55 ? java.util.Optional.of("WAITLISTED") : java.util.Optional.empty();
        }

        @Override
        public Registered register(Sql sql, long activityId, OffsetDateTime start, Long userId, String name, String phone) {
            registered.add(activityId + "/" + userId + "/" + name);
            return new Registered(55, false);
        }
    }

    /** Volunteering with one category. */
    static final class FakeVolunteering implements VolunteerOffer {
        final List<String> requests = new ArrayList<>();

        @Override
        public List<Category> categories(Sql sql) {
            return List.of(new Category("vervoer", "Vervoer", "Transport"));
        }

        @Override
        public java.util.Optional<Status> status(Sql sql, long requestId) {
            return requestId == 99 ? java.util.Optional.of(new Status("CONFIRMED", "Sanne")) : java.util.Optional.empty();
        }

        @Override
        public long requestHelp(Sql sql, String category, String description, Long userId, String name, String phone,
                LocalDate preferredDate, String source) {
            requests.add(category + "/" + description + "/" + userId + "/" + source + "/" + preferredDate);
            return 99;
        }
    }

    private Harness h;
    private long file;
    private final FakeActor professional = Harness.actor(PROFESSIONAL, Role.PROFESSIONAL);
    private final FakeCalendar calendar = new FakeCalendar();
    private final FakeVolunteering volunteering = new FakeVolunteering();
    private final Set<String> enabled = new HashSet<>();

    @BeforeEach
    void setUp() throws Exception {
        h = new Harness();
        h.module.setActivityOffer(calendar);
        h.module.setVolunteerOffer(volunteering);
        h.module.setModuleSwitches((ModuleSwitches) (initiative, module) -> initiative == 1 && enabled.contains(module));
        file = h.melding(professional, RESIDENT, "");
    }

    @AfterEach
    void tearDown() throws Exception {
        h.close();
    }

    private String page() throws Exception {
        return Harness.html(h.page(professional, Method.GET, "/dossiers/{id}", r -> r.pathParam("id", file)));
    }

    @Test
    void whenEnabledTheProfessionalRegistersForAnActivityAndAsksForAVolunteer() throws Exception {
        enabled.addAll(List.of("calendar", "volunteering"));
        String html = page();
        assertTrue(html.contains("Wandelgroep"), html);
        assertTrue(html.contains("value=\"vervoer\""));

        WebResponse r = h.page(professional, Method.POST, "/dossiers/{id}/activiteit", req -> req.pathParam("id", file)
                .form("activity", "7@" + WALK));
        assertEquals(303, r.status());
        assertEquals(List.of("7/" + RESIDENT + "/Gerrit de Boer"), calendar.registered);

        r = h.page(professional, Method.POST, "/dossiers/{id}/vrijwilliger", req -> req.pathParam("id", file).form("helpCategory", "vervoer")
                .form("helpDescription", "Rit naar de fysiotherapeut").form("helpDate", "2026-12-01"));
        assertEquals(303, r.status());
        assertEquals(List.of("vervoer/Rit naar de fysiotherapeut/" + RESIDENT + "/wmo-intake:" + file + "/2026-12-01"), volunteering.requests);

        html = page();
        assertTrue(html.contains("Activiteit: Wandelgroep"), html);
        assertTrue(html.contains("<strong>op de wachtlijst</strong>"), "the calendar's state of the registration");
        assertTrue(html.contains("Vrijwilliger: gevraagd voor Vervoer"), html);
        assertTrue(html.contains("<strong>vrijwilliger gevonden: Sanne</strong>"), "volunteering's state of the request");
    }

    @Test
    void whenDisabledOnlyFreeTextIsOfferedAndTheOtherModulesAreNotCalled() throws Exception {
        String html = page();
        assertFalse(html.contains("Wandelgroep"));
        assertFalse(html.contains("name=\"helpCategory\""));
        assertTrue(html.contains("name=\"linkText\""));

        WebResponse r = h.page(professional, Method.POST, "/dossiers/{id}/activiteit", req -> req.pathParam("id", file)
                .form("activity", "7@" + WALK));
        assertEquals(400, r.status());
        assertTrue(Harness.html(r).contains("De activiteitenagenda staat niet aan."));
        assertTrue(calendar.registered.isEmpty());

        r = h.page(professional, Method.POST, "/dossiers/{id}/afspraak", req -> req.pathParam("id", file)
                .form("linkText", "Buurman rijdt naar de fysiotherapeut"));
        assertEquals(303, r.status());
        assertTrue(page().contains("Afspraak: Buurman rijdt naar de fysiotherapeut"));
    }

    @Test
    void enabledForAnotherInitiativeIsNotEnough() throws Exception {
        h.module.setModuleSwitches((initiative, module) -> initiative == 2);
        assertFalse(page().contains("Wandelgroep"));
    }

    @Test
    void whenTheCalendarBundleIsGoneTheConversationStillWorks() throws Exception {
        enabled.addAll(List.of("calendar", "volunteering"));
        h.module.unsetActivityOffer(calendar);
        h.module.unsetVolunteerOffer(volunteering);
        String html = page();
        assertFalse(html.contains("Wandelgroep"));
        assertTrue(html.contains("name=\"linkText\""));
    }

    @Test
    void anActivityThatIsNotOfferedIsRefused() throws Exception {
        enabled.add("calendar");
        WebResponse r = h.page(professional, Method.POST, "/dossiers/{id}/activiteit", req -> req.pathParam("id", file)
                .form("activity", "8@" + WALK));
        assertEquals(400, r.status());
        assertTrue(Harness.html(r).contains("Kies een activiteit uit de lijst."));
        assertTrue(calendar.registered.isEmpty());
    }
}
