package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The device description of a session keeps the browser family and system only. */
class DevicesTest {

    @Test
    void browserAndSystemWithoutVersions() {
        assertEquals("Firefox, Windows", Devices.summary("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"));
        assertEquals("Chrome, Android", Devices.summary("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Mobile Safari/537.36"));
        assertEquals("Safari, iPhone", Devices.summary("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 "
                + "(KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"));
        assertEquals("Edge, Windows", Devices.summary("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0"));
        assertEquals("Samsung Internet, Android", Devices.summary("Mozilla/5.0 (Linux; Android 13; SM-S901B) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36"));
        assertEquals("Chrome, Linux", Devices.summary("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                + "HeadlessChrome/120.0.0.0 Safari/537.36"));
        assertEquals("Script", Devices.summary("Java-http-client/17.0.9"));
    }

    @Test
    void nothingUsefulIsNothing() {
        assertNull(Devices.summary(null));
        assertNull(Devices.summary(" "));
        assertNull(Devices.summary("something else entirely"));
    }
}
