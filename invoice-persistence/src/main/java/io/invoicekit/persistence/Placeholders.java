package io.invoicekit.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.impl.DSL;

/**
 * Where a call's values go in a {@link QueryShape} or a {@link StatementShape}, each typed as the
 * column it is compared with or stored in.
 */
final class Placeholders {

    /** Placeholders render as :ik_value_0, :ik_value_1, ... (the settings' prefix, : by default) with named parameters. */
    static final String NAME_PREFIX = "ik_value_";

    private final List<Param<?>> made = new ArrayList<>();

    Placeholders() {
    }

    /** The next value, of {@code column}'s type, bound as the column binds it. */
    <T> Param<T> of(Field<T> column) {
        return of(column.getDataType());
    }

    /** The next values, one per column of {@code columns} in order, each set to it: for an insert's or an update's SET. */
    Map<Field<?>, Field<?>> each(List<? extends Field<?>> columns) {
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        columns.forEach(column -> set.put(column, of(column)));
        return set;
    }

    /** The next value, of {@code type}. */
    <T> Param<T> of(DataType<T> type) {
        Param<T> placeholder = DSL.param(NAME_PREFIX + made.size(), type);
        made.add(placeholder);
        return placeholder;
    }

    /** The placeholders asked for, in order. */
    List<Param<?>> made() {
        return List.copyOf(made);
    }
}
