package io.invoicekit.benchmarks.peer;

import io.invoicekit.core.series.NumberPattern;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A tenant's numbering series and its counter. Read with a pessimistic write lock and moved on in
 * the issuing transaction, so that numbers are gapless (a rollback gives the number back with the
 * lock) and never given twice; no {@code @Version}, which the lock makes redundant.
 */
@Entity
@Table(name = "invoice_series")
@IdClass(TenantScopedId.class)
public class InvoiceSeries {

    @Id
    @TenantId
    @Column(name = "user_id")
    private UUID userId;
    @Id
    private UUID id;
    @Column(name = "document_kind")
    private String documentKind;
    @Column(name = "is_default")
    private boolean isDefault;
    private String name;
    private String prefix;
    private String pattern;
    @Column(name = "reset_period")
    private String resetPeriod;
    @Column(name = "last_number")
    private long lastNumber;
    @Column(name = "period_start")
    private LocalDate periodStart;
    @Column(name = "last_issue_date")
    private LocalDate lastIssueDate;

    protected InvoiceSeries() {
    }

    /** A number taken from a series: which series, the sequence in it, the number as printed. */
    record Number(UUID seriesId, long sequence, String text) {
    }

    /**
     * The next number, for a document issued on {@code issueDate}, as our take_document_number gives
     * it: back to 1 on passing into a later period of a series that restarts, never dated before the
     * last number given.
     */
    Number take(LocalDate issueDate) {
        if (lastIssueDate != null && issueDate.isBefore(lastIssueDate)) {
            throw new IllegalStateException("series " + name + " issued on " + lastIssueDate + ", a document cannot be "
                    + "dated " + issueDate);
        }
        LocalDate period = switch (resetPeriod) {
            case "never" -> null;
            case "yearly" -> issueDate.withDayOfYear(1);
            case "monthly" -> issueDate.withDayOfMonth(1);
            default -> throw new IllegalStateException("series " + name + " has an unknown reset period " + resetPeriod);
        };
        lastNumber = periodStart == null || period == null || periodStart.equals(period) ? lastNumber + 1 : 1;
        periodStart = period;
        lastIssueDate = issueDate;
        return new Number(id, lastNumber, NumberPattern.of(pattern).render(prefix, issueDate, lastNumber));
    }
}
