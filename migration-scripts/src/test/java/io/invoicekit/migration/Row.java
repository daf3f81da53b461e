package io.invoicekit.migration;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A row to insert: its table and column values (nulls allowed), valid as {@link Tenant} makes it,
 * so that a test changes exactly the one value it is about with {@link #with}.
 */
record Row(String table, Map<String, Object> values) {

    Row {
        requireNonNull(table, "table is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    static Row of(String table, Object... columnsAndValues) {
        if (columnsAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("columnsAndValues must come in pairs, had "
                    + columnsAndValues.length + " elements");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            values.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        }
        return new Row(table, values);
    }

    /** The same row with one column set to another value (or added). */
    Row with(String column, Object value) {
        Map<String, Object> changed = new LinkedHashMap<>(values);
        changed.put(column, value);
        return new Row(table, changed);
    }

    UUID id() {
        return (UUID) values.get("id");
    }
}
