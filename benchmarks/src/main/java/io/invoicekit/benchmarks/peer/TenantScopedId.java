package io.invoicekit.benchmarks.peer;

import java.io.Serializable;
import java.util.UUID;

/**
 * The key of every tenant's row, as the tables have it: {@code (user_id, id)}. The {@code @IdClass}
 * of each tenant-owned entity, whose {@code user_id} is also its {@code @TenantId}: Hibernate fills
 * it in from the session's tenant and refuses a key of another tenant's, and the associations
 * join on both columns, so that every join is served by the tables' tenant-leading indexes.
 */
public record TenantScopedId(UUID userId, UUID id) implements Serializable {
}
