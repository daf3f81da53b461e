package io.invoicekit.benchmarks.peer;

import io.invoicekit.core.invoice.InvoiceStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A row of an invoice list screen, projected by the query itself ({@code select new ...}): no
 * entity, no lines, nothing in the persistence context.
 *
 * @param balance what the client still owes: the total less what was paid and what was credited
 */
public record InvoiceSummary(UUID id, String number, String clientName, LocalDate issueDate, LocalDate dueDate,
                             BigDecimal total, BigDecimal balance, InvoiceStatus status) {
}
