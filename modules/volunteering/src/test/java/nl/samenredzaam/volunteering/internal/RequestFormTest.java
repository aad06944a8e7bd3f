package nl.samenredzaam.volunteering.internal;

import static nl.samenredzaam.volunteering.internal.Fixtures.COORDINATOR;
import static nl.samenredzaam.volunteering.internal.Fixtures.NL;
import static nl.samenredzaam.volunteering.internal.Fixtures.RESIDENT;
import static nl.samenredzaam.volunteering.internal.Fixtures.TODAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;

class RequestFormTest {

    private static RequestForm form(String category, String description, String when, String date, String from, String to) {
        return new RequestForm(category, description, when, date, "", from, to, "Lindelaan 12", "De Hoeve", "normal", false,
                "volunteers", "", "", "", "");
    }

    @Test
    void aGoodRequestOfAResidentIsForThemselves() {
        var c = form("vervoer", "Naar het ziekenhuis", "date", "2026-12-03", "9:30", "12:00").check(NL, RESIDENT, TODAY, List.of(), null);
        assertTrue(c.problems().isEmpty(), c.problems().toString());
        NewRequest r = c.request();
        assertEquals(2L, r.residentUserId());
        assertEquals("Gerrit", r.residentName());
        assertFalse(r.onBehalf());
        assertEquals(WhenKind.DATE, r.whenKind());
        assertEquals(9 * 60 + 30, r.windowStart());
        assertEquals(Visibility.VOLUNTEERS, r.visibility());
    }

    @Test
    void everyBadFieldGetsItsOwnDutchMessageAndNothingIsLost() {
        RequestForm bad = new RequestForm("raket", "", "date", "gisteren", "", "25:00", "", "", "", "heel", false, "iedereen",
                "abc", "", "", "");
        var c = bad.check(NL, RESIDENT, TODAY, List.of(), null);
        assertNull(c.request());
        assertEquals(Set.of("category", "description", "date", "from", "urgency", "visibility", "phone"), c.problems().keySet());
        assertEquals("Kies waar u hulp bij wilt.", c.problems().get("category"));
        assertEquals("raket", bad.category());
        assertEquals("gisteren", bad.date());
    }

    @Test
    void datesInThePastAndEndBeforeStartAreRefused() {
        var past = form("tuin", "Heg", "date", "2026-11-25", "", "").check(NL, RESIDENT, TODAY, List.of(), null);
        assertEquals(Set.of("date"), past.problems().keySet());
        var backwards = form("tuin", "Heg", "date", "2026-11-27", "14:00", "10:00").check(NL, RESIDENT, TODAY, List.of(), null);
        assertEquals(Set.of("to"), backwards.problems().keySet());
    }

    @Test
    void aResidentCannotFileForSomeoneElse() {
        RequestForm f = new RequestForm("tuin", "Heg", "flexible", "", "", "", "", "", "", "", false, "", "", "Truus", "", "");
        assertEquals(Set.of("forName"), f.check(NL, RESIDENT, TODAY, List.of(), null).problems().keySet());
    }

    @Test
    void aCoordinatorFilesOnBehalfByNameOrAccountAndBothPeopleAreRecorded() {
        RequestForm byName = new RequestForm("klussen", "Lamp", "flexible", "", "", "", "", "", "", "", false, "coordinators",
                "0570 123456", "Mevrouw Hendriks", "", "");
        NewRequest r = byName.check(NL, COORDINATOR, TODAY, List.of(), null).request();
        assertTrue(r.onBehalf());
        assertNull(r.residentUserId());
        assertEquals("Mevrouw Hendriks", r.residentName());
        assertEquals(Visibility.COORDINATORS, r.visibility());

        RequestForm byAccount = new RequestForm("klussen", "Lamp", "flexible", "", "", "", "", "", "", "", false, "", "", "", "3", "");
        NewRequest r2 = byAccount.check(NL, COORDINATOR, TODAY, List.of(), "Truus Bakker").request();
        assertEquals(3L, r2.residentUserId());
        assertEquals("Truus Bakker", r2.residentName());
        assertTrue(r2.onBehalf());
        assertEquals(Set.of("forUserId"), byAccount.check(NL, COORDINATOR, TODAY, List.of(), null).problems().keySet());
        RequestForm nobody = new RequestForm("klussen", "Lamp", "flexible", "", "", "", "", "", "", "", false, "", "", "", "", "");
        assertEquals(Set.of("forName"), nobody.check(NL, COORDINATOR, TODAY, List.of(), null).problems().keySet());
    }

    @Test
    void transportToAnActivityTakesDateTimeAndCategoryFromTheCalendar() {
        Activity walk = new Activity(7, "Wandelen", Instant.parse("2026-12-02T09:00:00Z"), Instant.parse("2026-12-02T10:30:00Z"), "Dorpshuis");
        RequestForm f = new RequestForm("", "Graag gebracht worden", "flexible", "", "", "", "", "", "", "", false, "", "", "", "",
                walk.key());
        var c = f.check(NL, RESIDENT, TODAY, List.of(walk), null);
        assertTrue(c.problems().isEmpty(), c.problems().toString());
        assertEquals("vervoer", c.request().category());
        assertEquals(WhenKind.DATE, c.request().whenKind());
        assertEquals(10 * 60, c.request().windowStart()); // 09:00 UTC is 10:00 in Amsterdam
        assertEquals(7L, c.request().activityId());
        assertEquals("Wandelen", c.request().activityTitle());
        var unknown = new RequestForm("", "x", "", "", "", "", "", "", "", "", false, "", "", "", "", "9@1").check(NL, RESIDENT, TODAY,
                List.of(walk), null);
        assertTrue(unknown.problems().containsKey("activity"));
    }

    @Test
    void hoursAreReadTheWayPeopleWriteThem() {
        assertEquals(90, RequestPages.parseHours("1,5"));
        assertEquals(90, RequestPages.parseHours("1.5"));
        assertEquals(90, RequestPages.parseHours("1:30"));
        assertEquals(120, RequestPages.parseHours("2"));
        assertNull(RequestPages.parseHours("0"));
        assertNull(RequestPages.parseHours("25"));
        assertNull(RequestPages.parseHours("twee"));
    }
}
