package nl.samenredzaam.web.internal;

import java.util.Locale;

/**
 * A short description of the device of a session from its {@code User-Agent}, such as
 * "Firefox, Windows", for the list of sessions on My account. Only the browser family and the
 * system are kept: never versions or the full header (it can help to single out a person).
 */
final class Devices {

    private Devices() {
    }

    static String summary(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser;
        if (ua.contains("edg/") || ua.contains("edge/")) {
            browser = "Edge";
        } else if (ua.contains("opr/") || ua.contains("opera")) {
            browser = "Opera";
        } else if (ua.contains("samsungbrowser")) {
            browser = "Samsung Internet";
        } else if (ua.contains("firefox/") || ua.contains("fxios/")) {
            browser = "Firefox";
        } else if (ua.contains("chrome/") || ua.contains("crios/") || ua.contains("chromium/")) {
            browser = "Chrome";
        } else if (ua.contains("safari/")) {
            browser = "Safari";
        } else if (ua.contains("curl/") || ua.contains("java-http-client") || ua.contains("python")) {
            browser = "Script";
        } else {
            browser = null;
        }
        String system;
        if (ua.contains("iphone")) {
            system = "iPhone";
        } else if (ua.contains("ipad")) {
            system = "iPad";
        } else if (ua.contains("android")) {
            system = "Android";
        } else if (ua.contains("windows")) {
            system = "Windows";
        } else if (ua.contains("mac os") || ua.contains("macintosh")) {
            system = "Mac";
        } else if (ua.contains("cros")) {
            system = "ChromeOS";
        } else if (ua.contains("linux")) {
            system = "Linux";
        } else {
            system = null;
        }
        if (browser == null && system == null) {
            return null;
        }
        return browser == null ? system : system == null ? browser : browser + ", " + system;
    }

    /** The summary of the request's {@code User-Agent}. */
    static String of(Exchange ex) {
        return summary(ex.request.getHeader("User-Agent"));
    }
}
