package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The path segments the web layer answers itself inside an initiative may never become a module's
 * id: such a module would never get its requests. (BundleLifecycleIT checks the refusal at upload
 * against the running platform.)
 */
class ReservedModuleIdsTest {

    /** {@code /api/v1/{slug}/...} and {@code /{slug}/...} as FrontServlet dispatches them before any module. */
    private static final List<String> WEB_LAYER_SEGMENTS = List.of("theme", "privacy", "audit", "consents", "modules", "beheer",
            "uitnodiging");

    @Test
    void everySegmentTheWebLayerAnswersInsideAnInitiativeIsReserved() {
        assertAll(WEB_LAYER_SEGMENTS.stream().map(segment -> () -> assertTrue(BundleManagerImpl.RESERVED_MODULE_IDS.contains(segment),
                segment + " is answered by the web layer, so no module may take it")));
    }

}
