package nl.samenredzaam.referral.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

/**
 * The module works when the calendar and volunteering bundles are not installed at all (their API
 * packages are optional imports): the workflow runs in a class loader that cannot load
 * {@code nl.samenredzaam.calendar.api} or {@code nl.samenredzaam.volunteering.api}. A lambda or
 * method reference over one of their types on a common path would fail here with NoClassDefFoundError.
 */
class NoPartnerBundlesTest {

    @Test
    void theWorkflowRunsWithoutThePartnerApiClasses() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (!name.contains("nl.samenredzaam.calendar") && !name.contains("nl.samenredzaam.volunteering")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("nl.samenredzaam.calendar.api.CalendarService"));
            assertThrows(ClassNotFoundException.class, () -> loader.loadClass("nl.samenredzaam.volunteering.api.HelpRequestService"));
            Class<?> scenario = loader.loadClass(NoPartnersScenario.class.getName());
            @SuppressWarnings("unchecked")
            Callable<String> run = (Callable<String>) scenario.getConstructor().newInstance();
            assertEquals("ok", run.call());
        }
    }
}
