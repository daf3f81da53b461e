package io.invoicekit.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.failure.DatabaseException;
import java.util.ArrayList;
import java.util.List;

/** What every typed database failure promises its caller, asserted in one place. */
final class TypedFailures {

    private TypedFailures() {
    }

    /**
     * {@code thrown} is a {@code type} with one of {@code sqlStates} (null: none), says whether a retry
     * may succeed, and carries no SQL: not in its message, and not in its causes' (jOOQ's wrapper,
     * whose message is the statement, is left out of the chain).
     */
    static <T extends DatabaseException> T assertTyped(Throwable thrown, Class<T> type, boolean retryable,
                                                       String... sqlStates) {
        assertThat(thrown).isInstanceOf(type);
        T failure = type.cast(thrown);
        assertThat(failure.sqlState()).as("SQLSTATE of %s", failure).isIn((Object[]) sqlStates);
        assertThat(failure.retryable()).as("retryable").isEqualTo(retryable);
        assertThat(failure.getMessage()).as("message")
                .doesNotContain("SQL [")
                .doesNotContainIgnoringCase("select ")
                .doesNotContainIgnoringCase("insert into")
                .doesNotContainIgnoringCase("update ")
                .doesNotContain("set_config");
        assertThat(chain(failure)).as("cause chain")
                .noneMatch(cause -> String.valueOf(cause.getMessage()).contains("SQL ["));
        return failure;
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
