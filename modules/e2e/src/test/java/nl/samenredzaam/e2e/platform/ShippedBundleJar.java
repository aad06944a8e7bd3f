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
 * A copy of the exported platform jar with one more bundle shipped inside it, as if it were listed in
 * {@code -runbundles}: started by the framework's start-level thread like the built-in modules.
 *
 * <p>What bnd's launcher (7.1.0) needs, found by reading the exported jar: the bundles are stored under
 * {@code jar/}; the launcher installs them in the order of {@code launch.bundles} in
 * {@code launcher.properties} (so the order gives the bundle ids), and takes each bundle's start level from
 * {@code launch.runbundles.attrs} by symbolic name and version. The manifest of the exported jar
 * ({@code Main-Class}, {@code Embedded-Runpath}) has no digests of the entries, so nothing else has to
 * change. The added bundle is put first in {@code launch.bundles}: it gets the lowest id of its level,
 * so Felix's start-level thread starts it before every other bundle of that level (identity, web and
 * the feature modules at level 20).
 */
final class ShippedBundleJar {

    static final String PROPERTIES = "launcher.properties";

    private ShippedBundleJar() {
    }

    /**
     * Writes {@code target}: {@code platform} with {@code bundle} added as {@code jar/<name>} at
     * {@code startLevel}, first in the launcher's list.
     */
    static Path copyWith(Path platform, byte[] bundle, String name, int startLevel, Path target) {
        Attributes main = manifest(bundle).getMainAttributes();
        String bsn = main.getValue("Bundle-SymbolicName").split(";")[0].strip();
        String version = main.getValue("Bundle-Version").strip();
        String entryName = "jar/" + name;
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
                    data = launcherProperties(data, entryName, bsn, version, startLevel);
                }
                put(out, e.getName(), data);
                if (e.getName().equals("jar/")) {
                    put(out, entryName, bundle);
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

    static byte[] launcherProperties(byte[] original, String entryName, String bsn, String version, int startLevel)
            throws IOException {
        Properties p = new Properties();
        p.load(new ByteArrayInputStream(original));
        String bundles = p.getProperty("launch.bundles");
        String attrs = p.getProperty("launch.runbundles.attrs");
        if (bundles == null || attrs == null) {
            throw new IllegalStateException("launcher.properties without launch.bundles or launch.runbundles.attrs");
        }
        p.setProperty("launch.bundles", entryName + "," + bundles);
        p.setProperty("launch.runbundles.attrs", attrs + "," + bsn + ";version=\"" + version + "\";startlevel=" + startLevel);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.store(bytes, "with " + bsn + " added by the e2e test");
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
