package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.series.NumberPattern;
import io.invoicekit.core.series.NumberingSeries;
import io.invoicekit.core.series.ResetPeriod;
import io.invoicekit.core.tenant.SeriesId;
import io.invoicekit.core.series.DocumentKind;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Java checks and previews a series' numbers, the database writes them: both must accept the same
 * patterns and write the same number for the same pattern, prefix, date and sequence.
 */
@ExtendWith(TestDatabaseExtension.class)
class NumberPatternAgreementTest {

    private static final List<String> PATTERNS = List.of("{prefix}{seq:6}", "{prefix}{yyyy}-{seq:6}", "{yy}{mm}{seq}",
            "{prefix}{yyyy}{mm}/{seq:18}", "{seq:1}", "No. {seq:3} ({yyyy})", "{prefix}{seq}{seq}", "{seq:0}",
            "{seq:19}", "{seq:07}", "{day}{seq}", "{prefix}", "{{seq}}", "x".repeat(55) + "{seq}",
            "x".repeat(56) + "{seq}", "a\u0007{seq}");
    private static final List<LocalDate> DATES = List.of(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 1),
            LocalDate.of(999, 3, 9));
    private static final List<Long> SEQUENCES = List.of(1L, 999_999L, 1_000_000L, Long.MAX_VALUE);

    private final DSLContext owner;

    NumberPatternAgreementTest(MigratedDatabase database) {
        this.owner = DSL.using(database.ownerDataSource(), SQLDialect.POSTGRES);
    }

    @Test
    void the_database_accepts_exactly_the_patterns_and_resets_java_accepts() {
        List<String> disagreements = new ArrayList<>();
        for (String pattern : PATTERNS) {
            for (ResetPeriod reset : ResetPeriod.values()) {
                boolean database = owner.fetchSingle("select invoice_number_pattern_valid(?, ?)", pattern,
                        reset.name().toLowerCase(Locale.ROOT)).get(0, Boolean.class);
                if (database != javaAccepts(pattern, reset)) {
                    disagreements.add(pattern + " " + reset + ": database " + database);
                }
            }
        }

        assertThat(disagreements).isEmpty();
    }

    @Test
    void the_database_writes_the_numbers_java_writes() {
        List<String> disagreements = new ArrayList<>();
        for (String text : PATTERNS) {
            if (!javaAccepts(text, ResetPeriod.NEVER)) {
                continue;
            }
            NumberPattern pattern = NumberPattern.of(text);
            for (LocalDate date : DATES) {
                for (long sequence : SEQUENCES) {
                    String java = pattern.render("INV-", date, sequence);
                    String database = owner.fetchSingle("select invoice_number_render(?, ?, ?, ?)", text, "INV-", date,
                            sequence).get(0, String.class);
                    if (!java.equals(database)) {
                        disagreements.add(text + " " + date + " #" + sequence + ": Java " + java + ", database "
                                + database);
                    }
                }
            }
        }

        assertThat(disagreements).isEmpty();
    }

    private static boolean javaAccepts(String pattern, ResetPeriod reset) {
        try {
            NumberingSeries.create(SeriesId.of(UUID.randomUUID()), DocumentKind.INVOICE, "Series", "",
                    NumberPattern.of(pattern), reset, false);
            return true;
        } catch (ValidationException refused) {
            return false;
        }
    }
}
