package io.invoicekit.persistence;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** A test class with its own migrated database and a store on it as the application role. */
@ExtendWith(TestDatabaseExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreTest {

    final StoreFixture fixture;
    final InvoiceStore store;

    StoreTest(MigratedDatabase database, int poolSize) {
        this.fixture = new StoreFixture(database, poolSize);
        this.store = fixture.store;
    }

    @AfterAll
    void closePool() {
        fixture.close();
    }
}
