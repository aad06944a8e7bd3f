package nl.samenredzaam.identity.internal.password;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import nl.samenredzaam.api.i18n.Text;
import nl.samenredzaam.identity.platform.SecurityPolicy;

/**
 * The password rules of ASVS 2.1: 12 to 128 characters (any Unicode, spaces allowed, nothing
 * truncated), no composition rules, not a commonly used password, and not built on the user name
 * or the platform's name (context-specific words, NIST SP 800-63B).
 */
public final class PasswordRules {

    private static final String[] CONTEXT_WORDS = {"samenredzaam"};

    private final CommonPasswords common;

    public PasswordRules(CommonPasswords common) {
        this.common = common;
    }

    /** What is wrong with the password, or empty when it may be used. */
    public Optional<Text> problem(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of(Text.of("Vul een wachtwoord in.", "Enter a password."));
        }
        String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < SecurityPolicy.PASSWORD_MIN_LENGTH) {
            return Optional.of(Text.of(
                    "Kies een wachtwoord van minstens " + SecurityPolicy.PASSWORD_MIN_LENGTH + " tekens. Een zin van een paar woorden is makkelijk te onthouden.",
                    "Choose a password of at least " + SecurityPolicy.PASSWORD_MIN_LENGTH + " characters. A sentence of a few words is easy to remember."));
        }
        if (length > SecurityPolicy.PASSWORD_MAX_LENGTH) {
            return Optional.of(Text.of(
                    "Kies een wachtwoord van hoogstens " + SecurityPolicy.PASSWORD_MAX_LENGTH + " tekens.",
                    "Choose a password of at most " + SecurityPolicy.PASSWORD_MAX_LENGTH + " characters."));
        }
        String lower = normalized.toLowerCase(Locale.ROOT);
        if (common.contains(normalized) || fewDistinctCharacters(lower)) {
            return Optional.of(Text.of(
                    "Dit wachtwoord wordt te vaak gebruikt en is makkelijk te raden. Kies een ander.",
                    "This password is used too often and is easy to guess. Choose another one."));
        }
        if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(Text.of("Gebruik uw gebruikersnaam niet in uw wachtwoord.",
                    "Do not use your user name in your password."));
        }
        for (String word : CONTEXT_WORDS) {
            if (lower.contains(word)) {
                return Optional.of(Text.of("Gebruik de naam van het platform niet in uw wachtwoord.",
                        "Do not use the platform's name in your password."));
            }
        }
        return Optional.empty();
    }

    private static boolean fewDistinctCharacters(String s) {
        return s.codePoints().distinct().count() < 4;
    }
}
