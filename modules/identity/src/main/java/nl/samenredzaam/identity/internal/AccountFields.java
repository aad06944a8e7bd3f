package nl.samenredzaam.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** Shapes of user names, display names and e-mail addresses. */
final class AccountFields {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

    private AccountFields() {
    }

    /** Trimmed and in lower case, so that {@code Ria} and {@code ria} are one account; {@code ""} for null. */
    static String normalizeUsername(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }

    static boolean isUsername(String normalized) {
        return USERNAME.matcher(normalized).matches();
    }

    static boolean isDisplayName(String name) {
        if (name == null || name.isBlank() || name.length() > 200) {
            return false;
        }
        return name.codePoints().noneMatch(Character::isISOControl);
    }

    static boolean isEmail(String email) {
        return email.length() <= 254 && EMAIL.matcher(email).matches();
    }
}
