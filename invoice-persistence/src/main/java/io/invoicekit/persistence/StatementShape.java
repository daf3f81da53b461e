package io.invoicekit.persistence;

import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.AttachableQueryPart;

/**
 * A statement that returns no rows (an insert, an update, several of them sent as one), its SQL
 * rendered once ({@link ShapeSql}), its values bound per call.
 */
final class StatementShape {

    private final ShapeSql sql;

    private StatementShape(ShapeSql sql) {
        this.sql = sql;
    }

    /**
     * The shape that {@code build} makes, given the placeholders it asks for: a statement, or
     * {@linkplain org.jooq.impl.DSL#queries statements} that the driver sends in one round trip.
     */
    static StatementShape of(Function<Placeholders, ? extends AttachableQueryPart> build) {
        Placeholders placeholders = new Placeholders();
        AttachableQueryPart shape = build.apply(placeholders);
        return new StatementShape(new ShapeSql(shape, placeholders));
    }

    /**
     * Runs the statement in {@code context} with {@code values} in the placeholders, given in the
     * order they were asked for; the rows it changed.
     */
    int execute(DSLContext context, Object... values) {
        ShapeSql.Bound bound = sql.bind(context.configuration(), values);
        return context.query(bound.sql(), bound.values()).execute();
    }

    /** The statement's SQL as {@link #execute} sends it, for {@code context}'s dialect and settings. */
    String sql(DSLContext context) {
        return sql.sql(context.configuration());
    }
}
