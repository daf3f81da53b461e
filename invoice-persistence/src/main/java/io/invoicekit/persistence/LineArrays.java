package io.invoicekit.persistence;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.insertInto;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Query;
import org.jooq.QueryPart;
import org.jooq.Table;

/**
 * How a document's lines (an invoice's, a credit note's) are inserted: one array per column,
 * {@code insert into ... select ... from unnest(?, ?, ...) with ordinality}. Any number of lines,
 * none included, is the same SQL, so one prepared statement, where a multi-row {@code VALUES}
 * would be a new one for each count, and its values inlined by a batch a new plan each time. Each
 * line's position is its place in the arrays. Every row still goes through the table's triggers
 * and policies, as a row inserted alone does.
 *
 * @param <L> a line, as the domain holds it
 */
final class LineArrays<L> {

    /** A column that each line gives a value of, and how it does. */
    record Column<L>(Field<?> field, Function<? super L, ?> value) {
    }

    private static final String LINES = "lines";

    private final Table<?> table;
    private final List<Field<?>> perDocument;
    private final Field<Integer> position;
    private final List<Column<L>> perLine;

    /**
     * The insert into {@code table} of lines that share the values of {@code perDocument} (the
     * tenant, the document's id), each at its {@code position}, with a value of each of {@code perLine}.
     */
    LineArrays(Table<?> table, List<Field<?>> perDocument, Field<Integer> position, List<Column<L>> perLine) {
        this.table = table;
        this.perDocument = List.copyOf(perDocument);
        this.position = position;
        this.perLine = List.copyOf(perLine);
    }

    /**
     * The statement, for a {@link StatementShape}: of each column of the document in order, then
     * one array per column of a line in order, as {@link #arraysOf} gives them.
     */
    Query insert(Placeholders value) {
        List<Field<?>> columns = new ArrayList<>(perDocument);
        List<Field<?>> selected = new ArrayList<>();
        perDocument.forEach(column -> selected.add(value.of(column)));
        List<Field<?>> arrays = new ArrayList<>();
        List<Name> unnested = new ArrayList<>();
        for (Column<L> column : perLine) {
            columns.add(column.field());
            selected.add(unnested(column.field()));
            arrays.add(value.of(column.field().getDataType().array()));
            unnested.add(column.field().getUnqualifiedName());
        }
        columns.add(position);
        selected.add(unnested(position));
        unnested.add(position.getUnqualifiedName());
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < arrays.size(); i++) {
            markers.add("{" + i + "}");
        }
        Table<?> rows = table("unnest(" + String.join(", ", markers) + ") with ordinality", arrays.toArray(QueryPart[]::new))
                .as(name(LINES), unnested.toArray(Name[]::new));
        return insertInto(table).columns(columns).select(select(selected).from(rows));
    }

    /** The arrays of {@link #insert}'s placeholders for {@code lines}, one per column of a line, in order. */
    List<Object> arraysOf(List<? extends L> lines) {
        List<Object> arrays = new ArrayList<>(perLine.size());
        for (Column<L> column : perLine) {
            Object array = Array.newInstance(column.field().getType(), lines.size());
            for (int i = 0; i < lines.size(); i++) {
                Array.set(array, i, column.value().apply(lines.get(i)));
            }
            arrays.add(array);
        }
        return arrays;
    }

    /** {@code column} as the unnested row holds it. */
    private static Field<?> unnested(Field<?> column) {
        return field(name(LINES, column.getName()), column.getDataType());
    }
}
