package nl.samenredzaam.wmointake.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.testing.db.DatabaseTest;
import nl.samenredzaam.testing.db.TestDatabase;
import nl.samenredzaam.testing.property.Tries;
import nl.samenredzaam.wmointake.internal.support.FakeDirectory;

/**
 * Random Wmo files in two initiatives with the same residents, names, phone numbers and
 * professionals, on real H2 and PostgreSQL: every read of the file repository in one initiative
 * returns only that initiative's files, whatever ids of the other it is given, and writes aimed at
 * the other's ids change nothing there.
 */
@DatabaseTest(migrations = "db/wmo-intake/changelog.sql")
class CrossInitiativePropertiesDbTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final String[] NAMES = {"Gerrit de Boer", "Truus Bakker", "Wim Kuipers"};

    private final TestDatabase db;
    private final FileRepository files = new FileRepository();

    CrossInitiativePropertiesDbTest(TestDatabase db) {
        this.db = db;
    }

    private Map<Long, FileStatus> fill(Random random, long initiative) {
        Map<Long, FileStatus> made = new HashMap<>();
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            long resident = random.nextBoolean() ? 0 : 40 + random.nextInt(3);
            String name = NAMES[random.nextInt(NAMES.length)];
            long professional = random.nextBoolean() ? FakeDirectory.PROFESSIONAL : FakeDirectory.PROFESSIONAL2;
            MeldingInput in = new MeldingInput(resident == 0 ? null : resident, name, "06 1234 5678",
                    LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28)), Choices.ReportedBy.FAMILIE, "Anja",
                    Choices.Channel.TELEFOON, "Hulp bij het huishouden", true, true, false, random.nextBoolean(), professional, null,
                    FakeDirectory.COORDINATOR);
            long id = db.inInitiative(initiative, sql -> files.create(sql, in, 7, NOW));
            FileStatus status = FileStatus.MELDING;
            if (random.nextInt(3) == 0) {
                status = FileStatus.GESLOTEN;
                db.inInitiative(initiative, sql -> {
                    files.close(sql, id, LocalDate.of(2015, 1, 1), "klaar", 1, NOW);
                    return null;
                });
            }
            made.put(id, status);
        }
        return made;
    }

    @Test
    void noReadReturnsAnotherInitiativesFiles() {
        Tries.run("no cross-initiative Wmo files on " + db.dialect(), 5L, Tries.count(15), random -> {
            long a = db.newInitiative();
            long b = db.newInitiative();
            Map<Long, FileStatus> mine = fill(random, a);
            Map<Long, FileStatus> theirs = fill(random, b);
            check(a, mine.keySet(), b, theirs);
            check(b, theirs.keySet(), a, mine);
        });
    }

    private void check(long initiative, Set<Long> mine, long other, Map<Long, FileStatus> theirs) {
        Map<Long, IntakeFile> before = new HashMap<>();
        for (long id : theirs.keySet()) {
            before.put(id, db.inInitiative(other, sql -> files.find(sql, id)).orElseThrow());
        }
        db.inInitiative(initiative, sql -> {
            Set<Long> seen = new HashSet<>();
            for (long user : new long[] {FakeDirectory.PROFESSIONAL, FakeDirectory.PROFESSIONAL2, FakeDirectory.COORDINATOR}) {
                files.assignedTo(sql, user, true).forEach(f -> seen.add(f.id()));
            }
            for (long resident = 40; resident < 43; resident++) {
                files.ofResident(sql, resident).forEach(f -> seen.add(f.id()));
            }
            files.open(sql).forEach(f -> seen.add(f.id()));
            for (String name : NAMES) {
                files.byName(sql, name, "06 1234 5678").forEach(f -> seen.add(f.id()));
                files.byName(sql, name, null).forEach(f -> seen.add(f.id()));
            }
            seen.addAll(files.expired(sql, LocalDate.of(2100, 1, 1)));
            assertTrue(mine.containsAll(seen), "rows of another initiative: " + seen + " mine " + mine);
            for (long id : theirs.keySet()) {
                assertTrue(files.find(sql, id).isEmpty(), "find");
                assertTrue(files.conversation(sql, id).isEmpty(), "conversation");
                assertTrue(files.links(sql, id).isEmpty(), "links");
                files.setStatus(sql, id, FileStatus.GESLOTEN, NOW);
                files.verslagSent(sql, id, LocalDate.of(2026, 11, 1), NOW);
                files.assign(sql, id, 999L, null, null, NOW);
                assertEquals(0, files.delete(sql, id), "delete");
            }
            return null;
        });
        for (long id : theirs.keySet()) {
            IntakeFile now = db.inInitiative(other, sql -> files.find(sql, id)).orElseThrow();
            assertEquals(before.get(id), now, "the other initiative's file is unchanged");
        }
    }
}
