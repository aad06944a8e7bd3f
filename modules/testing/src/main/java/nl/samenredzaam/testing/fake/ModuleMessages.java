package nl.samenredzaam.testing.fake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import nl.samenredzaam.api.i18n.Messages;
import nl.samenredzaam.api.i18n.Text;

/**
 * A module's messages ({@code i18n/messages_nl.properties} and {@code messages_en.properties} next
 * to its classes) in a test: {@link #dutch}/{@link #english} load them exactly as the platform
 * does, and {@link #problems} / {@link #assertComplete} check that both languages have the same
 * keys, no empty texts and valid {@link MessageFormat} patterns.
 */
public final class ModuleMessages {

    private ModuleMessages() {
    }

    /** The module's Dutch messages; {@code anchor} is any class of the module. */
    public static Messages dutch(Class<?> anchor) {
        return Messages.of(anchor, Text.DUTCH);
    }

    /** The module's English messages. */
    public static Messages english(Class<?> anchor) {
        return Messages.of(anchor, Locale.ENGLISH);
    }

    /** What is wrong with the module's messages, one line each; empty when nothing is. */
    public static List<String> problems(Class<?> anchor) {
        Properties nl = load(anchor, "nl");
        Properties en = load(anchor, "en");
        List<String> problems = new ArrayList<>();
        if (nl == null) {
            problems.add("missing i18n/messages_nl.properties");
        }
        if (en == null) {
            problems.add("missing i18n/messages_en.properties");
        }
        if (nl == null || en == null) {
            return problems;
        }
        for (String key : new TreeSet<>(nl.stringPropertyNames())) {
            if (!en.containsKey(key)) {
                problems.add("only in Dutch: " + key);
            }
        }
        for (String key : new TreeSet<>(en.stringPropertyNames())) {
            if (!nl.containsKey(key)) {
                problems.add("only in English: " + key);
            }
        }
        check(nl, "nl", problems);
        check(en, "en", problems);
        return problems;
    }

    /** Fails with the list of {@link #problems} when there are any. */
    public static void assertComplete(Class<?> anchor) {
        List<String> problems = problems(anchor);
        if (!problems.isEmpty()) {
            throw new AssertionError("messages of " + anchor.getPackageName() + ":\n  " + String.join("\n  ", problems));
        }
    }

    private static void check(Properties messages, String language, List<String> problems) {
        for (String key : new TreeSet<>(messages.stringPropertyNames())) {
            String value = messages.getProperty(key);
            if (value.isBlank()) {
                problems.add("empty in " + language + ": " + key);
                continue;
            }
            try {
                new MessageFormat(value, Locale.forLanguageTag(language));
            } catch (IllegalArgumentException e) {
                problems.add("invalid pattern in " + language + ": " + key + " (" + e.getMessage() + ")");
            }
        }
    }

    private static Properties load(Class<?> anchor, String language) {
        String name = Messages.BASE_NAME.replace('.', '/') + "_" + language + ".properties";
        ClassLoader loader = anchor.getClassLoader();
        // a class of the boot class loader (a JDK class) has no module messages
        URL url = loader == null ? null : loader.getResource(name);
        if (url == null) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = url.openStream()) {
            // the platform reads them as ResourceBundles do since Java 9: UTF-8
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        return p;
    }
}
