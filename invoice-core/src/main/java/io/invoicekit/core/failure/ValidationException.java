package io.invoicekit.core.failure;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The domain refused an input or an operation; {@link #violations()} lists every broken rule, not
 * only the first. The message names them all ({@code invalid invoice draft: lines[2].quantity must
 * be greater than 0, was -1; taxRate must be between 0 and 100, was 120}), so it can be shown as is.
 *
 * <p>Subtypes mark refusals a caller may want to tell apart, such as an {@link
 * IllegalStatusTransitionException}; catching this type catches them all.
 */
public non-sealed class ValidationException extends InvoiceKitException {

    private final List<Violation> violations;

    /**
     * @param subject what was refused, the start of the message: {@code invalid client}
     * @param violations the broken rules, at least one
     */
    public ValidationException(String subject, List<Violation> violations) {
        super(describe(subject, violations), null);
        this.violations = List.copyOf(violations);
    }

    /** False: the same input breaks the same rules again. */
    @Override
    public final boolean retryable() {
        return false;
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(String subject, List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        return violations.stream()
                .map(Violation::describe)
                .collect(Collectors.joining("; ", subject + ": ", ""));
    }
}
