package io.invoicekit.persistence;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;

/**
 * The words of the schema's rules, where the schema keeps them: each constraint's comment
 * ({@code COMMENT ON CONSTRAINT}, migration V9) and each unique index's that is not a constraint
 * (a partial one, {@code COMMENT ON INDEX}). Read once, on the first error that needs them,
 * so that a store costs nothing until a write is refused; a rule a trigger raises carries its words
 * in the error itself and needs no lookup.
 *
 * <p>Hazard: read on a connection of its own, after the failed transaction ended. If that read
 * fails too (the database went away), the error keeps PostgreSQL's own message and the next
 * error tries again.
 */
final class RuleWordings {

    private static final String COMMENTS = """
            select c.conrelid::regclass::text, c.conname, obj_description(c.oid, 'pg_constraint')
            from pg_catalog.pg_constraint c
            where c.connamespace = current_schema()::regnamespace
              and obj_description(c.oid, 'pg_constraint') is not null
            union all
            select i.indrelid::regclass::text, x.relname, obj_description(x.oid, 'pg_class')
            from pg_catalog.pg_index i join pg_catalog.pg_class x on x.oid = i.indexrelid
            where i.indisunique
              and x.relnamespace = current_schema()::regnamespace
              and not exists (select from pg_catalog.pg_constraint c where c.conindid = x.oid)
              and obj_description(x.oid, 'pg_class') is not null""";

    private final DSLContext dsl;
    private final AtomicReference<Map<String, String>> byConstraint = new AtomicReference<>();

    RuleWordings(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The words of {@code constraint} of {@code table}, if the schema has any. */
    Optional<String> of(String table, String constraint) {
        Map<String, String> wordings = byConstraint.get();
        if (wordings == null) {
            try {
                wordings = dsl.resultQuery(COMMENTS).fetchMap(
                        row -> key(row.get(0, String.class), row.get(1, String.class)), row -> row.get(2, String.class));
            } catch (RuntimeException unavailable) {
                // Not only jOOQ's DataAccessException: a service's context may translate it into its
                // own (Spring Boot's does). Without the words, the violation is still reported.
                return Optional.empty();
            }
            byConstraint.compareAndSet(null, wordings);
        }
        return Optional.ofNullable(wordings.get(key(table, constraint)));
    }

    // Constraint names are unique per table, not per schema.
    private static String key(String table, String constraint) {
        return table + "." + constraint;
    }
}
