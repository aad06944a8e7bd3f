package nl.samenredzaam.core.internal.initiative;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;

import nl.samenredzaam.api.data.Rows;
import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.internal.db.BothDatabases;
import nl.samenredzaam.core.internal.db.TestDb;

/** {@link InitiativeServiceImpl} on both databases. */
class InitiativeServiceImplTest {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Instant NOW = Instant.parse("2025-05-01T10:15:30Z");

    private TestDb db;
    private InitiativeServiceImpl service;

    @BeforeEach
    void open(TestDb db) {
        this.db = db;
        this.service = InitiativeServiceImpl.standalone(db.db, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String slug(String base) {
        return base + "-" + SEQ.incrementAndGet();
    }

    @BothDatabases
    void createsAndFindsAnInitiative() {
        String slug = slug("dorpzorg-lindeholt");
        Initiative created = service.create(slug, "  Dorpszorg Lindeholt  ");
        assertEquals(new Initiative(created.id(), slug, "Dorpszorg Lindeholt", false), created, "name stripped");
        assertTrue(created.id() > 0);
        assertEquals(Optional.of(created), service.bySlug(slug));
        assertEquals(Optional.of(created), service.byId(created.id()));
        Instant stored = db.db.global(sql -> sql.first("select created_at from platform_initiative where id = :id",
                r -> Rows.instant(r, "created_at"), "id", created.id())).orElseThrow();
        assertEquals(NOW, stored);
    }

    @BothDatabases
    void unknownSlugOrIdIsEmpty() {
        assertEquals(Optional.empty(), service.bySlug(slug("nobody")));
        assertEquals(Optional.empty(), service.byId(Long.MAX_VALUE));
        assertEquals(Optional.empty(), service.bySlug("Not A Slug"));
        assertEquals(Optional.empty(), service.bySlug(null));
    }

    @BothDatabases
    void slugLookedUpBeforeCreationIsFoundAfterwards() {
        String slug = slug("later");
        assertEquals(Optional.empty(), service.bySlug(slug)); // the miss is cached ...
        Initiative created = service.create(slug, "Later");
        assertEquals(Optional.of(created), service.bySlug(slug)); // ... and forgotten on create
    }

    @BothDatabases
    void listsByNameWithoutArchivedUnlessAsked() {
        Initiative gamma = service.create(slug("gamma"), "Gamma buurtzorg");
        Initiative alpha = service.create(slug("alpha"), "Alpha buurtzorg");
        Initiative beta = service.create(slug("beta"), "Beta buurtzorg");
        service.setArchived(beta.id(), true);
        List<Long> mine = List.of(alpha.id(), beta.id(), gamma.id());

        assertEquals(List.of(alpha.id(), gamma.id()), ids(service.list(false), mine));
        assertEquals(List.of(alpha.id(), beta.id(), gamma.id()), ids(service.list(true), mine));
        assertTrue(service.list(true).stream().filter(i -> i.id() == beta.id()).allMatch(Initiative::archived));
    }

    @BothDatabases
    void renameChangesTheNameAndTheCachedLookup() {
        String slug = slug("buurthulp");
        Initiative created = service.create(slug, "Buurthulp");
        assertEquals("Buurthulp", service.bySlug(slug).orElseThrow().name()); // cached now

        Initiative renamed = service.rename(created.id(), " Buurthulp Oost ");
        assertEquals(new Initiative(created.id(), slug, "Buurthulp Oost", false), renamed);
        assertEquals("Buurthulp Oost", service.bySlug(slug).orElseThrow().name());
        assertEquals("Buurthulp Oost", service.byId(created.id()).orElseThrow().name());
    }

    @BothDatabases
    void archiveAndRestoreUpdateTheCachedLookup() {
        String slug = slug("zorgcooperatie");
        Initiative created = service.create(slug, "Zorgcoöperatie Hoogeloon");
        assertFalse(service.bySlug(slug).orElseThrow().archived());

        assertTrue(service.setArchived(created.id(), true).archived());
        assertTrue(service.bySlug(slug).orElseThrow().archived());
        assertFalse(service.setArchived(created.id(), false).archived());
        assertFalse(service.bySlug(slug).orElseThrow().archived());
    }

    @BothDatabases
    void lookupsAreCachedUntilInvalidated() {
        String slug = slug("cached");
        Initiative created = service.create(slug, "Cached");
        service.bySlug(slug);
        // another node renames it behind this node's back
        db.db.global(sql -> sql.update("update platform_initiative set name = :n where id = :id", "n", "Elders", "id", created.id()));
        assertEquals("Cached", service.bySlug(slug).orElseThrow().name());
        service.invalidateAll();
        assertEquals("Elders", service.bySlug(slug).orElseThrow().name());
    }

    @BothDatabases
    void badSlugIsAFieldError() {
        List<String> bad = Arrays.asList(null, "", "Hoofdletters", "met spatie", "-begint-met-streep", "eindigt-met-streep-",
                "under_score", "punt.nl", "é", "a".repeat(64));
        assertAll(bad.stream().map(slug -> () -> {
            ProblemException e = assertThrows(ProblemException.class, () -> service.create(slug, "Goede naam"), "slug " + slug);
            assertEquals(400, e.status());
            assertEquals(List.of("slug"), List.copyOf(e.fieldErrors().keySet()));
            assertTrue(e.fieldErrors().get("slug").contains("use 1 to 63"), e.fieldErrors().toString());
            assertEquals(Optional.empty(), service.bySlug(slug));
        }));
    }

    @BothDatabases
    void reservedSlugIsAFieldError() {
        List<String> reserved = List.of("api", "platform", "assets", "health", "login", "logout", "beheer", "admin", "static", "www");
        assertAll(reserved.stream().map(slug -> () -> {
            ProblemException e = assertThrows(ProblemException.class, () -> service.create(slug, "Goede naam"), "slug " + slug);
            assertEquals(400, e.status());
            assertEquals(Map.of("slug", "Deze naam is gereserveerd / this name is reserved"), e.fieldErrors());
            assertEquals(Optional.empty(), service.bySlug(slug));
        }));
    }

    @BothDatabases
    void longestAndShortestValidSlugsAreAccepted() {
        String longest = ("x" + SEQ.incrementAndGet() + "-").repeat(30).substring(0, 62) + "z";
        assertEquals(63, longest.length());
        assertEquals(longest, service.create(longest, "Lang").slug());
        // each class run has its own database, so this one-letter slug is free
        assertEquals("q", service.create("q", "Kort").slug());
    }

    @BothDatabases
    void badNameIsAFieldErrorAndAllProblemsAreReportedTogether() {
        ProblemException e = assertThrows(ProblemException.class, () -> service.create("API", " x "));
        assertEquals(400, e.status());
        assertEquals(java.util.Set.of("slug", "name"), e.fieldErrors().keySet());

        ProblemException tooLong = assertThrows(ProblemException.class, () -> service.create(slug("lang"), "n".repeat(201)));
        assertEquals(List.of("name"), List.copyOf(tooLong.fieldErrors().keySet()));
        assertThrows(ProblemException.class, () -> service.create(slug("leeg"), null));

        Initiative created = service.create(slug("naam"), "Goed");
        ProblemException rename = assertThrows(ProblemException.class, () -> service.rename(created.id(), " "));
        assertEquals(400, rename.status());
        assertEquals(List.of("name"), List.copyOf(rename.fieldErrors().keySet()));
        assertEquals("Goed", service.byId(created.id()).orElseThrow().name());
    }

    @BothDatabases
    void duplicateSlugIsAConflict() {
        String slug = slug("dubbel");
        Initiative first = service.create(slug, "Eerste");
        ProblemException e = assertThrows(ProblemException.class, () -> service.create(slug, "Tweede"));
        assertEquals(409, e.status());
        assertEquals(Optional.of(first), service.bySlug(slug));
        assertEquals(1, service.list(true).stream().filter(i -> i.slug().equals(slug)).count());
    }

    @BothDatabases
    void changingAnUnknownInitiativeIsNotFound() {
        assertEquals(404, assertThrows(ProblemException.class, () -> service.rename(Long.MAX_VALUE, "Niemand")).status());
        assertEquals(404, assertThrows(ProblemException.class, () -> service.setArchived(Long.MAX_VALUE, true)).status());
    }

    private static List<Long> ids(List<Initiative> listed, List<Long> mine) {
        return listed.stream().map(Initiative::id).filter(mine::contains).toList();
    }
}
