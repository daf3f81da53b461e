package io.invoicekit.benchmarks.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which of a captured statement's parameters bind an array: only those are substituted inside. */
class CapturedStatementTest {

    @Test
    void the_array_parameters_are_the_placeholders_cast_to_an_array_type() {
        CapturedSql.Statement statement = CapturedSql.Statement.of("""
                select ?, 'it''s ? in a literal', "a ? in a name"
                from unnest(cast(? as uuid[]), cast(? as numeric(12, 2)[]), cast(? as text))
                where id = cast(? as uuid)""", List.of());

        assertThat(statement.arrayParameters()).containsExactlyInAnyOrder(2, 3);
    }
}
