package nl.samenredzaam.launcher.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleEvent;

class StartTraceTest {

    @Test
    void oneLinePerStartedBundleWithItsStartTime() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StartTrace trace = new StartTrace(new PrintStream(out, true, StandardCharsets.UTF_8));
        Bundle calendar = bundle(16, "nl.samenredzaam.calendar");

        trace.bundleChanged(new BundleEvent(BundleEvent.STARTING, calendar));
        trace.bundleChanged(new BundleEvent(BundleEvent.RESOLVED, calendar));
        assertEquals("", out.toString(StandardCharsets.UTF_8), "only STARTED prints");
        trace.bundleChanged(new BundleEvent(BundleEvent.STARTED, calendar));

        String line = out.toString(StandardCharsets.UTF_8).trim();
        var m = java.util.regex.Pattern.compile("start-trace +(\\d+) ms +(\\d+) ms  nl\\.samenredzaam\\.calendar").matcher(line);
        assertTrue(m.matches(), line);
        assertTrue(Long.parseLong(m.group(1)) >= Long.parseLong(m.group(2)), "since the JVM started, at least its own: " + line);
    }

    private static Bundle bundle(long id, String symbolicName) {
        return (Bundle) Proxy.newProxyInstance(StartTraceTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (p, m, a) -> switch (m.getName()) {
                    case "getBundleId" -> id;
                    case "getSymbolicName" -> symbolicName;
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> p == a[0];
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }
}
