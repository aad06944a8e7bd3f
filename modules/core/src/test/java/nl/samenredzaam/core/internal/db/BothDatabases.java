package nl.samenredzaam.core.internal.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.opentest4j.AssertionFailedError;

import nl.samenredzaam.api.data.Sql.Dialect;

/**
 * Use instead of {@code @Test}: the test runs twice, on H2 and on PostgreSQL. A {@link TestDb}
 * parameter of the test or of a {@code @BeforeEach} method gets that run's database: one fresh
 * database per test class and dialect, closed after the class.
 *
 * <p>A method-level template rather than a class template ({@code @ClassTemplate},
 * {@code @ParameterizedClass}): Surefire 3.5.4 reports class templates with {@code tests="0"} and
 * no failures in the XML, which hides them from CI.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(BothDatabases.Provider.class)
public @interface BothDatabases {

    final class Provider implements TestTemplateInvocationContextProvider {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BothDatabases.class);

        @Override
        public boolean supportsTestTemplate(ExtensionContext context) {
            return context.getRequiredTestMethod().isAnnotationPresent(BothDatabases.class);
        }

        @Override
        public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
            return Stream.of(Dialect.H2, Dialect.POSTGRESQL).map(Run::new);
        }
    }

    /** One run of a test on one database. */
    final class Run implements TestTemplateInvocationContext, ParameterResolver, TestExecutionExceptionHandler {
        private final Dialect dialect;

        Run(Dialect dialect) {
            this.dialect = dialect;
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return dialect.name();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDb.class;
        }

        /** The class's database of this dialect, opened on first use; JUnit closes it with the class. */
        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            ExtensionContext classContext = context;
            while (classContext.getTestMethod().isPresent()) {
                classContext = classContext.getParent().orElseThrow();
            }
            return classContext.getStore(Provider.NS).getOrComputeIfAbsent(dialect, d -> {
                try {
                    return TestDb.open(d);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot open a " + d + " test database", e);
                }
            }, TestDb.class);
        }

        /** Says on which database a test failed: reports name the runs [1] and [2] only. */
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (failure instanceof AssertionFailedError e) {
                String message = "[" + dialect + "] " + e.getMessage();
                AssertionFailedError named = e.isExpectedDefined() && e.isActualDefined()
                        ? new AssertionFailedError(message, e.getExpected().getValue(), e.getActual().getValue(), e.getCause())
                        : new AssertionFailedError(message, e.getCause());
                named.setStackTrace(e.getStackTrace());
                throw named;
            }
            failure.addSuppressed(new IllegalStateException("failed on " + dialect));
            throw failure;
        }
    }
}
