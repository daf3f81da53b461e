package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.CLIENTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.deleteFrom;
import static org.jooq.impl.DSL.queries;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.update;
import static org.jooq.impl.DSL.val;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Queries;
import org.jooq.Record1;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.junit.jupiter.api.Test;

/** What a query shape and a statement shape render and bind; no database needed: the repositories' tests run its queries. */
class QueryShapeTest {

    private static final UUID TENANT = UUID.fromString("0192e4a0-7c3b-7d2e-9f41-3b5c8d7e1a20");
    private static final UUID CLIENT = UUID.fromString("0192e4a0-7c3b-7d2e-9f41-3b5c8d7e1a21");

    // The limit's placeholder is asked for first but occurs last in the SQL.
    private static final QueryShape<Record1<String>> NAME_OF = QueryShape.of(value -> {
        Field<Integer> limit = value.of(SQLDataType.INTEGER);
        return nameOf(value.of(CLIENTS.USER_ID), value.of(CLIENTS.ID), limit);
    });

    private final DSLContext store = DSL.using(SQLDialect.POSTGRES,
            new Settings().withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_UNQUOTED));

    @Test
    void the_sql_is_what_jooq_renders_for_the_query_built_with_values() {
        assertThat(NAME_OF.sql(store)).isEqualTo(store.render(nameOf(val(TENANT), val(CLIENT), val(1))));
    }

    @Test
    void the_values_are_bound_where_their_placeholders_occur_each_as_its_column() {
        assertThat(NAME_OF.with(store, 1, TENANT, CLIENT).getBindValues()).containsExactly(TENANT, CLIENT, 1);
    }

    /**
     * Each transaction's context is derived, with a copy of the settings, and jOOQ adds an empty
     * render mapping to the settings it renders with: the SQL is still rendered only once.
     */
    @Test
    void every_transaction_of_a_store_uses_the_sql_rendered_once() {
        String first = NAME_OF.sql(store.configuration().derive().dsl());

        assertThat(NAME_OF.sql(store.configuration().derive().dsl())).isSameAs(first);
    }

    @Test
    void other_settings_get_the_sql_of_their_own() {
        DSLContext unqualified = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false));

        assertThat(NAME_OF.sql(unqualified)).doesNotContain("public.");
        assertThat(NAME_OF.sql(store)).contains("public.");
    }

    @Test
    void statements_sent_as_one_are_rendered_as_jooq_renders_them_one_after_the_other() {
        StatementShape rename = StatementShape.of(value -> renameThenDelete(value.of(CLIENTS.NAME),
                value.of(CLIENTS.USER_ID), value.of(CLIENTS.ID)));

        assertThat(rename.sql(store)).isEqualTo(store.render(renameThenDelete(val("New"), val(TENANT), val(CLIENT))));
    }

    @Test
    void a_value_built_into_the_shape_is_refused_it_would_be_bound_on_every_call() {
        QueryShape<Record1<String>> fixed = QueryShape.of(value ->
                nameOf(val(TENANT), value.of(CLIENTS.ID), value.of(SQLDataType.INTEGER)));

        assertThatThrownBy(() -> fixed.sql(store)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("a value of the shape is not a placeholder");
    }

    @Test
    void a_call_gives_a_value_for_every_placeholder() {
        assertThatThrownBy(() -> NAME_OF.with(store, 1, TENANT)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the shape has 3 placeholders, given 2 values");
    }

    private static Queries renameThenDelete(Field<String> name, Field<UUID> tenant, Field<UUID> client) {
        return queries(update(CLIENTS).set(CLIENTS.NAME, name).where(CLIENTS.USER_ID.eq(tenant)),
                deleteFrom(CLIENTS).where(CLIENTS.ID.eq(client)));
    }

    private static Select<Record1<String>> nameOf(Field<UUID> tenant, Field<UUID> client, Field<Integer> limit) {
        return select(CLIENTS.NAME).from(CLIENTS).where(CLIENTS.USER_ID.eq(tenant)).and(CLIENTS.ID.eq(client))
                .limit(limit);
    }
}
