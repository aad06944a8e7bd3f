package nl.samenredzaam.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The embedded database of a first start, already migrated. The build runs every changelog shipped
 * in samenredzaam.jar with Liquibase against an empty H2 file ({@link H2TemplateBuilder}) and puts the
 * result in the jar; the launcher passes its address as {@value #PROPERTY}. When there is no database
 * yet, core copies it into the data directory before opening the pool. The template records each
 * changelog's checksum, so {@link Migrator}'s fast path then skips Liquibase for every unchanged
 * changelog, and runs it as usual for a changed or new one (an uploaded module, a newer build).
 *
 * <p>Why: Liquibase's first run and the eight changelogs were the largest part of a first start
 * (about 1.5 s of 4.3 s on two cores, docs/performance.md). PostgreSQL is always migrated in place.
 */
final class H2Template {

    /** Framework property: the URL of the template (a {@code jar:} URL into samenredzaam.jar). */
    static final String PROPERTY = "samenredzaam.h2.template";
    /** H2's file extension. */
    static final String EXTENSION = ".mv.db";

    private H2Template() {
    }

    /**
     * Copies the template to {@code <database>.mv.db} when that file does not exist yet; never replaces a database.
     *
     * @param database the H2 database, without extension (as in its URL)
     * @param template the template's URL, or {@code null}/blank when this runtime has none
     * @return whether the template was copied
     */
    static boolean installIfNew(Path database, String template) throws IOException {
        if (template == null || template.isBlank()) {
            return false;
        }
        Path target = database.resolveSibling(database.getFileName() + EXTENSION);
        if (Files.exists(target)) {
            return false;
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path partial = Files.createTempFile(target.toAbsolutePath().getParent(), "template-", ".part");
        try {
            URLConnection connection = new URL(template).openConnection();
            connection.setUseCaches(false); // a cached JarURLConnection would keep the jar open
            try (InputStream in = connection.getInputStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            // all or nothing: a start killed half-way leaves no half database behind
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false; // created meanwhile (a second process on the same data dir fails on H2's lock anyway)
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
