package nl.samenredzaam.core.internal.module;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FailureReasonTest {

    @Test
    void theRootCauseOfAnActivationFailureIsShown() {
        String trace = """
                java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:326)
                Caused by: java.lang.IllegalStateException: faulty module refuses to start (test fixture)
                \tat nl.samenredzaam.fixture.faulty.FaultyModule.<init>(FaultyModule.java:14)
                """;
        assertEquals("java.lang.IllegalStateException: faulty module refuses to start (test fixture)",
                ModuleRegistryImpl.firstLine(trace));
    }

    @Test
    void withoutACauseTheFirstLineIsShown() {
        assertEquals("java.lang.IllegalArgumentException: bad", ModuleRegistryImpl.firstLine("java.lang.IllegalArgumentException: bad\n\tat x"));
    }
}
