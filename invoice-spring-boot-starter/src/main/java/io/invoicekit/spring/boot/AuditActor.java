package io.invoicekit.spring.boot;

import java.util.function.Supplier;

/**
 * Who acts, for the audit trail: a bean of this type is asked once per store call, on the calling
 * thread (the signed-in user from the security context, the job's name), and the database records the
 * answer with every change the call makes; null for nobody. Without one, calls name nobody. A type of
 * its own rather than any {@code Supplier<String>}, so that no other bean of the service is taken for it.
 */
@FunctionalInterface
public interface AuditActor extends Supplier<String> {
}
