package nl.samenredzaam.identity.internal.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import nl.samenredzaam.api.i18n.Text;

class PasswordRulesTest {

    private static final CommonPasswords COMMON = CommonPasswords.load();
    private final PasswordRules rules = new PasswordRules(COMMON);

    @Test
    void theListHasSomeThousandsOfEntries() {
        assertTrue(COMMON.size() > 3000 && COMMON.size() < 20000, "size " + COMMON.size());
    }

    @Test
    void twelveToHundredTwentyEightCharacters() {
        assertProblem("kort-maar-1", "minstens 12");
        assertOk("twaalf teken");
        assertOk("k".repeat(60) + "wandelgroep" + "x".repeat(57));
        assertEquals(128, ("k".repeat(60) + "wandelgroep" + "x".repeat(57)).length());
        assertProblem("k".repeat(60) + "wandelgroep" + "x".repeat(58), "hoogstens 128");
        assertProblem("", "Vul een wachtwoord in");
        assertProblem(null, "Vul een wachtwoord in");
    }

    @Test
    void lengthCountsCharactersNotBytes() {
        assertOk("ööööö ëëëë ïï");
        assertOk("🚲🚲 naar de markt");
        assertProblem("🚲🚲🚲 fietsen", "minstens 12"); // 14 UTF-16 units, 11 characters
    }

    @Test
    void anyCharacterIsAllowedAndNoCompositionRules() {
        assertOk("alleen kleine letters en spaties");
        assertOk("lindeholt-demo");
        assertOk("Zorg voor elkaar in Lindeholt!");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "Password1234", "PASSWORD1234!", "wachtwoord2024", "Wachtwoord2024!",
        "Wachtw00rd2024!", "P@ssw0rd12345", "welkom123456", "Welkom2025!!", "qwertyuiop123", "1qaz2wsx3edc",
        "123456789012", "111111111111", "aaaaaaaaaaaa", "abababababab", "123412341234", "WelkomWelkom",
        "feyenoord1908", "ikhouvanjou123", "Amsterdam2026!", "iloveyouiloveyou", "abcdefghijkl", "correcthorsebatterystaple"})
    void commonPasswordsAreRefused(String password) {
        assertProblem(password, "te vaak gebruikt");
    }

    @Test
    void userNameAndPlatformNameAreRefused() {
        assertEquals(Optional.of("Gebruik uw gebruikersnaam niet in uw wachtwoord."),
                rules.problem("ria.jansen-zomer-2026", "ria.jansen").map(Text::nl));
        assertProblem("samenredzaam-is-fijn", "platform");
        assertTrue(rules.problem("ria-op-de-fiets-2026", "ri").isEmpty(), "too short a user name is not checked");
    }

    @Test
    void problemsAreInDutchAndEnglish() {
        Text problem = rules.problem("kort", null).orElseThrow();
        assertTrue(problem.nl().contains("wachtwoord"));
        assertTrue(problem.en().contains("password"));
    }

    private void assertOk(String password) {
        assertEquals(Optional.empty(), rules.problem(password, "someone"), password);
    }

    private void assertProblem(String password, String expected) {
        Optional<Text> problem = rules.problem(password, "someone");
        assertTrue(problem.isPresent(), "expected a problem for " + password);
        assertTrue(problem.get().nl().contains(expected), problem.get().nl());
    }
}
