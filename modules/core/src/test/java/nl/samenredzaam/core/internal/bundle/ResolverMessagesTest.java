package nl.samenredzaam.core.internal.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link ResolverMessages} on messages exactly as Felix 7.0.5 words them (captured from a real framework). */
class ResolverMessagesTest {

    private static final String MISSING_PACKAGE = "Unable to resolve com.example.needs.pkg [1](R 1.0): missing requirement "
            + "[com.example.needs.pkg [1](R 1.0)] osgi.wiring.package; "
            + "(&(osgi.wiring.package=com.example.missing)(version>=1.0.0)(!(version>=2.0.0))) Unresolved requirements: "
            + "[[com.example.needs.pkg [1](R 1.0)] osgi.wiring.package; "
            + "(&(osgi.wiring.package=com.example.missing)(version>=1.0.0)(!(version>=2.0.0)))]";

    private static final String MISSING_JAVA = "Unable to resolve com.example.needs.java [2](R 2.0): missing requirement "
            + "[com.example.needs.java [2](R 2.0)] osgi.ee; (&(osgi.ee=JavaSE)(version=21)) Unresolved requirements: "
            + "[[com.example.needs.java [2](R 2.0)] osgi.ee; (&(osgi.ee=JavaSE)(version=21))]";

    private static final String MISSING_SERVICE = "Unable to resolve com.example.needs.service [3](R 3.0): missing requirement "
            + "[com.example.needs.service [3](R 3.0)] osgi.service; (objectClass=com.example.Greeter) Unresolved requirements: "
            + "[[com.example.needs.service [3](R 3.0)] osgi.service; (objectClass=com.example.Greeter)]";

    private static final String MISSING_EXTENDER = "Unable to resolve com.example.needs.extender [4](R 4.0): missing requirement "
            + "[com.example.needs.extender [4](R 4.0)] osgi.extender; "
            + "(&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0))) Unresolved requirements: "
            + "[[com.example.needs.extender [4](R 4.0)] osgi.extender; (&(osgi.extender=osgi.component)(version>=1.5.0)(!(version>=2.0.0)))]";

    private static final String MISSING_TRANSITIVELY = "Unable to resolve com.example.a [6](R 6.0): missing requirement "
            + "[com.example.a [6](R 6.0)] osgi.wiring.package; (osgi.wiring.package=com.example.b) [caused by: Unable to resolve "
            + "com.example.b [5](R 5.0): missing requirement [com.example.b [5](R 5.0)] osgi.wiring.package; "
            + "(osgi.wiring.package=com.example.c)] Unresolved requirements: [[com.example.a [6](R 6.0)] osgi.wiring.package; "
            + "(osgi.wiring.package=com.example.b)]";

    private static final String MISSING_BUNDLE = "Unable to resolve com.example.needs.bundle [7](R 7.0): missing requirement "
            + "[com.example.needs.bundle [7](R 7.0)] osgi.wiring.bundle; "
            + "(&(osgi.wiring.bundle=com.example.other)(bundle-version>=2.0.0)(!(bundle-version>=3.0.0))) Unresolved requirements: "
            + "[[com.example.needs.bundle [7](R 7.0)] osgi.wiring.bundle; "
            + "(&(osgi.wiring.bundle=com.example.other)(bundle-version>=2.0.0)(!(bundle-version>=3.0.0)))]";

    @Test
    void missingPackageWithVersionRange() {
        assertEquals("De bundel heeft het Java-pakket com.example.missing (versie >=1.0.0 <2.0.0) nodig, "
                + "maar geen geïnstalleerde bundel biedt dat aan. / The bundle needs Java package com.example.missing "
                + "(version >=1.0.0 <2.0.0), which no installed bundle provides.", ResolverMessages.explain(MISSING_PACKAGE));
    }

    @Test
    void missingPackageWithoutVersion() {
        assertEquals("De bundel heeft het Java-pakket com.example.gone nodig, maar geen geïnstalleerde bundel biedt dat aan. "
                + "/ The bundle needs Java package com.example.gone, which no installed bundle provides.",
                ResolverMessages.explain("Unable to resolve x [9](R 9.0): missing requirement [x [9](R 9.0)] osgi.wiring.package; "
                        + "(osgi.wiring.package=com.example.gone)"));
    }

    @Test
    void missingJavaVersion() {
        assertEquals("De bundel heeft een andere Java-versie nodig: JavaSE 21. / The bundle needs another Java version: JavaSE 21.",
                ResolverMessages.explain(MISSING_JAVA));
    }

    @Test
    void missingService() {
        assertEquals("De bundel heeft de dienst com.example.Greeter nodig. / The bundle needs service com.example.Greeter.",
                ResolverMessages.explain(MISSING_SERVICE));
    }

    @Test
    void missingExtender() {
        assertEquals("De bundel heeft de uitbreiding osgi.component (versie >=1.5.0 <2.0.0) nodig. "
                + "/ The bundle needs extender osgi.component (version >=1.5.0 <2.0.0).", ResolverMessages.explain(MISSING_EXTENDER));
    }

    @Test
    void missingBundle() {
        assertEquals("De bundel heeft de bundel com.example.other (versie >=2.0.0 <3.0.0) nodig. "
                + "/ The bundle needs bundle com.example.other (version >=2.0.0 <3.0.0).", ResolverMessages.explain(MISSING_BUNDLE));
    }

    @Test
    void namesTheCauseOfAMissingDependencyToo() {
        String explained = ResolverMessages.explain(MISSING_TRANSITIVELY);
        assertTrue(explained.startsWith("De bundel heeft het Java-pakket com.example.b nodig"), explained);
        assertTrue(explained.contains("The bundle needs Java package com.example.c,"), explained);
        assertEquals(2, explained.split("De bundel heeft").length - 1, explained);
        assertEquals(1, explained.split(" / ").length - 1, "one split between all Dutch and all English: " + explained);
        assertTrue(Bilingual.dutch(explained).contains("com.example.c") && !Bilingual.dutch(explained).contains("The bundle"), explained);
    }

    @Test
    void sameRequirementIsNamedOnce() {
        String explained = ResolverMessages.explain(MISSING_PACKAGE + " " + MISSING_PACKAGE);
        assertEquals(ResolverMessages.explain(MISSING_PACKAGE), explained);
    }

    @Test
    void unreadableMessageIsPassedOnShortened() {
        assertEquals("Bundle symbolic name and version are not unique: x:1.0.0",
                ResolverMessages.explain("Bundle symbolic name and version are not unique: x:1.0.0"));
        String longMessage = "x".repeat(600);
        assertEquals("x".repeat(500) + "…", ResolverMessages.explain(longMessage));
        assertEquals("Onbekende fout / unknown error", ResolverMessages.explain(null));
    }
}
