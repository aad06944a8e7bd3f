package nl.samenredzaam.api.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * The messages of one bundle in one language, read from {@code i18n/messages_nl.properties} and
 * {@code i18n/messages_en.properties} inside that bundle (UTF-8). Dutch is the fallback.
 *
 * <p>A missing key renders as {@code ??key??} so that it is visible in a page and in a test,
 * instead of breaking the page.
 */
public final class Messages {

    /** The resource bundle base name every module uses. */
    public static final String BASE_NAME = "i18n.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * Loads the messages of the bundle that contains {@code anchor}.
     *
     * @param anchor any class of the module; its class loader finds the properties files
     * @param locale the wanted language; anything but English means Dutch
     */
    public static Messages of(Class<?> anchor, Locale locale) {
        Locale wanted = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Text.DUTCH;
        ResourceBundle rb = ResourceBundle.getBundle(BASE_NAME, wanted, anchor.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(rb, wanted);
    }

    public Locale locale() {
        return locale;
    }

    /** The message for {@code key}, with {@link MessageFormat} arguments filled in. */
    public String get(String key, Object... args) {
        Objects.requireNonNull(key, "key");
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "??" + key + "??";
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
