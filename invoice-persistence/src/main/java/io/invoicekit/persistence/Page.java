package io.invoicekit.persistence;

import java.util.List;

/**
 * One page of a keyset-paged list. Ask for the next page with the id of the last item: the
 * database seeks straight to it through an index, however deep the page.
 *
 * @param items   at most the requested number of items, in list order
 * @param hasMore whether a next page exists
 */
public record Page<T>(List<T> items, boolean hasMore) {

    public Page {
        items = List.copyOf(items);
    }

    /** The page of {@code limit} items from rows fetched with {@code limit + 1}. */
    static <T> Page<T> of(List<T> fetched, int limit) {
        boolean hasMore = fetched.size() > limit;
        return new Page<>(hasMore ? fetched.subList(0, limit) : fetched, hasMore);
    }

    static int checkLimit(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
        }
        return limit;
    }

    /** The largest page: bounds the memory and the time one call can take. */
    public static final int MAX_LIMIT = 10_000;
}
