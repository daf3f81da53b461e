package io.invoicekit.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test class its own migrated database: declare a {@link MigratedDatabase} parameter
 * on a constructor, a {@code @BeforeAll} or a test method. The database is dropped (where the
 * provider may) after the class.
 *
 * <pre>{@code
 * @ExtendWith(TestDatabaseExtension.class)
 * class InvoiceRepositoryTest {
 *     InvoiceRepositoryTest(MigratedDatabase database) { ... }
 * }
 * }</pre>
 */
public final class TestDatabaseExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TestDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NAMESPACE).getOrComputeIfAbsent(ClassDatabase.class, key -> new ClassDatabase());
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MigratedDatabase.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(ClassDatabase.class, key -> new ClassDatabase(), ClassDatabase.class)
                .database;
    }

    /** Closed by JUnit when the class's store is discarded, after the class's last test. */
    private static final class ClassDatabase implements AutoCloseable {
        private final MigratedDatabase database = TestDatabase.shared().newDatabase();

        @Override
        public void close() {
            TestDatabase.shared().release(database);
        }
    }
}
