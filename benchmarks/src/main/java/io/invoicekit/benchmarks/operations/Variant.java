package io.invoicekit.benchmarks.operations;

/**
 * The ways an operation is measured, in the report's order: the value of every benchmark class's
 * {@code variant} parameter (JMH binds it by name, see {@link Parameters#VARIANT}). Each class lists
 * the ones it has in that parameter and gives each a case of its benchmark method; what each one
 * is, the report's "What the variants are" says.
 */
public enum Variant {
    REPOSITORY("repository (RLS)", true),
    JDBC("JDBC (RLS)", true),
    JDBC_WITHOUT_RLS("JDBC, RLS off", false),
    PER_ROW_POLICY("seeds' per-row policy", false),
    NO_INDEXES("no index scans", false),
    HIBERNATE("Hibernate ORM 7.4 (@TenantId, no RLS)", false),
    WITHOUT_LINES("JDBC, no lines (seeds' query)", false),
    MAX_PLUS_ONE("seeds' MAX()+1", false),
    SELECT_ONE("SELECT 1", false),
    CURRENT_TENANT_ID("current_tenant_id()", true),
    PLAIN_BODY("V14's body inline", false);

    private final String label;
    private final boolean signedAndUnsigned;

    Variant(String label, boolean signedAndUnsigned) {
        this.label = label;
        this.signedAndUnsigned = signedAndUnsigned;
    }

    /** How the report names it. */
    public String label() {
        return label;
    }

    /**
     * Whether it gives the tenant as the store does, and so is measured with the signed and the
     * unsigned tenant context; the baselines, whose tenant (none, or the seeds' bare
     * {@code app.user_id}) or query does not depend on it, with the signed one only.
     */
    public boolean signedAndUnsigned() {
        return signedAndUnsigned;
    }
}
