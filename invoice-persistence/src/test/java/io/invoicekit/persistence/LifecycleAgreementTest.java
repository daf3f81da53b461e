package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Java checks the lifecycle first for its message, the database keeps it: the two must allow the
 * same moves, for every pair of statuses.
 */
@ExtendWith(TestDatabaseExtension.class)
class LifecycleAgreementTest {

    private final DSLContext owner;

    LifecycleAgreementTest(MigratedDatabase database) {
        this.owner = DSL.using(database.ownerDataSource(), SQLDialect.POSTGRES);
    }

    @Test
    void the_database_allows_exactly_the_moves_invoice_status_allows() {
        List<String> disagreements = new ArrayList<>();
        for (InvoiceStatus from : InvoiceStatus.values()) {
            for (InvoiceStatus to : InvoiceStatus.values()) {
                boolean database = owner.fetchSingle("select invoice_status_can_become(?, ?)",
                        stored(from), stored(to)).get(0, Boolean.class);
                if (database != from.canBecome(to)) {
                    disagreements.add(from + " -> " + to + ": Java " + from.canBecome(to) + ", database " + database);
                }
            }
        }

        assertThat(disagreements).isEmpty();
    }

    private static String stored(InvoiceStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }
}
