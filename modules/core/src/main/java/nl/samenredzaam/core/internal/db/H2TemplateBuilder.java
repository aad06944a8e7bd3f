package nl.samenredzaam.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import com.zaxxer.hikari.HikariDataSource;

import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Build step (runtime/pom.xml, after bnd has exported samenredzaam.jar): makes the {@link H2Template}.
 * It runs the changelogs of the bundles inside the exported jar, in the order a first start runs
 * them (core's platform changelog when core activates, then each bundle's as it starts: bnd's
 * launcher installs them sorted by name and Felix starts a level in that order), through the same
 * {@link Migrator} and connection settings as the runtime, so the file holds exactly what a first
 * start would have made, checksums of the fast path included. Then {@code SHUTDOWN COMPACT}.
 *
 * <p>Runs on a plain class path, not in OSGi: each bundle's changelog is read through a class loader
 * over that bundle's jar alone (parent: none), like {@code Bundle.getEntry}. StartupIT checks that
 * Liquibase, run again on a database made from the template, finds every change set already applied.
 *
 * <pre>java -cp &lt;core, Liquibase, H2, HikariCP, SLF4J&gt; nl.samenredzaam.core.internal.db.H2TemplateBuilder samenredzaam.jar out/samenredzaam</pre>
 */
public final class H2TemplateBuilder {

    private static final String CORE = "nl.samenredzaam.core";

    private H2TemplateBuilder() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: H2TemplateBuilder <samenredzaam.jar> <database file without .mv.db>");
            System.exit(2);
        }
        build(Path.of(args[0]), Path.of(args[1]).toAbsolutePath());
    }

    record Shipped(String symbolicName, String changelog, Path jar) {
    }

    static void build(Path runtimeJar, Path database) throws Exception {
        Path work = Files.createTempDirectory("h2-template");
        try {
            List<Shipped> bundles = shipped(runtimeJar, work);
            Shipped core = bundles.stream().filter(b -> b.symbolicName().equals(CORE)).findFirst()
                    .orElseThrow(() -> new IllegalStateException(runtimeJar + " holds no " + CORE));
            Files.createDirectories(database.getParent());
            Files.deleteIfExists(database.resolveSibling(database.getFileName() + H2Template.EXTENSION));
            try (HikariDataSource pool = ConnectionPool.create(DatabaseSettings.h2(database, 2))) {
                migrate(pool, core.jar(), DatabaseComponent.CORE_CHANGELOG);
                for (Shipped b : bundles) {
                    if (b.changelog() != null && !b.symbolicName().equals(CORE)) {
                        migrate(pool, b.jar(), b.changelog());
                    }
                }
            }
            try (Connection c = DriverManager.getConnection(DatabaseSettings.h2Url(database), "sa", "");
                    Statement s = c.createStatement()) {
                s.execute("SHUTDOWN COMPACT");
            }
            System.out.println("H2 template: " + database + H2Template.EXTENSION + " ("
                    + Files.size(database.resolveSibling(database.getFileName() + H2Template.EXTENSION)) + " bytes)");
        } finally {
            try (var files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void migrate(HikariDataSource pool, Path bundleJar, String changelog) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {bundleJar.toUri().toURL()}, null)) {
            Migrator.migrate(pool, () -> new ClassLoaderResourceAccessor(loader), path -> loader.getResourceAsStream(path), changelog);
        }
        System.out.println("H2 template: migrated " + changelog);
    }

    /** The bundles bnd embedded under {@code jar/}, sorted by symbolic name, each copied out to {@code work}. */
    static List<Shipped> shipped(Path runtimeJar, Path work) throws IOException {
        List<Shipped> bundles = new ArrayList<>();
        try (JarFile outer = new JarFile(runtimeJar.toFile())) {
            for (Enumeration<JarEntry> e = outer.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (!entry.getName().startsWith("jar/") || !entry.getName().endsWith(".jar")) {
                    continue;
                }
                Path copy = work.resolve(entry.getName().substring("jar/".length()));
                try (InputStream in = outer.getInputStream(entry)) {
                    Files.copy(in, copy);
                }
                Manifest manifest;
                try (JarFile bundle = new JarFile(copy.toFile())) {
                    manifest = bundle.getManifest();
                }
                Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
                String bsn = main.getValue("Bundle-SymbolicName");
                if (bsn == null) {
                    continue;
                }
                String changelog = main.getValue(MigrationStatus.HEADER);
                bundles.add(new Shipped(bsn.split(";")[0].trim(), changelog == null || changelog.isBlank() ? null : changelog.trim(), copy));
            }
        }
        bundles.sort(Comparator.comparing(Shipped::symbolicName));
        return bundles;
    }
}
