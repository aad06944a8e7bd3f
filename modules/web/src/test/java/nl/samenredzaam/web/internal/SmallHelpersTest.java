package nl.samenredzaam.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.samenredzaam.api.web.ProblemException;

class SmallHelpersTest {

    private static final Locale NL = Locale.forLanguageTag("nl");

    @Test
    void bilingualDetailsShowTheirHalf() {
        assertEquals("Verplicht", Bilingual.pick("Verplicht / required", NL));
        assertEquals("required", Bilingual.pick("Verplicht / required", Locale.ENGLISH));
        assertEquals("alleen dit", Bilingual.pick("alleen dit", Locale.ENGLISH));
        assertNull(Bilingual.pick(null, NL));
    }

    @Test
    void datesAreAmsterdamTimeInDutchOrder() {
        // winter: UTC+1, summer: UTC+2
        assertEquals("26-11-2026 om 09:30", Dates.dateTime(Instant.parse("2026-11-26T08:30:00Z"), NL));
        assertEquals("1-7-2026 om 14:00", Dates.dateTime(Instant.parse("2026-07-01T12:00:00Z"), NL));
        assertEquals("1 Jul 2026, 14:00", Dates.dateTime(Instant.parse("2026-07-01T12:00:00Z"), Locale.ENGLISH));
        assertEquals("2026-11-26 09:30:00", Dates.sortable(Instant.parse("2026-11-26T08:30:00Z")));
    }

    @Test
    void csvCellsAreQuotedAndNeverFormulas() {
        assertEquals("\"plain\"", AuditPages.cell("plain"));
        assertEquals("\"say \"\"hi\"\"\"", AuditPages.cell("say \"hi\""));
        assertEquals("\"'=HYPERLINK(1)\"", AuditPages.cell("=HYPERLINK(1)"));
        assertEquals("\"'+31\"", AuditPages.cell("+31"));
        assertEquals("\"\"", AuditPages.cell(null));
    }

    @Test
    void formKeepsValuesAndTakesFieldErrorsFromProblems() {
        Form form = Form.empty().value("username", "x");
        form.from(ProblemException.invalidFields(Map.of("username", "Te kort / too short")), NL);
        assertEquals("x", form.get("username"));
        assertEquals("Te kort", form.error("username"));
        assertEquals("true", form.invalid("username"));
        assertEquals("username-error", form.describedBy("username"));
        assertNull(form.invalid("email"));
        assertTrue(form.hasErrors());
        Form general = Form.empty().from(ProblemException.conflict("Bestaat al / exists"), Locale.ENGLISH);
        assertEquals("exists", general.general());
    }

    @Test
    void languageLinkAfterAFormGoesBackOnlyWithinTheSite() {
        assertEquals("/lindeholt/beheer/leden?x=1", Shell.localPath("http://localhost:8080/lindeholt/beheer/leden?x=1", "http://localhost:8080"));
        assertNull(Shell.localPath("https://evil.example/lindeholt/", "http://localhost:8080"));
        assertNull(Shell.localPath("http://localhost:8080//evil.example/", "http://localhost:8080"));
        assertNull(Shell.localPath(null, "http://localhost:8080"));
    }
}
