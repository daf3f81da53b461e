package io.invoicekit.persistence.health;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of one health check.
 *
 * @param name   what was checked, e.g. {@code invalid indexes}
 * @param status how it came out
 * @param detail one line saying what was found, or why the check could not look
 * @param items  the objects found, one line each (an index, a statement, a table and its size)
 */
public record Check(String name, Status status, String detail, List<String> items) {

    public Check {
        requireNonNull(name, "name is null");
        requireNonNull(status, "status is null");
        requireNonNull(detail, "detail is null");
        items = List.copyOf(requireNonNull(items, "items is null"));
    }

    static Check ok(String name, String detail, List<String> items) {
        return new Check(name, Status.OK, detail, items);
    }

    static Check notAvailable(String name, String detail) {
        return new Check(name, Status.NOT_AVAILABLE, detail, List.of());
    }
}
