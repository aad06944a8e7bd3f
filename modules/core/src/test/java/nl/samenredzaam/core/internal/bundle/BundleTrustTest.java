package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed bundles, with keys made by the JDK's keytool and jars signed by its jarsigner in the test:
 * a bundle signed by the trusted key passes; unsigned, tampered, partly signed and signed-by-a-stranger
 * bundles are refused with their own reason; without a trust store nothing is required.
 */
class BundleTrustTest {

    @TempDir
    static Path dir;

    static BundleTrust trust;
    static byte[] unsigned;
    static byte[] signed;
    static byte[] byStranger;

    @BeforeAll
    static void keysAndJars() throws Exception {
        keytool("-genkeypair", "-alias", "uitgever", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Zorgcooperatie Lindeholt Modules", "-validity", "30", "-keystore", dir.resolve("signer.p12").toString(),
                "-storetype", "PKCS12", "-storepass", "signer-secret");
        keytool("-genkeypair", "-alias", "vreemde", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=Onbekende Uitgever",
                "-validity", "30", "-keystore", dir.resolve("stranger.p12").toString(), "-storetype", "PKCS12", "-storepass",
                "stranger-secret");
        keytool("-exportcert", "-alias", "uitgever", "-keystore", dir.resolve("signer.p12").toString(), "-storepass", "signer-secret",
                "-file", dir.resolve("uitgever.cer").toString());
        keytool("-importcert", "-noprompt", "-alias", "uitgever", "-file", dir.resolve("uitgever.cer").toString(), "-keystore",
                dir.resolve("trust.p12").toString(), "-storetype", "PKCS12", "-storepass", "trust-secret");
        trust = BundleTrust.fromStore(dir.resolve("trust.p12"), "trust-secret".toCharArray());

        unsigned = bundle();
        Files.write(dir.resolve("unsigned.jar"), unsigned);
        signed = sign("signer.p12", "signer-secret", "uitgever", "signed.jar");
        byStranger = sign("stranger.p12", "stranger-secret", "vreemde", "stranger.jar");
    }

    @Test
    void aBundleSignedWithTheTrustedKeyIsAccepted() {
        assertTrue(trust.required());
        assertDoesNotThrow(() -> trust.check(signed));
    }

    @Test
    void anUnsignedBundleIsRefused() {
        BundleTrust.Refused e = assertThrows(BundleTrust.Refused.class, () -> trust.check(unsigned));
        assertTrue(e.getMessage().contains("niet ondertekend") && e.getMessage().contains("not signed"), e.getMessage());
    }

    @Test
    void aBundleChangedAfterSigningIsRefused() throws IOException {
        byte[] tampered = rewrite(signed, "nl/lindeholt/demo/tekst.txt", "Betaal hier: NL00 BANK 0000 0000 00");
        BundleTrust.Refused e = assertThrows(BundleTrust.Refused.class, () -> trust.check(tampered));
        assertTrue(e.getMessage().contains("nl/lindeholt/demo/tekst.txt") && e.getMessage().contains("changed after signing"),
                e.getMessage());
    }

    @Test
    void aFileAddedAfterSigningIsRefused() throws IOException {
        byte[] partly = rewrite(signed, "nl/lindeholt/demo/Extra.class", "not covered by the signature");
        BundleTrust.Refused e = assertThrows(BundleTrust.Refused.class, () -> trust.check(partly));
        assertTrue(e.getMessage().contains("Extra.class") && e.getMessage().contains("does not cover"), e.getMessage());
    }

    @Test
    void aBundleSignedByAnUnknownKeyIsRefusedNamingTheSigner() {
        BundleTrust.Refused e = assertThrows(BundleTrust.Refused.class, () -> trust.check(byStranger));
        assertTrue(e.getMessage().contains("CN=Onbekende Uitgever") && e.getMessage().contains("does not trust"), e.getMessage());
    }

    @Test
    void withoutATrustStoreNothingIsRequired() throws Exception {
        BundleTrust none = BundleTrust.configured(Map.<String, String>of()::get);
        assertFalse(none.required());
        assertDoesNotThrow(() -> none.check(unsigned));
        BundleTrust fromEnv = BundleTrust.configured(Map.of(BundleTrust.ENV_STORE, dir.resolve("trust.p12").toString(),
                BundleTrust.ENV_PASSWORD, "trust-secret")::get);
        assertTrue(fromEnv.required());
        assertEquals(1, fromEnv.trustedCertificates());
    }

    @Test
    void signatureFilesAreRecognised() {
        assertTrue(BundleTrust.isSignatureFile("META-INF/UITGEVER.SF"));
        assertTrue(BundleTrust.isSignatureFile("META-INF/UITGEVER.EC"));
        assertTrue(BundleTrust.isSignatureFile("META-INF/MANIFEST.MF"));
        assertFalse(BundleTrust.isSignatureFile("META-INF/services/x.SF"), "only directly in META-INF");
        assertFalse(BundleTrust.isSignatureFile("nl/lindeholt/X.class"));
    }

    // ---------------------------------------------------------------------------------------------

    static byte[] bundle() throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
        m.getMainAttributes().putValue("Bundle-SymbolicName", "nl.lindeholt.demo");
        m.getMainAttributes().putValue("Bundle-Version", "1.0.0");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, m)) {
            out.putNextEntry(new JarEntry("nl/lindeholt/demo/tekst.txt"));
            out.write("Koffieochtend in het dorpshuis".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    static byte[] sign(String store, String password, String alias, String out) throws Exception {
        run(tool("jarsigner"), "-keystore", dir.resolve(store).toString(), "-storepass", password, "-signedjar",
                dir.resolve(out).toString(), dir.resolve("unsigned.jar").toString(), alias);
        return Files.readAllBytes(dir.resolve(out));
    }

    /** A copy of the jar with one entry replaced (or added), signature files kept as they were. */
    static byte[] rewrite(byte[] jar, String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean replaced = false;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), false);
                JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
            JarEntry e;
            while ((e = in.getNextJarEntry()) != null) {
                out.putNextEntry(new JarEntry(e.getName()));
                if (e.getName().equals(name)) {
                    out.write(content.getBytes(StandardCharsets.UTF_8));
                    replaced = true;
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
            if (!replaced) {
                out.putNextEntry(new JarEntry(name));
                out.write(content.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = tool("keytool");
        System.arraycopy(args, 0, command, 1, args.length);
        run(command);
    }

    static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
