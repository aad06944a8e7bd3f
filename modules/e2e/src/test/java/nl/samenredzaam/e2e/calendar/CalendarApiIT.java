package nl.samenredzaam.e2e.calendar;

import static nl.samenredzaam.e2e.calendar.CalendarDeploy.API;
import static nl.samenredzaam.e2e.calendar.CalendarDeploy.BASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * The calendar's API and feeds in the running platform with the demo initiative: a series with an
 * exception in the feed, 400 problems naming the field, permissions, capacity under concurrent
 * registrations, waitlist promotion, on-behalf registration, attendance, the PDF, and initiative
 * isolation.
 */
class CalendarApiIT {

    static final ZoneId AMS = ZoneId.of("Europe/Amsterdam");

    @RegisterExtension
    static RunningPlatform platform = CalendarDeploy.platform("calendar-api");

    static HttpJson coordinator;
    static HttpJson resident;
    static HttpJson resident2;
    static HttpJson visitor;

    @BeforeAll
    static void start() throws Exception {
        CalendarDeploy.ensureRunning(platform);
        visitor = platform.http().newSession();
        coordinator = as("coordinator");
        resident = as("resident");
        resident2 = as("resident2");
    }

    static HttpJson as(String user) {
        JsonResponse token = platform.http().newSession().post("/api/v1/auth/token",
                Map.of("username", user, "password", user.equals("admin") ? CalendarDeploy.OPERATOR_PASSWORD : CalendarDeploy.PASSWORD));
        assertEquals(200, token.status(), token.body());
        return platform.http().newSession().withBearer(token.json().get("token").asText());
    }

    /** Next week's Tuesday (local date), so that the tests never depend on today. */
    static LocalDate nextTuesday() {
        return LocalDate.now(AMS).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusDays(1);
    }

    static String at(LocalDate day, String time) {
        return day.atTime(java.time.LocalTime.parse(time)).atZone(AMS).toOffsetDateTime().toString();
    }

    static Map<String, Object> activity(String title, LocalDate day, Integer capacity, boolean waitlist) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Test vanuit de e2e-test.");
        body.put("category", "bewegen");
        body.put("location", "Dorpshuis De Linde");
        body.put("start", at(day, "10:00"));
        body.put("end", at(day, "11:00"));
        body.put("capacity", capacity);
        body.put("registrationRequired", true);
        body.put("waitlist", waitlist);
        return body;
    }

    static long create(Map<String, Object> body) {
        JsonResponse created = coordinator.post(API + "/activities", body);
        assertEquals(201, created.status(), created.body());
        assertTrue(created.header("Location").orElseThrow().endsWith("/calendar/activities/" + created.json().get("id").asLong()));
        return created.json().get("id").asLong();
    }

    @Test
    void aSeriesWithAnExceptionIsInTheFeedWithRruleExdateAndABumpedSequence() throws Exception {
        LocalDate first = nextTuesday();
        Map<String, Object> body = activity("Nordic walking", first, 12, true);
        body.put("recurrence", "FREQ=WEEKLY;BYDAY=TU;COUNT=6");
        body.put("exceptions", List.of(first.plusWeeks(2).toString()));
        long id = create(body);

        JsonNode detail = visitor.get(API + "/activities/" + id).json();
        List<String> next = new ArrayList<>();
        detail.get("next").forEach(o -> next.add(o.get("start").asText().substring(0, 10)));
        assertEquals(5, next.size(), "six Tuesdays minus the exception: " + next);
        assertFalse(next.contains(first.plusWeeks(2).toString()));

        String feed = text(BASE + "/feed.ics");
        String event = vevent(feed, "activity-" + id + "@lindeholt.samenredzaam");
        assertTrue(event.contains("RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=TU") || event.contains("RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=6"), event);
        assertTrue(event.contains("EXDATE;TZID=Europe/Amsterdam:" + first.plusWeeks(2).toString().replace("-", "") + "T100000"), event);
        assertTrue(event.contains("SEQUENCE:0"), event);
        assertTrue(event.replace("\r\n ", "").contains(platform.baseUri() + BASE + "/activities/" + id), "web address in DESCRIPTION");
        assertTrue(feed.contains("BEGIN:VTIMEZONE") && feed.contains("TZID:Europe/Amsterdam"));

        body.put("title", "Nordic walking (nieuwe tijd)");
        assertEquals(200, coordinator.put(API + "/activities/" + id, body).status());
        assertTrue(vevent(text(BASE + "/feed.ics"), "activity-" + id + "@").contains("SEQUENCE:1"));

        // cancelling one occurrence marks it in the feed with its RECURRENCE-ID
        JsonResponse cancel = coordinator.post(API + "/activities/" + id + "/occurrences/cancel",
                Map.of("start", at(first.plusWeeks(1), "10:00"), "reason", "Regen"));
        assertEquals(200, cancel.status(), cancel.body());
        String after = text(BASE + "/feed.ics");
        assertTrue(after.contains("RECURRENCE-ID;TZID=Europe/Amsterdam:" + first.plusWeeks(1).toString().replace("-", "") + "T100000"), after);
        assertTrue(after.contains("STATUS:CANCELLED"));

        HttpResponse<String> single = get(BASE + "/activities/" + id + "/activity.ics");
        assertEquals(200, single.statusCode());
        assertTrue(single.headers().firstValue("Content-Type").orElse("").startsWith("text/calendar"));
        assertTrue(single.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
    }

    @Test
    void badInputIsAProblemThatNamesEveryField() {
        Map<String, Object> body = activity("", nextTuesday(), 0, true);
        body.put("end", at(nextTuesday(), "09:00"));
        body.put("recurrence", "every tuesday");
        JsonResponse bad = coordinator.post(API + "/activities", body);
        assertEquals(400, bad.status());
        assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());
        JsonNode errors = bad.json().get("errors");
        for (String field : List.of("title", "end", "recurrence", "capacity")) {
            assertNotNull(errors.get(field), field + " in " + bad.body());
        }
        JsonResponse unknown = coordinator.post(API + "/activities", Map.of("title", "x", "colour", "red"));
        assertEquals(400, unknown.status());
        assertNotNull(unknown.json().get("errors").get("colour"));
        JsonResponse noStart = coordinator.post(API + "/activities/3/registrations", Map.of());
        assertEquals(400, noStart.status(), noStart.body());
        assertNotNull(noStart.json().get("errors").get("start"));
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        Map<String, Object> body = activity("Alleen voor coördinatoren", nextTuesday(), 5, true);
        assertEquals(401, visitor.post(API + "/activities", body).status());
        assertEquals(403, resident.post(API + "/activities", body).status());
        long id = create(body);
        String start = at(nextTuesday(), "10:00");
        assertEquals(403, resident.get(API + "/activities/" + id + "/registrations?start=" + q(start)).status(),
                "a resident does not see the participant list");
        assertEquals(403, resident.post(API + "/activities/" + id + "/registrations",
                Map.of("start", start, "name", "Iemand anders", "phone", "0612345678")).status(), "only coordinators register others");
        assertEquals(401, visitor.post(API + "/activities/" + id + "/registrations", Map.of("start", start)).status());
        // the members-only meeting is invisible to visitors, in the list and by id
        JsonNode members = coordinator.get(API + "/activities").json();
        long meeting = -1;
        for (JsonNode o : members) {
            if (o.get("title").asText().equals("Overleg vrijwilligers")) {
                meeting = o.get("activityId").asLong();
            }
        }
        assertTrue(meeting > 0, "the demo has a members-only meeting");
        assertEquals(404, visitor.get(API + "/activities/" + meeting).status());
        assertFalse(visitor.get(API + "/activities").body().contains("Overleg vrijwilligers"));
        assertEquals(200, resident.get(API + "/activities/" + meeting).status());
    }

    @Test
    void twoPeopleCannotTakeTheLastPlaceOverHttp() throws Exception {
        long id = create(activity("Fietsles (3 plaatsen)", nextTuesday(), 3, false));
        String start = at(nextTuesday(), "10:00");
        int people = 10;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(people);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < people; i++) {
                String name = "Deelnemer " + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return coordinator.post(API + "/activities/" + id + "/registrations",
                            Map.of("start", start, "name", name, "phone", "06123456" + (10 + people))).status();
                }));
            }
            go.countDown();
            int created = 0;
            int full = 0;
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : answers) {
                int status = f.get(60, TimeUnit.SECONDS);
                statuses.add(status);
                if (status == 201) {
                    created++;
                } else if (status == 409) {
                    full++;
                }
            }
            assertEquals(3, created, "exactly the capacity gets a place: " + statuses + "\n"
                    + coordinator.get(API + "/activities/" + id + "/registrations?start=" + q(start)).body());
            assertEquals(7, full);
        } finally {
            pool.shutdownNow();
        }
        JsonNode list = coordinator.get(API + "/activities/" + id + "/registrations?start=" + q(start)).json();
        assertEquals(3, list.size());
    }

    @Test
    void aFreedPlaceGoesToTheWaitlistAndAttendanceIsRecorded() {
        long id = create(activity("Computercursus (1 plaats)", nextTuesday(), 1, true));
        String start = at(nextTuesday(), "10:00");
        JsonResponse mine = resident.post(API + "/activities/" + id + "/registrations", Map.of("start", start));
        assertEquals(201, mine.status(), mine.body());
        JsonResponse waitingFirst = resident2.post(API + "/activities/" + id + "/registrations", Map.of("start", start));
        assertEquals(201, waitingFirst.status(), waitingFirst.body());
        assertEquals("REGISTERED", mine.json().get("status").asText());
        assertEquals("WAITLISTED", waitingFirst.json().get("status").asText());
        JsonResponse onBehalf = coordinator.post(API + "/activities/" + id + "/registrations",
                Map.of("start", start, "name", "Mevrouw Postma", "phone", "0512 345 678"));
        assertEquals("WAITLISTED", onBehalf.json().get("status").asText());
        assertTrue(onBehalf.json().get("onBehalf").asBoolean());

        // someone else may not cancel it; the resident may
        long registration = mine.json().get("id").asLong();
        assertEquals(404, resident2.delete(API + "/registrations/" + registration).status());
        assertEquals("CANCELLED", resident.delete(API + "/registrations/" + registration).json().get("status").asText());

        JsonNode list = coordinator.get(API + "/activities/" + id + "/registrations?start=" + q(start)).json();
        Map<String, String> byName = new HashMap<>();
        list.forEach(r -> byName.put(r.get("name").asText(), r.get("status").asText()));
        assertEquals("REGISTERED", byName.get("Truus Bakker-Visser (inwoner)"), list.toString());
        assertEquals("WAITLISTED", byName.get("Mevrouw Postma"));

        // attendance is for the day itself: next week's occurrence is refused with a reason
        long truus = 0;
        for (JsonNode r : list) {
            if (r.get("status").asText().equals("REGISTERED")) {
                truus = r.get("id").asLong();
            }
        }
        JsonResponse early = coordinator.put(API + "/registrations/" + truus + "/attendance", Map.of("present", true));
        assertEquals(409, early.status(), early.body());
        assertEquals(400, coordinator.put(API + "/registrations/" + truus + "/attendance", Map.of()).status());
    }

    @Test
    void readingAParticipantListIsInTheAuditLog() throws Exception {
        long id = create(activity("Voorleesmiddag", nextTuesday(), 10, true));
        String start = at(nextTuesday(), "10:00");
        assertEquals(200, coordinator.get(API + "/activities/" + id + "/registrations?start=" + q(start)).status());
        // the audit log is for admins with two-step verification: the demo's beheerder2 and its documented secret
        JsonResponse token = platform.http().newSession().post("/api/v1/auth/token", Map.of("username",
                nl.samenredzaam.e2e.identity.AccountTesting.TOTP_ADMIN, "password", CalendarDeploy.PASSWORD, "code",
                nl.samenredzaam.e2e.identity.AccountTesting.totp(nl.samenredzaam.e2e.identity.AccountTesting.DEMO_TOTP_SECRET, 0)));
        assertEquals(200, token.status(), token.body());
        HttpJson admin = platform.http().newSession().withBearer(token.json().get("token").asText());
        JsonResponse log = admin.get("/api/v1/lindeholt/audit?type=calendar.participants&limit=50");
        assertEquals(200, log.status(), log.body());
        boolean found = false;
        for (var e : log.json().path("entries")) {
            if (e.path("recordId").asText().startsWith(id + "@")) {
                assertEquals("READ", e.path("action").asText());
                assertEquals("coordination", e.path("purpose").asText());
                found = true;
            }
        }
        assertTrue(found, log.body());
    }

    @Test
    void theProgrammeIsAPdf() throws Exception {
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.baseUri().resolve(BASE
                + "/programme.pdf?view=month")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void anotherInitiativeNeverSeesLindeholtsActivities() {
        HttpJson operator = as("admin");
        JsonResponse made = operator.post("/api/v1/platform/initiatives", Map.of("slug", "ander-dorp", "name", "Ander Dorp"));
        assertTrue(made.status() == 201 || made.status() == 409, made.body());
        assertEquals(200, operator.put("/api/v1/ander-dorp/modules/calendar", Map.of("enabled", true)).status());
        long lindeholtActivity = create(activity("Alleen in Lindeholt", nextTuesday(), 5, true));
        JsonResponse list = visitor.get("/api/v1/ander-dorp/calendar/activities");
        assertEquals(200, list.status(), list.body());
        assertEquals(0, list.json().size(), list.body());
        assertEquals(404, visitor.get("/api/v1/ander-dorp/calendar/activities/" + lindeholtActivity).status());
        assertEquals(403, coordinator.post("/api/v1/ander-dorp/calendar/activities",
                activity("Inbraak", nextTuesday(), 5, true)).status(), "a Lindeholt coordinator has no say in another initiative");
        int across = coordinator.get("/api/v1/ander-dorp/calendar/activities/" + lindeholtActivity + "/registrations?start="
                + q(at(nextTuesday(), "10:00"))).status();
        assertTrue(across == 403 || across == 404, "no participant list across initiatives: " + across);
        assertFalse(text("/ander-dorp/calendar/feed.ics").contains("Alleen in Lindeholt"));
    }

    // ---- helpers ----

    /** A time for a query string: the offset's + would otherwise be read as a space. */
    static String q(String time) {
        return java.net.URLEncoder.encode(time, java.nio.charset.StandardCharsets.UTF_8);
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(platform.baseUri().resolve(path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String text(String path) {
        try {
            HttpResponse<String> r = get(path);
            assertEquals(200, r.statusCode(), path + ": " + r.body());
            return r.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The first VEVENT block with this UID. */
    static String vevent(String feed, String uid) {
        for (String block : feed.split("BEGIN:VEVENT")) {
            if (block.contains("UID:" + uid)) {
                return block.substring(0, block.indexOf("END:VEVENT"));
            }
        }
        throw new AssertionError("no VEVENT with UID " + uid + " in\n" + feed);
    }
}
