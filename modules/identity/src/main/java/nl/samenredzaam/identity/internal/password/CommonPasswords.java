package nl.samenredzaam.identity.internal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Passwords people pick often (ASVS 2.1.7), from the resource {@code common-passwords.txt}
 * (generated from well-known patterns; see {@code src/build/generate-common-passwords.py}).
 *
 * <p>A password counts as common when, in lower case, it is on the list; or when what remains
 * after stripping digits, symbols and spaces at both ends and undoing simple look-alike swaps
 * ({@code 0→o}, {@code 3→e}, {@code @→a}, …) is on the list or a repetition of an entry:
 * {@code Wachtw00rd2024!} and {@code WelkomWelkom1} are common.
 */
public final class CommonPasswords {

    private static final String RESOURCE = "common-passwords.txt";

    private final Set<String> entries;

    private CommonPasswords(Set<String> entries) {
        this.entries = Set.copyOf(entries);
    }

    /** The list shipped with the bundle. */
    public static CommonPasswords load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource missing: " + RESOURCE);
            }
            Set<String> entries = new HashSet<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String entry = line.trim();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        entries.add(entry.toLowerCase(Locale.ROOT));
                    }
                }
            }
            return new CommonPasswords(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of entries. */
    public int size() {
        return entries.size();
    }

    /** Whether the (normalised) password is common. */
    public boolean contains(String password) {
        String lower = password.toLowerCase(Locale.ROOT);
        if (entries.contains(lower) || isRepetition(lower)) {
            return true;
        }
        String core = unswap(strip(lower));
        if (core.isEmpty()) {
            return false;
        }
        return entries.contains(core) || entries.contains(strip(core)) || isRepetition(core);
    }

    /** Whether the text is a short piece ({@code abcabc…}) or a listed entry, repeated. */
    private boolean isRepetition(String s) {
        int n = s.length();
        for (int unit = 1; unit <= n / 2; unit++) {
            if (n % unit == 0 && s.substring(unit).equals(s.substring(0, n - unit))) {
                return unit <= 4 || entries.contains(s.substring(0, unit));
            }
        }
        return false;
    }

    /** Removes digits, symbols and spaces at both ends. */
    private static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && !Character.isLetter(s.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetter(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    /** Undoes look-alike swaps inside the word. */
    private static String unswap(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(switch (c) {
                case '0' -> 'o';
                case '1', '!' -> 'i';
                case '3' -> 'e';
                case '4', '@' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return out.toString();
    }
}
