package io.invoicekit.migration.safety;

import io.invoicekit.testing.ConnectionSettings;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;

/**
 * The release before a migration, still writing while the migration runs: each writer, on its
 * own connection, alternately inserts a draft with a line item (without a due date, as code
 * before V5 does) and updates a random {@link BulkInvoices} draft (the only invoices whose content
 * may change). Every write is its own
 * transaction; the longest one is the longest stall a user would have seen.
 *
 * <p>Writers stop when told, after {@value #MAX_OPERATIONS} writes each, or after
 * {@link #MAX_RUNNING}, whichever comes first, so a test that fails part way cannot leave them
 * running. A failed write stops its writer and is reported by {@link #stop()}.
 */
final class ConcurrentWriters {

    private static final int MAX_OPERATIONS = 200_000;
    private static final Duration MAX_RUNNING = Duration.ofMinutes(3);

    private final ExecutorService executor;
    private final List<Future<?>> writers = new ArrayList<>();
    private final CountDownLatch running;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicLong operations = new AtomicLong();
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong longestNanos = new AtomicLong();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    private ConcurrentWriters(int count) {
        this.executor = Executors.newFixedThreadPool(count);
        this.running = new CountDownLatch(count);
    }

    /**
     * Starts {@code count} writers on the database holding {@code bulkInvoices} bulk invoices and
     * returns once each has completed a write. {@code untouchable} invoices are never updated.
     */
    static ConcurrentWriters start(ConnectionSettings database, int count, int bulkInvoices, IntPredicate untouchable)
            throws InterruptedException {
        ConcurrentWriters writers = new ConcurrentWriters(count);
        long deadline = System.nanoTime() + MAX_RUNNING.toNanos();
        for (int writer = 0; writer < count; writer++) {
            int id = writer;
            writers.writers.add(writers.executor.submit(() -> writers.write(database, id, bulkInvoices, untouchable, deadline)));
        }
        if (!writers.running.await(1, TimeUnit.MINUTES)) {
            writers.stop();
            throw new IllegalStateException("the writers did not start: " + writers.failures);
        }
        return writers;
    }

    /** Writes completed so far, by all writers. */
    long operations() {
        return operations.get();
    }

    /** The longest single write since the last call (or the start), and starts measuring anew. */
    Duration takeLongestStall() {
        return Duration.ofNanos(longestNanos.getAndSet(0));
    }

    /** Stops the writers, waits for them, and reports what failed. */
    WriterReport stop() throws InterruptedException {
        stopped.set(true);
        executor.shutdown();
        if (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
            executor.shutdownNow();
            failures.add(new IllegalStateException("a writer did not stop within a minute"));
        }
        return new WriterReport(operations.get(), inserted.get(), List.copyOf(failures));
    }

    private void write(ConnectionSettings database, int writer, int bulkInvoices, IntPredicate untouchable, long deadline) {
        UUID tenant = BulkInvoices.tenant(writer);
        UUID client = BulkInvoices.client(writer);
        boolean started = false;
        try (Connection connection = database.connect();
             PreparedStatement insertInvoice = connection.prepareStatement(
                     "INSERT INTO invoices (user_id, id, client_id, invoice_number, status, currency, issue_date,"
                             + " tax_rate, subtotal, tax, total, notes) VALUES (?, ?, ?, ?, 'draft', 'EUR', ?, 0, 10, 0, 10, 'writer')");
             PreparedStatement insertLine = connection.prepareStatement(
                     "INSERT INTO line_items (user_id, id, invoice_id, currency, position, description, quantity,"
                             + " unit_price, amount) VALUES (?, ?, ?, 'EUR', 1, 'Written during a migration', 1, 10, 10)");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE invoices SET purchase_order = ? WHERE user_id = ? AND id = ?")) {
            for (int i = 0; !stopped.get() && i < MAX_OPERATIONS && System.nanoTime() < deadline; i++) {
                long begun = System.nanoTime();
                if (i % 2 == 0) {
                    UUID invoice = UUID.randomUUID();
                    connection.setAutoCommit(false);
                    insertInvoice.setObject(1, tenant);
                    insertInvoice.setObject(2, invoice);
                    insertInvoice.setObject(3, client);
                    insertInvoice.setString(4, "INV-%d%06d".formatted(writer + 1, i));
                    insertInvoice.setDate(5, Date.valueOf(LocalDate.of(2025, 6, 1)));
                    insertInvoice.executeUpdate();
                    insertLine.setObject(1, tenant);
                    insertLine.setObject(2, UUID.randomUUID());
                    insertLine.setObject(3, invoice);
                    insertLine.executeUpdate();
                    connection.commit();
                    connection.setAutoCommit(true);
                    inserted.incrementAndGet();
                } else {
                    int n = BulkInvoices.draft(ThreadLocalRandom.current().nextInt(1, bulkInvoices + 1));
                    if (untouchable.test(n)) {
                        continue;
                    }
                    update.setString(1, "PO-" + writer + "-" + i);
                    update.setObject(2, BulkInvoices.tenant(n));
                    update.setObject(3, BulkInvoices.invoice(n));
                    update.executeUpdate();
                }
                longestNanos.accumulateAndGet(System.nanoTime() - begun, Math::max);
                operations.incrementAndGet();
                if (!started) {
                    started = true;
                    running.countDown();
                }
            }
        } catch (SQLException | RuntimeException e) {
            failures.add(e);
            if (!started) {
                running.countDown();
            }
        }
    }

    /**
     * @param operations writes completed by all writers
     * @param inserted   invoices inserted (and committed) by all writers
     * @param failures   what made a writer stop early; empty when none did
     */
    record WriterReport(long operations, long inserted, List<Throwable> failures) {
    }
}
