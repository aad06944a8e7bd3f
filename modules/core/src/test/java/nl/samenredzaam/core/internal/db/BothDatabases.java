package nl.samenredzaam.core.internal.db;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.opentest4j.AssertionFailedError;

import nl.samenredzaam.api.data.Sql.Dialect;

/**
 * Runs the annotated test class twice, on H2 and on PostgreSQL. A constructor, {@code @BeforeAll}
 * or test parameter of type {@link TestDb} gets the database of the current run: one fresh
 * database per class and dialect, closed after the class.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ClassTemplate
@ExtendWith(BothDatabases.Provider.class)
public @interface BothDatabases {

    final class Provider implements ClassTemplateInvocationContextProvider {
        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BothDatabases.class);

        @Override
        public boolean supportsClassTemplate(ExtensionContext context) {
            return true;
        }

        @Override
        public Stream<ClassTemplateInvocationContext> provideClassTemplateInvocationContexts(ExtensionContext context) {
            return Stream.of(Dialect.H2, Dialect.POSTGRESQL).map(Run::new);
        }
    }

    /** One run of the class on one database; the database is opened when first asked for. */
    final class Run implements ClassTemplateInvocationContext, ParameterResolver, TestExecutionExceptionHandler, AutoCloseable {
        private final Dialect dialect;
        private TestDb db;

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
        public void prepareInvocation(ExtensionContext context) {
            context.getStore(Provider.NS).put(Run.class, this); // closed with the class run
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestDb.class;
        }

        @Override
        public synchronized Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            if (db == null) {
                try {
                    db = TestDb.open(dialect);
                } catch (Exception e) {
                    throw new IllegalStateException("cannot open a " + dialect + " test database", e);
                }
            }
            return db;
        }

        /** Says on which database a test failed: the reports name the runs [1] and [2] only. */
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

        @Override
        public synchronized void close() throws Exception {
            if (db != null) {
                db.close();
                db = null;
            }
        }
    }
}
