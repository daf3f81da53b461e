package io.invoicekit.persistence;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a document as the database recorded it ({@code audit_events}, written by a trigger
 * in the changing transaction, never rewritten).
 *
 * @param occurredAt    when, by the database's clock
 * @param documentKind  {@code invoice}, {@code credit_note}, {@code payment} or {@code refund}
 * @param documentId    the document; a line's change is its invoice's or credit note's
 * @param changedTable  the table of the row that changed ({@code line_items} for a line)
 * @param action        {@code created}, {@code changed} or {@code deleted}
 * @param changes       JSON: the row as created or deleted, or each changed column's old and new value
 * @param actor         who, as the service named them ({@link InvoiceStore#inTenant(io.invoicekit.core.tenant.TenantId,
 *                      String, java.util.function.Function)}), or null
 * @param reason        why, where the change has a reason (a credit note's), or null
 */
public record AuditEvent(Instant occurredAt, String documentKind, UUID documentId, String changedTable,
                         String action, String changes, String actor, String reason) {
}
