package io.invoicekit.persistence.health;

import io.invoicekit.migration.InvoiceMigrations;
import io.invoicekit.migration.MigrationState;
import io.invoicekit.rls.AuditReport;
import io.invoicekit.rls.RlsAudit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.exception.DataAccessException;

/**
 * The checks of the seeds' post-migration verification and daily monitoring, each one query
 * against the catalog or the statistics views. Each constant is one check; a check never changes
 * the database.
 */
enum HealthCheck {

    MIGRATIONS("migrations") {
        @Override
        Check run(Inspection in) {
            InvoiceMigrations migrations = InvoiceMigrations.forDataSource(in.dataSource())
                    .applicationRole(in.applicationRole()).build();
            List<MigrationState> states = migrations.status();
            List<String> failed = states.stream().filter(MigrationState::failed).map(HealthCheck::describe).toList();
            List<MigrationState> pending = states.stream().filter(state -> !state.applied()).toList();
            Set<String> pendingVersions = pending.stream().map(MigrationState::version).collect(Collectors.toSet());
            // Validation also reports every pending migration: keep only what else it found (edits).
            List<String> invalid = migrations.validate().errors().stream()
                    .filter(error -> !pendingVersions.contains(error.substring(0, error.indexOf(' '))))
                    .toList();
            if (!failed.isEmpty() || !invalid.isEmpty()) {
                return new Check(name, Status.FAIL, failed.size() + " failed, " + invalid.size()
                        + " edited since applied: repair (see InvoiceMigrations#repair) and migrate, or restore the scripts",
                        concat(failed, invalid));
            }
            long applied = states.stream().filter(MigrationState::applied).count();
            if (!pending.isEmpty()) {
                return new Check(name, Status.WARN, applied + " applied, " + pending.size() + " pending",
                        pending.stream().map(HealthCheck::describe).toList());
            }
            return Check.ok(name, applied + " applied, none pending or failed", List.of());
        }
    },

    INVALID_INDEXES("invalid indexes") {
        @Override
        Check run(Inspection in) {
            List<String> invalid = lines(in, "SELECT i.relname || ' on ' || t.relname FROM pg_index x"
                    + " JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                    + " WHERE NOT x.indisvalid AND i.relnamespace = 'public'::regnamespace ORDER BY 1");
            return found(name, invalid, Status.FAIL, "an interrupted CREATE INDEX CONCURRENTLY: writes maintain it, "
                    + "reads cannot use it; run the migration again (repair, migrate) or REINDEX INDEX CONCURRENTLY",
                    "every index is valid");
        }
    },

    NOT_VALID_CONSTRAINTS("not valid constraints") {
        @Override
        Check run(Inspection in) {
            List<String> notValid = lines(in, "SELECT k.conname || ' on ' || t.relname FROM pg_constraint k"
                    + " JOIN pg_class t ON t.oid = k.conrelid"
                    + " WHERE NOT k.convalidated AND t.relnamespace = 'public'::regnamespace ORDER BY 1");
            return found(name, notValid, Status.FAIL, "existing rows were never checked (a migration stopped between "
                    + "ADD ... NOT VALID and VALIDATE): run the migration again", "every constraint is validated");
        }
    },

    ROW_LEVEL_SECURITY("row-level security") {
        @Override
        Check run(Inspection in) {
            AuditReport audit;
            try {
                audit = RlsAudit.of(in.dataSource()).audit(in.applicationRole(), "public");
            } catch (IllegalArgumentException nothingToAudit) {
                return new Check(name, Status.FAIL, nothingToAudit.getMessage(), List.of());
            }
            if (audit.isClean()) {
                return Check.ok(name, "every tenant-owned table is isolated for " + in.applicationRole(), List.of());
            }
            return new Check(name, Status.FAIL, audit.findings().size() + " weaknesses for " + in.applicationRole(),
                    audit.findings().stream().map(Object::toString).toList());
        }
    },

    DUPLICATE_INVOICE_NUMBERS("duplicate invoice numbers") {
        @Override
        Check run(Inspection in) {
            Record role = in.dsl().fetchOne("SELECT current_user AS name, rolsuper OR rolbypassrls AS sees_all"
                    + " FROM pg_roles WHERE rolname = current_user");
            if (role == null || !role.get("sees_all", Boolean.class)) {
                return Check.notAvailable(name, "runs as " + (role == null ? "an unknown role" : role.get("name"))
                        + ", which row-level security shows no tenant's invoices: run the report as a superuser "
                        + "or a role with BYPASSRLS to look for duplicates");
            }
            if (in.dsl().fetchOne("SELECT to_regclass('public.invoice_number_duplicates')").get(0) == null) {
                return Check.notAvailable(name, "the view invoice_number_duplicates does not exist (migration V6 is pending)");
            }
            List<String> duplicates = lines(in, "SELECT user_id || ' ' || invoice_number || ' x' || occurrences"
                    + " FROM public.invoice_number_duplicates ORDER BY user_id, invoice_number");
            return found(name, duplicates, Status.FAIL, "numbers used more than once within a tenant",
                    "every invoice number is unique within its tenant");
        }
    },

    UNUSED_INDEXES("unused indexes") {
        @Override
        Check run(Inspection in) {
            List<String> unused = lines(in, "SELECT s.indexrelname || ' on ' || s.relname || ' ('"
                    + " || pg_size_pretty(pg_relation_size(s.indexrelid)) || ')' FROM pg_stat_user_indexes s"
                    + " JOIN pg_index x ON x.indexrelid = s.indexrelid"
                    + " WHERE s.schemaname = 'public' AND s.idx_scan = 0 AND NOT x.indisunique AND NOT x.indisprimary"
                    + " ORDER BY pg_relation_size(s.indexrelid) DESC, 1");
            String since = in.dsl().fetchOne("SELECT coalesce(stats_reset, pg_postmaster_start_time())::text"
                    + " FROM pg_stat_database WHERE datname = current_database()").get(0, String.class);
            return found(name, unused, Status.WARN, "never scanned since " + since + " (unique and primary keys "
                    + "left out: they enforce rules); review before dropping, a monthly job may need one",
                    "every index has been scanned since " + since);
        }
    },

    DUPLICATE_INDEXES("duplicate indexes") {
        @Override
        Check run(Inspection in) {
            List<String> duplicates = lines(in, "SELECT t.relname || ': ' || string_agg(i.relname, ', ' ORDER BY i.relname)"
                    + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                    + " WHERE t.relnamespace = 'public'::regnamespace"
                    + " GROUP BY t.relname, x.indrelid, x.indkey::text, x.indclass::text, x.indcollation::text,"
                    + " coalesce(pg_get_expr(x.indexprs, x.indrelid), ''), coalesce(pg_get_expr(x.indpred, x.indrelid), ''),"
                    + " i.relam HAVING count(*) > 1 ORDER BY 1");
            return found(name, duplicates, Status.WARN, "indexes with the same definition: every write maintains "
                    + "each, reads use one; drop all but one", "no two indexes have the same definition");
        }
    },

    SIZES("table and index sizes") {
        @Override
        Check run(Inspection in) {
            List<String> sizes = lines(in, "SELECT c.relname || ': table ' || pg_size_pretty(pg_table_size(c.oid))"
                    + " || ', indexes ' || pg_size_pretty(pg_indexes_size(c.oid))"
                    + " || ', total ' || pg_size_pretty(pg_total_relation_size(c.oid))"
                    + " FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')"
                    + " ORDER BY pg_total_relation_size(c.oid) DESC, c.relname");
            String total = in.dsl().fetchOne("SELECT pg_size_pretty(pg_database_size(current_database()))")
                    .get(0, String.class);
            return Check.ok(name, "database " + total + ", largest tables first", sizes);
        }
    },

    CACHE_HIT_RATIO("cache hit ratio") {
        @Override
        Check run(Inspection in) {
            Record blocks = in.dsl().fetchOne("SELECT blks_hit, blks_read FROM pg_stat_database"
                    + " WHERE datname = current_database()");
            long hits = blocks.get("blks_hit", Long.class);
            long reads = blocks.get("blks_read", Long.class);
            if (hits + reads == 0) {
                return Check.ok(name, "no block read yet", List.of());
            }
            double ratio = (double) hits / (hits + reads);
            String detail = "%.2f%% of %d block reads from shared buffers, minimum %.2f%%"
                    .formatted(ratio * 100, hits + reads, in.thresholds().minimumCacheHitRatio() * 100);
            return new Check(name, ratio < in.thresholds().minimumCacheHitRatio() ? Status.WARN : Status.OK, detail,
                    List.of());
        }
    },

    CONNECTIONS("connections") {
        @Override
        Check run(Inspection in) {
            Record usage = in.dsl().fetchOne("SELECT (SELECT count(*) FROM pg_stat_activity"
                    + " WHERE backend_type = 'client backend') AS in_use, current_setting('max_connections')::int AS max");
            int inUse = usage.get("in_use", Integer.class);
            int max = usage.get("max", Integer.class);
            double share = (double) inUse / max;
            String detail = "%d of max_connections %d in use (%.0f%%), warn above %.0f%%"
                    .formatted(inUse, max, share * 100, in.thresholds().maximumConnectionUsage() * 100);
            return new Check(name, share > in.thresholds().maximumConnectionUsage() ? Status.WARN : Status.OK, detail,
                    List.of());
        }
    },

    SLOW_STATEMENTS("slowest statements") {
        @Override
        Check run(Inspection in) {
            Record extension = in.dsl().fetchOne("SELECT extnamespace::regnamespace::text AS schema FROM pg_extension"
                    + " WHERE extname = 'pg_stat_statements'");
            if (extension == null) {
                return Check.notAvailable(name, "pg_stat_statements is not installed in this database: add it to "
                        + "shared_preload_libraries, restart, then CREATE EXTENSION pg_stat_statements");
            }
            long threshold = in.thresholds().slowStatementMean().toMillis();
            Result<Record> slow;
            try {
                // PostgreSQL 13 renamed total_time/mean_time to total_exec_time/mean_exec_time.
                slow = in.dsl().fetch("SELECT calls, round(mean_exec_time::numeric, 1) AS mean_ms,"
                                + " round(total_exec_time::numeric, 1) AS total_ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query"
                                + " FROM " + extension.get("schema", String.class) + ".pg_stat_statements"
                                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                                + " AND mean_exec_time > ? ORDER BY mean_exec_time DESC LIMIT ?",
                        threshold, in.thresholds().slowStatementsListed());
            } catch (DataAccessException notLoaded) {
                return Check.notAvailable(name, "pg_stat_statements is installed but cannot be read: "
                        + notLoaded.getCause().getMessage());
            }
            List<String> statements = slow.stream().map(row -> row.get("mean_ms") + " ms mean, " + row.get("calls")
                    + " calls, " + row.get("total_ms") + " ms total: " + row.get("query")).toList();
            return found(name, statements, Status.WARN, "statements slower than " + threshold + " ms on average",
                    "no statement slower than " + threshold + " ms on average");
        }
    };

    final String name;

    HealthCheck(String name) {
        this.name = name;
    }

    /** Runs the check; the caller turns an exception into a FAIL. */
    abstract Check run(Inspection in);

    private static Check found(String name, List<String> items, Status status, String problem, String fine) {
        return items.isEmpty() ? Check.ok(name, fine, items) : new Check(name, status, items.size() + " " + problem, items);
    }

    private static List<String> lines(Inspection in, String sql) {
        return in.dsl().fetch(sql).getValues(0, String.class);
    }

    private static String describe(MigrationState state) {
        return "V" + state.version() + " " + state.description() + ": " + state.state();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
