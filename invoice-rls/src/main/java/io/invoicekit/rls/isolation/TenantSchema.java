package io.invoicekit.rls.isolation;

/**
 * Where the tenants live: the schema, the column that holds the tenant in every tenant-owned
 * table, the setting the policies read it from, and the table of the tenants themselves.
 *
 * @param schema        the schema whose tables are probed
 * @param tenantColumn  the tenant column of tenant-owned tables ({@code user_id})
 * @param tenantSetting the setting TenantContext sets per transaction ({@code app.user_id})
 * @param tenantsTable  the table with a row per tenant ({@code users})
 * @param tenantsKey    its key column, the tenant's id ({@code id})
 */
record TenantSchema(String schema, String tenantColumn, String tenantSetting, String tenantsTable,
                    String tenantsKey) {

    /** This project's schema, as the migrations create it. */
    static final TenantSchema INVOICEKIT = new TenantSchema("public", "user_id", "app.user_id", "users", "id");

    /** Whether the tables are named as the migrations name them, so that the hand-written probes apply. */
    boolean isInvoicekit() {
        return schema.equals(INVOICEKIT.schema) && tenantColumn.equals(INVOICEKIT.tenantColumn) && tenantSetting.equals(INVOICEKIT.tenantSetting)
                && tenantsTable.equals(INVOICEKIT.tenantsTable) && tenantsKey.equals(INVOICEKIT.tenantsKey);
    }
}
