package io.invoicekit.migration;

import io.invoicekit.testdb.MigratedDatabase;
import io.invoicekit.testdb.TestDatabaseExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.ExtendWith;

// The README's example of a service's own integration test, as written, so that it compiles against
// the test database support (ReadmeCodeBlocksTest holds every README block to a test source). It
// has no test of its own: the support it shows is what every test class of this module uses.
@ExtendWith(TestDatabaseExtension.class)
class MyServiceIT {
    MyServiceIT(MigratedDatabase database) {
        DataSource app = database.applicationDataSource();   // subject to row-level security
    }
}
