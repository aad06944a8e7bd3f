package nl.samenredzaam.core.internal.initiative;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import nl.samenredzaam.api.initiative.Initiative;
import nl.samenredzaam.api.web.ProblemException;
import nl.samenredzaam.core.platform.ClusterEvents;
import nl.samenredzaam.core.platform.DataAccessException;
import nl.samenredzaam.core.platform.InitiativeService;
import nl.samenredzaam.core.platform.PlatformDatabase;

/** Initiatives in {@code platform_initiative}, with the slug lookup of every request cached. */
@Component(service = InitiativeService.class)
public final class InitiativeServiceImpl implements InitiativeService {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    /** First URL segments the platform itself uses. */
    static final Set<String> RESERVED = Set.of("api", "platform", "assets", "health", "metrics", "login", "logout",
            "account", "static", "favicon.ico", "robots.txt", "beheer", "admin", "www", "wachtwoord-vergeten",
            "wachtwoord-herstellen");

    private static final String COLUMNS = "select id, slug, name, archived from platform_initiative ";

    private final PlatformDatabase db;
    private final Clock clock;
    private final Map<String, Optional<Initiative>> bySlug = new ConcurrentHashMap<>();

    private final ClusterEvents cluster;
    private final List<AutoCloseable> subscriptions = new java.util.ArrayList<>();

    @Activate
    public InitiativeServiceImpl(@Reference PlatformDatabase db, @Reference ClusterEvents cluster) {
        this(db, Clock.systemUTC(), cluster);
        subscriptions.add(cluster.subscribe(ClusterEvents.INITIATIVE, x -> invalidateAll()));
        subscriptions.add(cluster.subscribe(ClusterEvents.RESYNC, x -> invalidateAll()));
    }

    @Deactivate
    void deactivate() throws Exception {
        for (AutoCloseable s : subscriptions) {
            s.close();
        }
    }

    /**
     * Without a framework (tests, tools): one node, the given clock. A factory, not a constructor,
     * so that Declarative Services sees exactly one two-argument constructor.
     */
    public static InitiativeServiceImpl standalone(PlatformDatabase db, Clock clock) {
        return new InitiativeServiceImpl(db, clock, null);
    }

    InitiativeServiceImpl(PlatformDatabase db, Clock clock, ClusterEvents cluster) {
        this.db = db;
        this.clock = clock;
        this.cluster = cluster;
    }

    @Override
    public List<Initiative> list(boolean includeArchived) {
        return db.global(sql -> sql.list(COLUMNS + (includeArchived ? "" : "where archived = false ") + "order by name",
                InitiativeServiceImpl::map));
    }

    @Override
    public Optional<Initiative> bySlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            return Optional.empty();
        }
        return bySlug.computeIfAbsent(slug,
                s -> db.global(sql -> sql.first(COLUMNS + "where slug = :slug", InitiativeServiceImpl::map, "slug", s)));
    }

    @Override
    public Optional<Initiative> byId(long id) {
        return db.global(sql -> sql.first(COLUMNS + "where id = :id", InitiativeServiceImpl::map, "id", id));
    }

    @Override
    public Initiative create(String slug, String name) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (slug == null || !SLUG.matcher(slug).matches()) {
            problems.put("slug", "Gebruik 1 tot 63 kleine letters, cijfers of streepjes / use 1 to 63 lower case letters, digits or dashes");
        } else if (RESERVED.contains(slug)) {
            problems.put("slug", "Deze naam is gereserveerd / this name is reserved");
        }
        String cleanName = validName(name, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        long id;
        try {
            id = db.global(sql -> {
                if (sql.first("select id from platform_initiative where slug = :slug", r -> r.getLong(1), "slug", slug).isPresent()) {
                    throw slugTaken();
                }
                return sql.insert("insert into platform_initiative (slug, name, archived, created_at) values (:slug, :name, false, :now)",
                        "slug", slug, "name", cleanName, "now", clock.instant());
            });
        } catch (DataAccessException e) {
            if (e.isUniqueViolation()) {
                throw slugTaken(); // created at the same moment by another request
            }
            throw e;
        }
        bySlug.remove(slug);
        tellOthers();
        return new Initiative(id, slug, cleanName, false);
    }

    @Override
    public Initiative rename(long id, String name) {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = validName(name, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        int changed = db.global(sql -> sql.update("update platform_initiative set name = :name where id = :id", "name", cleanName, "id", id));
        return afterChange(id, changed);
    }

    @Override
    public Initiative setArchived(long id, boolean archived) {
        int changed = db.global(sql -> sql.update("update platform_initiative set archived = :archived where id = :id",
                "archived", archived, "id", id));
        return afterChange(id, changed);
    }

    /** Forgets cached lookups, e.g. after another node changed an initiative. */
    public void invalidateAll() {
        bySlug.clear();
    }

    private Initiative afterChange(long id, int changed) {
        if (changed == 0) {
            throw ProblemException.notFound();
        }
        Initiative updated = byId(id).orElseThrow(ProblemException::notFound);
        bySlug.remove(updated.slug());
        tellOthers();
        return updated;
    }

    private static ProblemException slugTaken() {
        return ProblemException.conflict("Er is al een initiatief met deze naam in de URL / an initiative with this slug exists");
    }

    private void tellOthers() {
        if (cluster != null) {
            cluster.publish(ClusterEvents.INITIATIVE, "");
        }
    }

    private static String validName(String name, Map<String, String> problems) {
        String clean = name == null ? "" : name.strip();
        if (clean.length() < 2 || clean.length() > 200) {
            problems.put("name", "Geef een naam van 2 tot 200 tekens / give a name of 2 to 200 characters");
        }
        return clean;
    }

    private static Initiative map(ResultSet r) throws SQLException {
        return new Initiative(r.getLong("id"), r.getString("slug"), r.getString("name"), r.getBoolean("archived"));
    }
}
