package nl.samenredzaam.volunteering.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import nl.samenredzaam.api.data.Sql;
import nl.samenredzaam.testing.property.Tries;
import nl.samenredzaam.volunteering.api.HelpRequestStatus.State;
import nl.samenredzaam.volunteering.internal.HelpRequest.Urgency;
import nl.samenredzaam.volunteering.internal.HelpRequest.Visibility;
import nl.samenredzaam.volunteering.internal.HelpRequest.WhenKind;
import nl.samenredzaam.volunteering.internal.ProfileRepository.ProfileInput;
import nl.samenredzaam.volunteering.internal.db.TestDb;
import nl.samenredzaam.volunteering.internal.matching.VogStatus;

/**
 * Random help requests and volunteer profiles in two initiatives with the same residents, names
 * and volunteers, on real H2 and PostgreSQL: every read of the request and profile repositories in
 * one initiative returns only that initiative's rows, whatever ids of the other it is given, and
 * writes aimed at the other's ids or users change nothing there.
 */
class CrossInitiativePropertiesDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final String[] NAMES = {"Gerrit de Boer", "Truus Bakker"};

    private final RequestRepository requests = new RequestRepository();
    private final ProfileRepository profiles = new ProfileRepository();

    private Set<Long> fill(Random random, TestDb db, long initiative) {
        Set<Long> ids = new HashSet<>();
        db.transaction(initiative, sql -> {
            for (long user = 4; user <= 6; user++) {
                if (random.nextBoolean()) {
                    profiles.save(sql, user, new ProfileInput("Vrijwilliger " + user, Set.of("boodschappen"), "", 0, List.of(), false,
                            "Nederlands", random.nextBoolean()), NOW);
                    profiles.saveVog(sql, user, VogStatus.ISSUED, LocalDate.of(2024, 1, 1 + random.nextInt(28)), "45", NOW);
                }
            }
            int n = 1 + random.nextInt(4);
            for (int i = 0; i < n; i++) {
                long resident = 1 + random.nextInt(3);
                boolean onBehalf = random.nextBoolean();
                String name = NAMES[random.nextInt(NAMES.length)];
                NewRequest r = new NewRequest("boodschappen", "Boodschappen bij de Spar", onBehalf ? null : resident, name,
                        "06 12345678", "Lindelaan 12", "Dorpskern", WhenKind.DATE, LocalDate.of(2026, 11, 1 + random.nextInt(28)), null,
                        null, null, Urgency.NORMAL, false, Visibility.VOLUNTEERS, onBehalf, null, null, null, null);
                State state = random.nextBoolean() ? State.OPEN : State.SUBMITTED;
                ids.add(requests.insert(sql, r, state, 1L, "Ria", NOW));
            }
            return null;
        });
        return ids;
    }

    @ParameterizedTest
    @EnumSource(Sql.Dialect.class)
    void noReadReturnsAnotherInitiativesRows(Sql.Dialect dialect) {
        TestDb db = TestDb.of(dialect);
        Tries.run("no cross-initiative help requests on " + dialect, 13L, Tries.count(15), random -> {
            long a = db.newInitiative();
            long b = db.newInitiative();
            Set<Long> mine = fill(random, db, a);
            Set<Long> theirs = fill(random, db, b);
            check(db, a, mine, b, theirs);
            check(db, b, theirs, a, mine);
        });
    }

    private void check(TestDb db, long initiative, Set<Long> mine, long other, Set<Long> theirs) {
        Map<Long, HelpRequest> before = new HashMap<>();
        for (long id : theirs) {
            before.put(id, db.transaction(other, sql -> requests.find(sql, id)).orElseThrow());
        }
        List<Profile> theirProfiles = db.transaction(other, sql -> profiles.all(sql));
        db.transaction(initiative, sql -> {
            Set<Long> seen = new HashSet<>();
            requests.all(sql, null).forEach(r -> seen.add(r.id()));
            for (State s : State.values()) {
                requests.all(sql, s).forEach(r -> seen.add(r.id()));
            }
            requests.openForVolunteers(sql).forEach(r -> seen.add(r.id()));
            requests.overdue(sql, LocalDate.of(2100, 1, 1)).forEach(r -> seen.add(r.id()));
            seen.addAll(requests.finishedBefore(sql, NOW.plusSeconds(86_400L * 365 * 50)));
            for (long user = 1; user <= 6; user++) {
                requests.assignedTo(sql, user).forEach(r -> seen.add(r.id()));
                requests.ofResident(sql, user).forEach(r -> seen.add(r.id()));
                requests.helpedBy(sql, user).forEach(r -> seen.add(r.id()));
                requests.aboutPerson(sql, user, null).forEach(r -> seen.add(r.id()));
            }
            for (String name : NAMES) {
                requests.aboutPerson(sql, null, name).forEach(r -> seen.add(r.id()));
            }
            assertTrue(mine.containsAll(seen), "requests of another initiative: " + seen + " mine " + mine);
            int total = requests.countByState(sql).values().stream().mapToInt(Integer::intValue).sum();
            assertEquals(mine.size(), total, "counts only the own requests");
            Set<Long> myProfiles = new HashSet<>();
            profiles.all(sql).forEach(p -> myProfiles.add(p.id()));
            for (Profile p : theirProfiles) {
                assertFalse(myProfiles.contains(p.id()), "another initiative's profile");
            }
            for (long id : theirs) {
                assertTrue(requests.find(sql, id).isEmpty(), "find");
                assertFalse(requests.move(sql, id, State.OPEN, State.CANCELLED, Map.of(), null, 1L, NOW), "move");
                assertEquals(0, requests.anonymise(sql, id), "anonymise");
            }
            return null;
        });
        for (long id : theirs) {
            assertEquals(before.get(id), db.transaction(other, sql -> requests.find(sql, id)).orElseThrow(), "unchanged");
        }
        assertEquals(theirProfiles, db.transaction(other, sql -> profiles.all(sql)), "profiles unchanged");
    }
}
