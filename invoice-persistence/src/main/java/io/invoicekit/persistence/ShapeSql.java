package io.invoicekit.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Configuration;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderMapping;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

/**
 * The SQL of a {@link QueryShape} or a {@link StatementShape}, rendered once, not on every call:
 * only its values change from call to call. Building and rendering a jOOQ query took 35 to 140 µs
 * of Java per call on the repositories' small reads (measured), more than the rest of their Java
 * work.
 *
 * <p>The shape is built once, with a {@linkplain Placeholders placeholder} where each call's value
 * goes. On first use, its SQL is rendered with the calling context's dialect and settings, and the
 * order in which the placeholders occur in it is noted. A call runs that SQL as a plain-SQL query of
 * its own context, each value bound through its placeholder's data type: through the column's
 * binding and converter, as the built query would bind it. Execute listeners, the transaction's
 * connection and the error translation see a jOOQ query like any other. A visit listener, though,
 * sees the shape only when it is rendered.
 */
final class ShapeSql {

    private final QueryPart shape;
    private final List<Param<?>> placeholders;
    private volatile Rendered rendered;

    /** The SQL for one dialect and settings, and the placeholder (by index) of each of its bind markers. */
    private record Rendered(SQLDialect dialect, Settings settings, String sql, int[] placeholderAt) {
    }

    /** The SQL to send, and the values to bind to its markers, in their order. */
    record Bound(String sql, Object[] values) {
    }

    /** The SQL of {@code shape}, built with {@code placeholders}. */
    ShapeSql(QueryPart shape, Placeholders placeholders) {
        this.shape = shape;
        this.placeholders = placeholders.made();
    }

    /** The SQL for {@code configuration}, and {@code values}, given in the order their placeholders were asked for. */
    Bound bind(Configuration configuration, Object[] values) {
        if (values.length != placeholders.size()) {
            throw new IllegalArgumentException("the shape has " + placeholders.size() + " placeholders, given "
                    + values.length + " values");
        }
        Rendered sql = renderedFor(configuration);
        Object[] bound = new Object[sql.placeholderAt().length];
        for (int i = 0; i < bound.length; i++) {
            int placeholder = sql.placeholderAt()[i];
            bound[i] = DSL.val(values[placeholder], placeholders.get(placeholder).getDataType());
        }
        return new Bound(sql.sql(), bound);
    }

    /** The SQL as {@link #bind} gives it, for {@code configuration}'s dialect and settings. */
    String sql(Configuration configuration) {
        return renderedFor(configuration).sql();
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
        Matcher markers = Pattern.compile(prefix + Placeholders.NAME_PREFIX + "(\\d+)").matcher(named);
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
}
