package io.invoicekit.benchmarks.report;

import java.util.Arrays;

/** The ways each operation is measured, named after the benchmark methods, in the report's order. */
enum Variant {
    REPOSITORY("repository", "repository (RLS)"),
    JDBC("jdbc", "JDBC (RLS)"),
    JDBC_WITHOUT_RLS("jdbcWithoutRls", "JDBC, RLS off"),
    PER_ROW_POLICY("perRowPolicy", "seeds' per-row policy"),
    NO_INDEXES("noIndexes", "no index scans"),
    WITHOUT_LINES("withoutLines", "JDBC, no lines (seeds' query)"),
    MAX_PLUS_ONE("maxPlusOne", "seeds' MAX()+1"),
    SELECT_ONE("selectOne", "SELECT 1"),
    CURRENT_TENANT_ID("calls", "current_tenant_id()"),
    PLAIN_BODY("plainBody", "V14's body inline");

    private final String method;
    private final String label;

    Variant(String method, String label) {
        this.method = method;
        this.label = label;
    }

    static Variant ofMethod(String method) {
        return Arrays.stream(values())
                .filter(variant -> variant.method.equals(method))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variant is measured by a method " + method));
    }

    String method() {
        return method;
    }

    String label() {
        return label;
    }
}
