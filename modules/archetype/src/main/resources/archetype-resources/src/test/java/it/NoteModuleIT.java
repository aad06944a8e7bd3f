package ${package}.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

import nl.samenredzaam.api.module.Module;
import nl.samenredzaam.api.privacy.PrivacyContributor;
import nl.samenredzaam.api.web.Route;

/**
 * Runs inside a real OSGi framework (Felix with SCR), next to the Samenredzaam API bundle: proves that the bundle
 * resolves against the API alone, starts, and registers its module and privacy contract as services, the way the
 * platform will find them. Run by {@code mvn verify} (bnd-testing-maven-plugin, {@code test.bndrun}).
 */
public class NoteModuleIT {

    static final String MODULE_ID = "${moduleId}";
    static final String SYMBOLIC_NAME = "${groupId}.${moduleId}";

    @InjectBundleContext
    BundleContext context;

    @Test
    public void theBundleResolvesAgainstTheApiAndStarts() {
        Bundle bundle = Arrays.stream(context.getBundles()).filter(b -> SYMBOLIC_NAME.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new AssertionError("bundle " + SYMBOLIC_NAME + " is not installed"));
        assertEquals(Bundle.ACTIVE, bundle.getState(), "bundle state");
        assertEquals(MODULE_ID, bundle.getHeaders().get("Samenredzaam-Module"));
        String migrations = bundle.getHeaders().get("Samenredzaam-Migrations");
        assertNotNull(bundle.getEntry(migrations), "the changelog named by Samenredzaam-Migrations is in the bundle");
        assertNotNull(bundle.getEntry("i18n/messages_nl.properties"), "Dutch texts");
        assertNotNull(bundle.getEntry("i18n/messages_en.properties"), "English texts");
    }

    @Test
    public void theModuleIsAServiceWithAPageAndAnEndpoint(@InjectService(timeout = 5000) Module module) {
        assertEquals(MODULE_ID, module.id());
        assertTrue(module.routes().stream().anyMatch(r -> r.kind() == Route.Kind.PAGE), "a page");
        assertTrue(module.routes().stream().anyMatch(r -> r.kind() == Route.Kind.API), "an API endpoint");
    }

    @Test
    public void thePrivacyContractIsAService(@InjectService(timeout = 5000) PrivacyContributor privacy) {
        assertEquals(MODULE_ID, privacy.moduleId());
    }
}
