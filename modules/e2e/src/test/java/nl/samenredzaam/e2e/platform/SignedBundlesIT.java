package nl.samenredzaam.e2e.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import nl.samenredzaam.testing.HttpJson;
import nl.samenredzaam.testing.JsonResponse;
import nl.samenredzaam.testing.RunningPlatform;

/**
 * With a bundle trust store configured (SAMENREDZAAM_BUNDLE_TRUSTSTORE), the platform accepts only
 * uploads signed by a trusted key: unsigned, tampered and unknown-key bundles are refused with a
 * problem naming the reason, before anything is installed; a bundle signed with the trusted key is
 * installed and serves. Keys are made in the test with the JDK's keytool, jars signed with jarsigner.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignedBundlesIT {

    static final String HELLO = "nl.samenredzaam.fixture.hello";

    static RunningPlatform platform;
    static HttpJson operator;
    static Signing signing;
    static Path publisher;
    static Path stranger;

    @BeforeAll
    static void keysAndPlatform() throws Exception {
        Path dir = Files.createTempDirectory("samenredzaam-signing-");
        signing = new Signing(dir);
        publisher = signing.newKey("uitgever", "CN=Samenredzaam Modules Lindeholt", "uitgever-geheim");
        stranger = signing.newKey("vreemde", "CN=Onbekende Uitgever", "vreemde-geheim");
        Path trust = signing.trustStore(publisher, "uitgever", "uitgever-geheim", "vertrouwd-geheim");
        platform = RunningPlatform.builder().name("signed-bundles").demo()
                .env("SAMENREDZAAM_ADMIN_PASSWORD", Fixtures.OPERATOR_PASSWORD)
                .env("SAMENREDZAAM_BUNDLE_TRUSTSTORE", trust.toString())
                .env("SAMENREDZAAM_BUNDLE_TRUSTSTORE_PASSWORD", "vertrouwd-geheim").build().start();
        operator = Fixtures.operator(platform.http());
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.stop();
        }
    }

    static JsonResponse upload(byte[] jar) {
        return operator.send("POST", "/api/v1/platform/bundles", BodyPublishers.ofByteArray(jar), "application/java-archive");
    }

    static void assertRefused(byte[] jar, String dutch, String english) {
        int before = operator.get("/api/v1/platform/bundles").json().size();
        JsonResponse r = upload(jar);
        System.out.println("[reliability] signed bundles: " + r.status() + " " + r.json().get("detail").asText());
        assertEquals(422, r.status(), r.toString());
        assertEquals("application/problem+json", r.contentType(), r.toString());
        String detail = r.json().get("detail").asText();
        assertTrue(detail.contains(dutch) && detail.contains(english), detail);
        assertEquals(before, operator.get("/api/v1/platform/bundles").json().size(), "nothing was installed");
        assertEquals(404, operator.get("/api/v1/platform/bundles/" + HELLO).status());
    }

    @Test
    @Order(1)
    void anUnsignedBundleIsRefused() {
        assertRefused(Fixtures.hello(), "niet ondertekend", "not signed");
    }

    @Test
    @Order(2)
    void aBundleChangedAfterSigningIsRefused() throws Exception {
        byte[] signed = signing.sign(Fixtures.hello(), publisher, "uitgever-geheim", "uitgever");
        assertRefused(Signing.tamper(signed), "na het ondertekenen veranderd", "changed after signing");
    }

    @Test
    @Order(3)
    void aBundleSignedByAnUnknownKeyIsRefused() throws Exception {
        assertRefused(signing.sign(Fixtures.hello(), stranger, "vreemde-geheim", "vreemde"), "niet vertrouwt", "CN=Onbekende Uitgever");
    }

    @Test
    @Order(4)
    void aBundleSignedWithTheTrustedKeyIsInstalledAndServes() throws Exception {
        JsonResponse r = upload(signing.sign(Fixtures.hello(), publisher, "uitgever-geheim", "uitgever"));
        assertEquals(201, r.status(), r.toString());
        assertEquals("ACTIVE", r.json().get("state").asText());
        assertEquals(200, operator.put("/api/v1/lindeholt/modules/hello", Map.of("enabled", true)).status());
        assertEquals(200, platform.http().get("/api/v1/lindeholt/hello/greetings").status());
    }
}
