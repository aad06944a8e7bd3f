package nl.samenredzaam.e2e.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A copy of the exported platform jar with more bundles shipped inside it, as if they were listed in
 * {@code -runbundles}: started by the framework's start-level thread like the built-in modules.
 *
 * <p>What bnd's launcher (7.1.0) needs, found by reading the exported jar: the bundles are stored under
 * {@code jar/}; the launcher installs them in the order of {@code launch.bundles} in
 * {@code launcher.properties} (so the order gives the bundle ids), and takes each bundle's start level from
 * {@code launch.runbundles.attrs} by symbolic name and version. The manifest of the exported jar
 * ({@code Main-Class}, {@code Embedded-Runpath}) has no digests of the entries, so nothing else has to
 * change. The added bundles are put first in {@code launch.bundles}: they get the lowest ids of their
 * level, so Felix's start-level thread starts them before every other bundle of that level (identity,
 * web and the feature modules at level 20).
 */
final class ShippedBundleJar {

    static final String PROPERTIES = "launcher.properties";

    private ShippedBundleJar() {
    }

    /** A bundle to ship: its file name under {@code jar/} and its bytes. */
    record Shipped(String name, byte[] jar) {
    }

    /** Writes {@code target}: {@code platform} with {@code bundle} added as {@code jar/<name>}, first in the list. */
    static Path copyWith(Path platform, byte[] bundle, String name, int startLevel, Path target) {
        return copyWith(platform, startLevel, target, new Shipped(name, bundle));
    }

    /**
     * Writes {@code target}: {@code platform} with {@code bundles} added under {@code jar/} at
     * {@code startLevel}, first in the launcher's list and in the given order (so with the lowest ids).
     */
    static Path copyWith(Path platform, int startLevel, Path target, Shipped... bundles) {
        try (ZipFile in = new ZipFile(platform.toFile()); OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            boolean added = false;
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] data;
                try (InputStream s = in.getInputStream(e)) {
                    data = s.readAllBytes();
                }
                if (e.getName().equals(PROPERTIES)) {
                    data = launcherProperties(data, startLevel, bundles);
                }
                put(out, e.getName(), data);
                if (e.getName().equals("jar/")) {
                    for (Shipped b : bundles) {
                        put(out, "jar/" + b.name(), b.jar());
                    }
                    added = true;
                }
            }
            if (!added) {
                throw new IllegalStateException(platform + " has no jar/ folder: not a jar exported by bnd");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    static byte[] launcherProperties(byte[] original, int startLevel, Shipped... bundles) throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(original));
        String list = p.getProperty("launch.bundles");
        String attrs = p.getProperty("launch.runbundles.attrs");
        if (list == null || attrs == null) {
            throw new IllegalStateException("launcher.properties without launch.bundles or launch.runbundles.attrs");
        }
        StringBuilder first = new StringBuilder();
        StringBuilder levels = new StringBuilder(attrs);
        for (Shipped b : bundles) {
            Attributes main = manifest(b.jar()).getMainAttributes();
            String bsn = main.getValue("Bundle-SymbolicName").split(";")[0].strip();
            String version = main.getValue("Bundle-Version").strip();
            first.append("jar/").append(b.name()).append(',');
            levels.append(',').append(bsn).append(";version=\"").append(version).append("\";startlevel=").append(startLevel);
        }
        p.setProperty("launch.bundles", first + list);
        p.setProperty("launch.runbundles.attrs", levels.toString());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.store(bytes, "with bundles added by an e2e test");
        return bytes.toByteArray();
    }

    /** Stored, not deflated, like the rest of the exported jar (cnf/runtime.bnd: -compression STORE). */
    private static void put(ZipOutputStream out, String name, byte[] data) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(data.length);
        entry.setCompressedSize(data.length);
        CRC32 crc = new CRC32();
        crc.update(data);
        entry.setCrc(crc.getValue());
        out.putNextEntry(entry);
        out.write(data);
        out.closeEntry();
    }

    static Manifest manifest(byte[] jar) {
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest m = in.getManifest();
            if (m == null) {
                throw new IllegalStateException("a bundle without a manifest");
            }
            return m;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's properties inside a platform jar, for the test's own checks. */
    static Properties launcherProperties(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile()); InputStream in = zip.getInputStream(zip.getEntry(PROPERTIES))) {
            Properties p = new Properties();
            p.load(new java.io.InputStreamReader(in, StandardCharsets.ISO_8859_1));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
