package nl.samenredzaam.core.internal.mail;

import java.util.function.Function;

/**
 * The mail server, from {@code SAMENREDZAAM_SMTP_HOST}, {@code _PORT}, {@code _USER},
 * {@code _PASSWORD}, {@code _FROM}, {@code _STARTTLS} (or the framework properties
 * {@code samenredzaam.smtp.*}). Without a host, mail waits in the outbox.
 */
record SmtpSettings(String host, int port, String user, String password, String from, boolean startTls) {

    static SmtpSettings from(Function<String, String> property) {
        return new SmtpSettings(get(property, "host", null), Integer.parseInt(get(property, "port", "25")), get(property, "user", null),
                get(property, "password", null), get(property, "from", "noreply@samenredzaam.local"),
                Boolean.parseBoolean(get(property, "starttls", "false")));
    }

    private static String get(Function<String, String> property, String key, String fallback) {
        String v = property.apply("samenredzaam.smtp." + key);
        if (v == null || v.isBlank()) {
            v = System.getenv("SAMENREDZAAM_SMTP_" + key.toUpperCase(java.util.Locale.ROOT));
        }
        return v == null || v.isBlank() ? fallback : v;
    }

    boolean configured() {
        return host != null;
    }

    @Override
    public String toString() {
        return host == null ? "none" : host + ":" + port;
    }
}
