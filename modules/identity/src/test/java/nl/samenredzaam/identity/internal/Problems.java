package nl.samenredzaam.identity.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.function.Executable;

import nl.samenredzaam.api.web.ProblemException;

/** Assertions on {@link ProblemException}s. */
final class Problems {

    private Problems() {
    }

    static ProblemException assertProblem(int status, Executable call) {
        ProblemException e = assertThrows(ProblemException.class, call);
        assertEquals(status, e.status(), e.detail());
        return e;
    }

    static void assertFieldProblem(Set<String> fields, Executable call) {
        ProblemException e = assertProblem(400, call);
        assertEquals(fields, e.fieldErrors().keySet());
    }
}
