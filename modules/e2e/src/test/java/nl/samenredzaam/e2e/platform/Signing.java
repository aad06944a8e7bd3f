package nl.samenredzaam.e2e.platform;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;

/** Keys and signed jars made with the JDK's own keytool and jarsigner. */
final class Signing {

    private final Path dir;

    Signing(Path dir) {
        this.dir = dir;
    }

    /** A new key pair with a self-signed certificate in its own PKCS#12 store ({@code <alias>.p12}). */
    Path newKey(String alias, String distinguishedName, String password) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        run(tool("keytool"), "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", distinguishedName,
                "-validity", "30", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", password);
        return store;
    }

    /** A trust store holding the certificate of {@code alias} from {@code keyStore}. */
    Path trustStore(Path keyStore, String alias, String keyStorePassword, String trustPassword) throws Exception {
        Path cert = dir.resolve(alias + ".cer");
        Path trust = dir.resolve("trust.p12");
        run(tool("keytool"), "-exportcert", "-alias", alias, "-keystore", keyStore.toString(), "-storepass", keyStorePassword, "-file",
                cert.toString());
        run(tool("keytool"), "-importcert", "-noprompt", "-alias", alias, "-file", cert.toString(), "-keystore", trust.toString(),
                "-storetype", "PKCS12", "-storepass", trustPassword);
        return trust;
    }

    byte[] sign(byte[] jar, Path keyStore, String password, String alias) throws Exception {
        Path in = Files.createTempFile(dir, "unsigned-", ".jar");
        Path out = dir.resolve("signed-" + in.getFileName());
        Files.write(in, jar);
        run(tool("jarsigner"), "-keystore", keyStore.toString(), "-storepass", password, "-signedjar", out.toString(), in.toString(), alias);
        return Files.readAllBytes(out);
    }

    /** The jar with the content of its first class file replaced by other bytes, signature files untouched. */
    static byte[] tamper(byte[] jar) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean done = false;
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar), false);
                JarOutputStream out = new JarOutputStream(bytes, in.getManifest())) {
            JarEntry e;
            while ((e = in.getNextJarEntry()) != null) {
                out.putNextEntry(new JarEntry(e.getName()));
                byte[] content = in.readAllBytes();
                if (!done && e.getName().endsWith(".class")) {
                    content = java.util.Arrays.copyOf(content, content.length + 1); // one byte more: a different class
                    done = true;
                }
                out.write(content);
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }
}
