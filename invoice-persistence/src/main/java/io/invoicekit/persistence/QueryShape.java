package io.invoicekit.persistence;

import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.Select;

/**
 * A query whose SQL is rendered once ({@link ShapeSql}), its values bound per call. Its result has
 * the shape's fields, so the shape's mappings read it.
 *
 * @param <R> the shape's record type
 */
final class QueryShape<R extends Record> {

    private final List<Field<?>> fields;
    private final ShapeSql sql;

    private QueryShape(List<Field<?>> fields, ShapeSql sql) {
        this.fields = fields;
        this.sql = sql;
    }

    /** The shape that {@code build} makes, given the placeholders it asks for. */
    // getSelect(), deprecated for end users, not fields(): only the selected fields themselves, not
    // copies, find their values in a record by identity; two MULTISETs have the same name.
    @SuppressWarnings("deprecation")
    static <R extends Record> QueryShape<R> of(Function<Placeholders, Select<R>> build) {
        Placeholders placeholders = new Placeholders();
        Select<R> shape = build.apply(placeholders);
        return new QueryShape<>(shape.getSelect(), new ShapeSql(shape, placeholders));
    }

    /**
     * The query of {@code context} with {@code values} in the placeholders, given in the order
     * they were asked for.
     */
    ResultQuery<R> with(DSLContext context, Object... values) {
        ShapeSql.Bound bound = sql.bind(context.configuration(), values);
        // Coerced to the shape's fields, the plain-SQL query's records are of the shape's degree and
        // field types, which is what R is: jOOQ makes a record of degree N a RecordN.
        @SuppressWarnings("unchecked")
        ResultQuery<R> query = (ResultQuery<R>) context.resultQuery(bound.sql(), bound.values()).coerce(fields);
        return query;
    }

    /** The shape's SQL as {@link #with} sends it, for {@code context}'s dialect and settings. */
    String sql(DSLContext context) {
        return sql.sql(context.configuration());
    }
}
