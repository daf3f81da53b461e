package io.invoicekit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.ContextConverter;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;

/**
 * The rows of a statement that selects {@code fields}, read from the driver's result set through
 * each field's converter, as jOOQ would read them into records, but without the records: for a
 * page of a thousand invoices joined to their lines, a jOOQ record per row cost more than the
 * query. A field is found by identity: the fields asked for are the ones selected.
 */
final class DriverRows {

    /** The values of a row's fields, as a jOOQ {@link org.jooq.Record#get(Field)} reads them. */
    interface Values {
        <T> T get(Field<T> field);
    }

    private final Map<Field<?>, Integer> columns = new IdentityHashMap<>();
    private final ContextConverter<?, ?>[] converters;

    DriverRows(List<? extends Field<?>> fields) {
        converters = new ContextConverter<?, ?>[fields.size()];
        for (int i = 0; i < fields.size(); i++) {
            columns.put(fields.get(i), i);
            // Looked up once: per value, the lookup cost more than the conversion.
            converters[i] = fields.get(i).getConverter();
        }
    }

    /** The fields of the current row of {@code rows}, each read when asked for. */
    Values current(ResultSet rows) {
        return new Values() {
            @Override
            public <T> T get(Field<T> field) {
                return value(rows, column(field));
            }
        };
    }

    /** The values of {@code fields} in the current row of {@code rows}, read now: they outlive the row. */
    Values copy(ResultSet rows, List<? extends Field<?>> fields) {
        Object[] values = new Object[converters.length];
        for (Field<?> field : fields) {
            int column = column(field);
            values[column] = value(rows, column);
        }
        return new Values() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> T get(Field<T> field) {
                return (T) values[column(field)];
            }
        };
    }

    private int column(Field<?> field) {
        Integer column = columns.get(field);
        if (column == null) {
            throw new IllegalArgumentException("not selected: " + field);
        }
        return column;
    }

    @SuppressWarnings("unchecked")
    private <T> T value(ResultSet rows, int column) {
        try {
            return (T) convert(converters[column], read(rows, column + 1, converters[column].fromType()));
        } catch (SQLException e) {
            throw new DataAccessException("reading column " + (column + 1) + " failed", e);
        }
    }

    /** Column {@code column} as {@code type}; the driver reads a timestamptz as an OffsetDateTime, jOOQ as an Instant. */
    private static Object read(ResultSet rows, int column, Class<?> type) throws SQLException {
        if (type == Instant.class) {
            OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
            return time == null ? null : time.toInstant();
        }
        return rows.getObject(column, type);
    }

    private static <U, T> T convert(ContextConverter<U, T> converter, Object value) {
        return converter.from(converter.fromType().cast(value));
    }
}
