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
 * does (the first on the class path, as {@link Messages#of} finds them), and {@link #problems} / {@link #assertComplete} check that both languages have the same
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

    /**
     * What is wrong with the module's messages, one line each; empty when nothing is. Reads the files next
     * to {@code anchor}'s classes (its jar or class folder), so another jar's messages cannot hide a mistake.
     */
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

    /** The resource next to the anchor's classes (its jar or folder), else the first on the class path. */
    private static URL ownResource(Class<?> anchor, ClassLoader loader, String name) {
        try {
            java.security.CodeSource source = anchor.getProtectionDomain().getCodeSource();
            String own = source == null || source.getLocation() == null ? null : source.getLocation().toString();
            java.util.Enumeration<URL> all = loader.getResources(name);
            URL first = null;
            while (all.hasMoreElements()) {
                URL url = all.nextElement();
                if (first == null) {
                    first = url;
                }
                String text = url.toString();
                if (own != null && (text.startsWith(own) || text.startsWith("jar:" + own))) {
                    return url;
                }
            }
            return first;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot look for " + name, e);
        }
    }

    private static Properties load(Class<?> anchor, String language) {
        String name = Messages.BASE_NAME.replace('.', '/') + "_" + language + ".properties";
        ClassLoader loader = anchor.getClassLoader();
        // a class of the boot class loader (a JDK class) has no module messages
        URL url = loader == null ? null : ownResource(anchor, loader, name);
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
