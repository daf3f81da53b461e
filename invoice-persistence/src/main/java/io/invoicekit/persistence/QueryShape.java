package io.invoicekit.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * A query whose SQL is rendered once, not on every call: only its values change from call to call.
 * Building and rendering a jOOQ query took 35 to 140 µs of Java per call on the repositories'
 * small reads (measured), more than the rest of their Java work.
 *
 * <p>The shape is built once, with a {@linkplain Placeholders placeholder} where each call's value
 * goes. On first use, its SQL is rendered with the calling context's dialect and settings, and the
 * order in which the placeholders occur in it is noted. A call runs that SQL as a plain-SQL query of
 * its own context, each value bound through its placeholder's data type: through the column's
 * binding and converter, as the built query would bind it. Execute listeners, the transaction's
 * connection and the error translation see a jOOQ query like any other, and its result has the
 * shape's fields, so the shape's mappings read it. A visit listener, though, sees the shape only
 * when it is rendered.
 *
 * @param <R> the shape's record type
 */
final class QueryShape<R extends Record> {

    // Rendered as :ik_value_0, :ik_value_1, ... (the settings' prefix, : by default) with named parameters.
    private static final String NAME_PREFIX = "ik_value_";

    private final Select<R> shape;
    private final List<Field<?>> fields;
    private final List<Param<?>> placeholders;
    private volatile Rendered rendered;

    /** The SQL for one dialect and settings, and the placeholder (by index) of each of its bind markers. */
    private record Rendered(SQLDialect dialect, Settings settings, String sql, int[] placeholderAt) {
    }

    private QueryShape(Select<R> shape, List<Param<?>> placeholders) {
        this.shape = shape;
        this.fields = shape.getSelect();
        this.placeholders = List.copyOf(placeholders);
    }

    /** The shape that {@code build} makes, given the placeholders it asks for. */
    static <R extends Record> QueryShape<R> of(Function<Placeholders, Select<R>> build) {
        Placeholders placeholders = new Placeholders();
        Select<R> shape = build.apply(placeholders);
        return new QueryShape<>(shape, placeholders.made);
    }

    /**
     * The query of {@code context} with {@code values} in the placeholders, given in the order
     * they were asked for.
     */
    ResultQuery<R> with(DSLContext context, Object... values) {
        if (values.length != placeholders.size()) {
            throw new IllegalArgumentException("the shape has " + placeholders.size() + " placeholders, given "
                    + values.length + " values");
        }
        Rendered sql = renderedFor(context.configuration());
        Object[] bound = new Object[sql.placeholderAt().length];
        for (int i = 0; i < bound.length; i++) {
            int placeholder = sql.placeholderAt()[i];
            bound[i] = DSL.val(values[placeholder], placeholders.get(placeholder).getDataType());
        }
        // Coerced to the shape's fields, the plain-SQL query's records are of the shape's degree and
        // field types, which is what R is: jOOQ makes a record of degree N a RecordN.
        @SuppressWarnings("unchecked")
        ResultQuery<R> query = (ResultQuery<R>) context.resultQuery(sql.sql(), bound).coerce(fields);
        return query;
    }

    /** The shape's SQL as {@link #with} sends it, for {@code context}'s dialect and settings. */
    String sql(DSLContext context) {
        return renderedFor(context.configuration()).sql();
    }

    private Rendered renderedFor(Configuration configuration) {
        Settings settings = configuration.settings();
        // What jOOQ does the first time it renders with these settings: no render mapping and an
        // empty one mean the same, and the settings must compare equal before and after.
        if (settings.getRenderMapping() == null) {
            settings.setRenderMapping(new RenderMapping());
        }
        Rendered last = rendered;
        // By value: each transaction's configuration is derived, with a copy of the settings.
        if (last != null && last.dialect() == configuration.dialect() && last.settings().equals(settings)) {
            return last;
        }
        return render(configuration);
    }

    // Synchronized: a query part is not safe to render from two threads at once.
    private synchronized Rendered render(Configuration configuration) {
        String prefix = Pattern.quote(Objects.requireNonNullElse(configuration.settings().getRenderNamedParamPrefix(),
                ":"));
        String named = configuration.dsl().renderNamedParams(shape);
        // A value given to the shape, not a placeholder, renders as :1, :2, ...: it would be bound forever.
        if (Pattern.compile(prefix + "\\d").matcher(named).find()) {
            throw new IllegalStateException("a value of the shape is not a placeholder: " + named);
        }
        Matcher markers = Pattern.compile(prefix + NAME_PREFIX + "(\\d+)").matcher(named);
        List<Integer> order = new ArrayList<>();
        while (markers.find()) {
            order.add(Integer.parseInt(markers.group(1)));
        }
        // A copy: settings are mutable, and the SQL is of the settings as they are now.
        Rendered fresh = new Rendered(configuration.dialect(), (Settings) configuration.settings().clone(),
                markers.replaceAll("?"),
                order.stream().mapToInt(Integer::intValue).toArray());
        rendered = fresh;
        return fresh;
    }

    /** Where a call's values go in a shape, each typed as the column it is compared with or stored in. */
    static final class Placeholders {

        private final List<Param<?>> made = new ArrayList<>();

        private Placeholders() {
        }

        /** The next value, of {@code column}'s type, bound as the column binds it. */
        <T> Param<T> of(Field<T> column) {
            return of(column.getDataType());
        }

        /** The next value, of {@code type}. */
        <T> Param<T> of(DataType<T> type) {
            Param<T> placeholder = DSL.param(NAME_PREFIX + made.size(), type);
            made.add(placeholder);
            return placeholder;
        }
    }
}
