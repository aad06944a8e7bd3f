package nl.samenredzaam.testing.db;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ClassTemplateInvocationContext;
import org.junit.jupiter.api.extension.ClassTemplateInvocationContextProvider;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

import nl.samenredzaam.api.data.Database;
import nl.samenredzaam.api.data.Sql;

/**
 * The extension behind {@link DatabaseTest}: one run per database, of a whole class (class
 * template) or of one method (test template).
 */
public final class DatabaseTestExtension implements ClassTemplateInvocationContextProvider, TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DatabaseTestExtension.class);

    @Override
    public boolean supportsClassTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestClass(), DatabaseTest.class);
    }

    @Override
    public Stream<Run> provideClassTemplateInvocationContexts(ExtensionContext context) {
        return runs(context.getRequiredTestClass(), context);
    }

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getRequiredTestMethod(), DatabaseTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        if (AnnotationSupport.isAnnotated(context.getRequiredTestClass(), DatabaseTest.class)) {
            throw new ExtensionConfigurationException(context.getRequiredTestClass().getName()
                    + " already runs once per database (@DatabaseTest on the class): use @Test on its methods");
        }
        return runs(context.getRequiredTestMethod(), context).map(TestTemplateInvocationContext.class::cast);
    }

    private static Stream<Run> runs(AnnotatedElement annotated, ExtensionContext context) {
        DatabaseTest settings = AnnotationSupport.findAnnotation(annotated, DatabaseTest.class).orElseThrow();
        List<Sql.Dialect> dialects = Arrays.stream(settings.databases()).distinct().filter(TestDatabases::enabled).toList();
        if (dialects.isEmpty()) {
            throw new ExtensionConfigurationException("no database left to run " + context.getDisplayName()
                    + " on: check @DatabaseTest(databases) and -D" + TestDatabases.DATABASES_PROPERTY);
        }
        return dialects.stream().map(dialect -> new Run(dialect, settings.migrations()));
    }

    /**
     * The test class's database of one kind: opened on first use, kept in the store of the class
     * (of the class run, for a class template) and so closed by JUnit when the class is done.
     */
    static TestDatabase database(ExtensionContext context, Sql.Dialect dialect, String[] migrations) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        TestDatabase db = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(dialect, TestDatabases::open, TestDatabase.class);
        return db.migrate(migrations);
    }

    /** One run on one database. */
    static final class Run implements ClassTemplateInvocationContext, TestTemplateInvocationContext, ParameterResolver,
            TestExecutionExceptionHandler {
        private final Sql.Dialect dialect;
        private final String[] migrations;

        Run(Sql.Dialect dialect, String[] migrations) {
            this.dialect = dialect;
            this.migrations = migrations.clone();
        }

        @Override
        public String getDisplayName(int invocationIndex) {
            return name();
        }

        private String name() {
            return dialect == Sql.Dialect.H2 ? "H2" : "PostgreSQL";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public void prepareInvocation(ExtensionContext context) {
            // nothing: the database is opened when first asked for
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            return type == TestDatabase.class || type == Database.class || type == Sql.Dialect.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Class<?> type = parameter.getParameter().getType();
            if (type == Sql.Dialect.class) {
                return dialect;
            }
            TestDatabase db;
            try {
                db = database(context, dialect, migrations);
            } catch (RuntimeException e) {
                throw new ParameterResolutionException("cannot prepare the " + name() + " test database: " + e.getMessage(), e);
            }
            return type == Database.class ? db.database() : db;
        }

        /** Puts the database's name in front of a failure: reports only number the runs. */
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            if (failure instanceof AssertionFailedError e) {
                String message = "[" + name() + "] " + e.getMessage();
                AssertionFailedError named = e.isExpectedDefined() && e.isActualDefined()
                        ? new AssertionFailedError(message, e.getExpected().getValue(), e.getActual().getValue(), e.getCause())
                        : new AssertionFailedError(message, e.getCause());
                named.setStackTrace(e.getStackTrace());
                throw named;
            }
            failure.addSuppressed(new IllegalStateException("failed on " + name()));
            throw failure;
        }
    }
}
