package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

import nl.samenredzaam.core.platform.Readiness;

class FirstOperatorStartTest {

    private final List<Object> registered = new ArrayList<>();
    private final List<Object> unregistered = new ArrayList<>();

    @Test
    void healthWaitsUntilTheAccountIsWritten() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        FirstOperatorStart start = FirstOperatorStart.begin(context(), () -> {
            try {
                hashing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals(List.of(start), registered, "registered as a Readiness at once");
        assertFalse(start.ready());
        assertEquals("first-operator", start.name());

        hashing.countDown();
        start.stop(); // joins the thread
        assertTrue(start.ready());
        assertEquals(List.of(start), unregistered);
    }

    @Test
    void aFailureKeepsHealthAt503() throws Exception {
        FirstOperatorStart start = FirstOperatorStart.begin(context(), () -> {
            throw new IllegalStateException("database gone");
        });
        start.stop();
        assertFalse(start.ready(), "no operator: /health names first-operator");
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {BundleContext.class},
                (p, m, a) -> {
                    if (!m.getName().equals("registerService") || a[0] != Readiness.class) {
                        throw new UnsupportedOperationException(m.getName());
                    }
                    Object service = a[1];
                    registered.add(service);
                    return Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ServiceRegistration.class},
                            (p2, m2, a2) -> {
                                if (!m2.getName().equals("unregister")) {
                                    throw new UnsupportedOperationException(m2.getName());
                                }
                                unregistered.add(service);
                                return null;
                            });
                });
    }
}
