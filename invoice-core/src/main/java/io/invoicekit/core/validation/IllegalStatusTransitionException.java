package io.invoicekit.core.validation;

import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import java.util.List;

/**
 * A status change the lifecycle does not allow, such as a paid invoice made void or a failed payment
 * completed. It names both states: {@code invoice INV-000001: status cannot go from PAID to VOID}.
 */
public class IllegalStatusTransitionException extends ValidationException {

    private final Enum<?> from;
    private final Enum<?> to;

    /**
     * @param subject what refused the change: {@code invoice INV-000001}
     * @param from the current status
     * @param to the status that was asked for
     */
    public IllegalStatusTransitionException(String subject, Enum<?> from, Enum<?> to) {
        super(subject, List.of(new Violation("status", "transition", "cannot go from " + from + " to " + to)));
        this.from = from;
        this.to = to;
    }

    public Enum<?> from() {
        return from;
    }

    public Enum<?> to() {
        return to;
    }
}
