package io.invoicekit.migration;

import io.invoicekit.testing.SchemaMigration;
import javax.sql.DataSource;

/**
 * The invoicing schema for invoice-testing's test databases, found by its {@code ServiceLoader}:
 * migrates them exactly as a deployment does. Loaded only where invoice-testing is on the classpath
 * (an optional dependency of this artifact), that is in tests.
 */
public final class InvoiceSchemaForTests implements SchemaMigration {

    @Override
    public void migrate(DataSource owner, String applicationRole) {
        InvoiceMigrations.forDataSource(owner).applicationRole(applicationRole).build().migrate();
    }
}
