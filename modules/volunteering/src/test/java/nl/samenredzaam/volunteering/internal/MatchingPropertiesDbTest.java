package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.testing.property.Tries;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;
import nl.samenredzaam.volunteering.internal.ProfileRepository.ProfileInput;
import nl.samenredzaam.volunteering.internal.Requests.Policy;
import nl.samenredzaam.volunteering.internal.db.TestDb;
import nl.samenredzaam.volunteering.internal.matching.Ranking;
import nl.samenredzaam.volunteering.internal.matching.Slots;
import nl.samenredzaam.volunteering.internal.matching.Suggestion;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/**
 * Matching on real databases with random volunteers in two initiatives that share user ids: a
 * suggestion is always a volunteer with an active (not paused) profile in the request's own
 * initiative, never the resident, never someone without a valid VOG (valid in this initiative)
 * when the request needs one, shown with this initiative's profile; and everyone eligible is
 * suggested up to the limit.
 */
class MatchingPropertiesDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);
    static final String[] CATEGORIES = {"boodschappen", "vervoer", "gezelschap", "klussen"};
    static final String[] AREAS = {"Dorpskern", "Buitengebied", "Nieuwbouw"};

    private final RequestRepository requests = new RequestRepository();
    private final ProfileRepository profiles = new ProfileRepository();
    private final Requests service = new Requests(requests, profiles, Notifier.NONE, Clock.fixed(NOW, ZoneOffset.UTC));

    /** A profile as the test made it. */
    record Made(boolean active, VogStatus vog, LocalDate issued, String name) {
        boolean vogValid() {
            return VogStatus.isValid(vog, issued, TODAY);
        }
    }

    private Map<Long, Made> volunteers(Random random, Sql sql, String prefix) {
        Map<Long, Made> made = new HashMap<>();
        for (long user = 1; user <= 12; user++) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            boolean active = random.nextInt(4) != 0;
            VogStatus vog = VogStatus.values()[random.nextInt(VogStatus.values().length)];
            LocalDate issued = random.nextInt(4) == 0 ? null : TODAY.minusDays(random.nextInt(365 * 4) - 30);
            String name = prefix + " vrijwilliger " + user;
            Set<String> skills = Set.of(CATEGORIES[random.nextInt(CATEGORIES.length)]);
            List<String> areas = random.nextBoolean() ? List.of() : List.of(AREAS[random.nextInt(AREAS.length)]);
            profiles.save(sql, user, new ProfileInput(name, skills, "", random.nextInt(Slots.ALL + 1), areas, random.nextBoolean(),
                    "Nederlands", active), NOW);
            profiles.saveVog(sql, user, vog, issued, "45", NOW);
            made.put(user, new Made(active, vog, issued, name));
        }
        return made;
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void matchingProposesOnlyAvailableVolunteersOfTheOwnInitiative(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        Tries.run("matching on " + dialect, 20261126L, Tries.count(20), random -> {
            long a = db.newInitiative();
            long b = db.newInitiative();
            Map<Long, Made> mine = db.transaction(a, sql -> volunteers(random, sql, "A"));
            db.transaction(b, sql -> volunteers(random, sql, "B"));
            long resident = 1 + random.nextInt(12);
            boolean vulnerable = random.nextBoolean();
            WhenKind when = WhenKind.values()[random.nextInt(WhenKind.values().length)];
            NewRequest request = new NewRequest(CATEGORIES[random.nextInt(CATEGORIES.length)], "Hulp gevraagd", resident,
                    "Inwoner " + resident, "06 12345678", "Lindelaan 12", AREAS[random.nextInt(AREAS.length)], when,
                    when == WhenKind.DATE ? TODAY.plusDays(3) : null, when == WhenKind.RECURRING ? 1 + random.nextInt(7) : null,
                    random.nextBoolean() ? 600 : null, random.nextBoolean() ? 900 : null, Urgency.NORMAL, vulnerable,
                    Visibility.VOLUNTEERS, true, null, null, null, null);
            Viewer coordinator = new Viewer(99, "Coördinator", true, false, false);
            long id = db.transaction(a, sql -> service.create(sql, coordinator, request, Policy.DEFAULT));
            int limit = 1 + random.nextInt(12);
            Ranking ranking = db.transaction(a, sql -> new Matching(requests, profiles).suggest(sql,
                    requests.find(sql, id).orElseThrow(), TODAY, limit));
            List<Long> eligible = new ArrayList<>();
            mine.forEach((user, m) -> {
                if (m.active() && user != resident && (!vulnerable || m.vogValid())) {
                    eligible.add(user);
                }
            });
            String what = "resident " + resident + ", vulnerable " + vulnerable + ", limit " + limit + ", A: " + mine;
            for (Suggestion s : ranking.suggestions()) {
                long user = s.candidate().userId();
                Made m = mine.get(user);
                assertTrue(m != null, "user " + user + " has no profile in this initiative: " + what);
                assertTrue(m.active(), "user " + user + " is paused: " + what);
                assertTrue(user != resident, "the resident helps themselves: " + what);
                assertTrue(!vulnerable || m.vogValid(), "user " + user + " has no valid VOG here: " + what);
                assertEquals(m.name(), s.candidate().name(), "this initiative's profile");
            }
            assertEquals(Math.min(limit, eligible.size()), ranking.suggestions().size(), what);
        });
    }
}
