package io.invoicekit.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test class {@link ScratchDatabases} (a constructor, {@code @BeforeAll} or test method
 * parameter), dropped after the class. Skips the class when the test database is an existing
 * one given by URL, which tests must not create or drop databases on.
 *
 * <pre>{@code
 * @ExtendWith(ScratchDatabaseExtension.class)
 * class UpgradePathTest {
 *     UpgradePathTest(ScratchDatabases databases) { ... databases.empty() ... }
 * }
 * }</pre>
 */
public final class ScratchDatabaseExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ScratchDatabaseExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        DatabaseProvider provider = TestDatabase.shared();
        Assumptions.assumeTrue(provider.createsDatabases(), () -> context.getDisplayName()
                + " needs databases of its own to break, which " + provider.describe()
                + " cannot give; it runs on the embedded default or with -D" + TestDatabase.PROPERTY + "=testcontainers");
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ScratchDatabases.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return classContextOf(context).getStore(NAMESPACE).getOrComputeIfAbsent(
                ScratchDatabases.class, key -> new ScratchDatabases(TestDatabase.shared()), ScratchDatabases.class);
    }

    /** The class-level context, so that one set of databases serves the whole class. */
    private static ExtensionContext classContextOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }
}
