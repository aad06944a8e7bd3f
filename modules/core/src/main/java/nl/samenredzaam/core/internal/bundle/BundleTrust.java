package nl.samenredzaam.core.internal.bundle;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Whether an uploaded bundle is signed (jarsigner) by a key the operator trusts. Only active when
 * a trust store is configured: {@value #ENV_STORE} (a PKCS#12 or JKS file with the trusted
 * certificates) and, if the store has one, {@value #ENV_PASSWORD}. Then every file in the jar,
 * except the signature files themselves, must be covered by a valid signature whose certificate,
 * or a certificate it was issued by, is in the trust store.
 *
 * <p>A refused bundle gets one plain reason: not signed; a file changed after signing (a broken
 * signature); files that the signature does not cover; or signed by a key this platform does not
 * trust (with the signer's name).
 */
final class BundleTrust {

    static final String ENV_STORE = "SAMENREDZAAM_BUNDLE_TRUSTSTORE";
    static final String ENV_PASSWORD = "SAMENREDZAAM_BUNDLE_TRUSTSTORE_PASSWORD";
    static final String PROPERTY_STORE = "samenredzaam.bundle.truststore";
    static final String PROPERTY_PASSWORD = "samenredzaam.bundle.truststore.password";

    /** Why a bundle is refused. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }
    }

    private final Set<X509Certificate> trusted;

    private BundleTrust(Set<X509Certificate> trusted) {
        this.trusted = trusted;
    }

    /** No trust store: every bundle is accepted as far as signatures go. */
    static BundleTrust none() {
        return new BundleTrust(null);
    }

    /** The trusted certificates of a key store file. */
    static BundleTrust fromStore(Path store, char[] password) throws IOException, GeneralSecurityException {
        String type = store.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jks") ? "JKS" : "PKCS12";
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, password);
        }
        Set<X509Certificate> certs = new HashSet<>();
        for (Enumeration<String> aliases = ks.aliases(); aliases.hasMoreElements();) {
            String alias = aliases.nextElement();
            Certificate c = ks.getCertificate(alias);
            if (c instanceof X509Certificate x) {
                certs.add(x);
            }
        }
        if (certs.isEmpty()) {
            throw new GeneralSecurityException("the trust store " + store + " holds no certificates");
        }
        return new BundleTrust(Collections.unmodifiableSet(certs));
    }

    /** From the environment or system properties (property wins); {@link #none()} when not configured. */
    static BundleTrust configured(Function<String, String> env) throws IOException, GeneralSecurityException {
        String store = Optional.ofNullable(System.getProperty(PROPERTY_STORE)).orElse(env.apply(ENV_STORE));
        if (store == null || store.isBlank()) {
            return none();
        }
        String password = Optional.ofNullable(System.getProperty(PROPERTY_PASSWORD)).orElse(env.apply(ENV_PASSWORD));
        return fromStore(Path.of(store.strip()), password == null || password.isEmpty() ? null : password.toCharArray());
    }

    boolean required() {
        return trusted != null;
    }

    int trustedCertificates() {
        return trusted == null ? 0 : trusted.size();
    }

    /** Throws {@link Refused} with the reason when signatures are required and this jar does not pass. */
    void check(byte[] jar) throws Refused {
        if (trusted == null) {
            return;
        }
        Path file = null;
        try {
            file = Files.createTempFile("samenredzaam-upload-", ".jar");
            Files.write(file, jar);
            check(file);
        } catch (IOException e) {
            throw new Refused("De bundel kan niet worden gelezen / the bundle cannot be read");
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file; the OS cleans up
                }
            }
        }
    }

    private void check(Path file) throws Refused, IOException {
        List<String> unsigned = new ArrayList<>();
        Set<String> untrustedSigners = new java.util.TreeSet<>();
        boolean anySigned = false;
        try (JarFile jar = new JarFile(file.toFile(), true)) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                JarEntry entry = entries.nextElement();
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream()); // verifies the digest while reading
                } catch (SecurityException e) {
                    throw new Refused("De handtekening klopt niet: " + entry.getName() + " is na het ondertekenen veranderd / "
                            + "the signature does not match: " + entry.getName() + " was changed after signing");
                }
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    unsigned.add(entry.getName());
                    continue;
                }
                anySigned = true;
                boolean ok = false;
                for (CodeSigner signer : signers) {
                    if (trustedChain(signer)) {
                        ok = true;
                    } else {
                        untrustedSigners.add(name(signer));
                    }
                }
                if (!ok && untrustedSigners.isEmpty()) {
                    untrustedSigners.add("?");
                }
                if (!ok) {
                    throw new Refused("Ondertekend met een sleutel die dit platform niet vertrouwt (" + String.join(", ", untrustedSigners)
                            + ") / signed with a key this platform does not trust (" + String.join(", ", untrustedSigners) + ")");
                }
            }
        } catch (SecurityException e) {
            // a signature file that does not match the manifest
            throw new Refused("De handtekening klopt niet / the signature is broken: " + e.getMessage());
        }
        if (!anySigned) {
            throw new Refused("De bundel is niet ondertekend; dit platform neemt alleen bundels aan die zijn ondertekend met een "
                    + "vertrouwde sleutel / the bundle is not signed; this platform only accepts bundles signed with a trusted key");
        }
        if (!unsigned.isEmpty()) {
            String some = String.join(", ", unsigned.subList(0, Math.min(3, unsigned.size())));
            throw new Refused("De bundel bevat bestanden die niet ondertekend zijn (" + some + ") / the bundle holds files the signature "
                    + "does not cover (" + some + ")");
        }
    }

    /** The signer's own certificate, or one that issued it, is trusted, and the chain is intact. */
    private boolean trustedChain(CodeSigner signer) {
        List<? extends Certificate> chain = signer.getSignerCertPath().getCertificates();
        for (int i = 0; i < chain.size(); i++) {
            if (!(chain.get(i) instanceof X509Certificate cert)) {
                return false;
            }
            if (trusted.contains(cert)) {
                return true;
            }
            if (i + 1 < chain.size()) {
                try {
                    cert.verify(chain.get(i + 1).getPublicKey());
                } catch (GeneralSecurityException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static String name(CodeSigner signer) {
        Certificate first = signer.getSignerCertPath().getCertificates().get(0);
        return first instanceof X509Certificate x ? x.getSubjectX500Principal().getName() : first.getType();
    }

    static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        return upper.equals("META-INF/MANIFEST.MF") || upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")
                || upper.endsWith(".EC") || upper.startsWith("META-INF/SIG-");
    }
}
