package io.invoicekit.persistence;

import static io.invoicekit.persistence.StoreFixture.EUR;
import static io.invoicekit.persistence.StoreFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.invoice.CreditNote;
import io.invoicekit.core.invoice.CreditNoteDraft;
import io.invoicekit.core.invoice.CreditNoteStatus;
import io.invoicekit.core.invoice.Invoice;
import io.invoicekit.core.invoice.InvoiceDraft;
import io.invoicekit.core.invoice.InvoiceNumber;
import io.invoicekit.core.invoice.InvoiceStatus;
import io.invoicekit.core.invoice.LineDraft;
import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.Quantity;
import io.invoicekit.core.payment.Payment;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import io.invoicekit.core.series.DocumentKind;
import io.invoicekit.core.series.NumberPattern;
import io.invoicekit.core.series.NumberingSeries;
import io.invoicekit.core.series.ResetPeriod;
import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.tenant.PaymentId;
import io.invoicekit.core.tenant.TenantId;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of what a service does with documents (create, discard and issue drafts in two
 * series, credit notes, payments, a fifth of the issues and credit notes rolled back, refused
 * attempts among them), each from a seed so that a failure can be replayed. Whatever the sequence:
 * every series is numbered exactly 1..N, credit notes never exceed what their invoice billed, and
 * each invoice's amounts credited and paid are what its credit notes and payments add up to, so
 * that balance = total - paid - credited.
 */
class DocumentSequencesTest extends StoreTest {

    private static final int STEPS = 80;

    DocumentSequencesTest(MigratedDatabase database) {
        super(database, 2);
    }

    /** A step the service chose to roll back after it succeeded. */
    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("rolled back on purpose");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void every_series_stays_gapless_and_every_invoice_adds_up(long seed) {
        Random random = new Random(seed);
        TenantId tenant = fixture.newTenant();
        ClientId client = fixture.newClient(tenant, 30);
        List<NumberingSeries> invoiceSeries = store.inTenant(tenant, tx -> List.of(
                tx.series().defaultFor(DocumentKind.INVOICE).orElseThrow(),
                tx.series().create(DocumentKind.INVOICE, "Shop", "S", NumberPattern.of("{prefix}{yyyy}-{seq:4}"),
                        ResetPeriod.YEARLY, false)));

        for (int step = 0; step < STEPS; step++) {
            List<Invoice> invoices = all(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), Page.MAX_LIMIT).items());
            List<Invoice> drafts = invoices.stream().filter(i -> i.status() == InvoiceStatus.DRAFT).toList();
            List<Invoice> issued = invoices.stream().filter(i -> i.number() != null
                    && i.status() != InvoiceStatus.CREDITED).toList();
            boolean rollBack = random.nextInt(5) == 0;
            switch (random.nextInt(6)) {
                case 0, 5 -> store.inTenant(tenant, tx -> tx.invoices().createDraft(draft(client, random)));
                case 1 -> pick(drafts, random).ifPresent(draft -> store.inTenantRun(tenant,
                        tx -> tx.invoices().discard(draft.id(), draft.version())));
                case 2 -> pick(drafts, random).ifPresent(draft -> attempt(tenant, rollBack, tx -> tx.invoices()
                        .issue(draft.id(), draft.version(), invoiceSeries.get(random.nextInt(2)).id())));
                case 3 -> pick(issued, random).ifPresent(invoice -> attempt(tenant, rollBack, tx -> {
                    CreditNote note = tx.creditNotes().createDraft(new CreditNoteDraft(invoice.id(), "Correction",
                            List.of(line(random, invoice.subtotal()))));
                    return tx.creditNotes().issue(note.id(), note.version());
                }));
                default -> pick(issued, random).ifPresent(invoice -> attempt(tenant, false,
                        tx -> tx.payments().record(Payment.pending(PaymentId.generate(fixture.clock), invoice.id(),
                                amountUpTo(random, invoice.total()), PaymentMethod.CARD, TODAY, null, null).complete())));
            }
        }

        List<Invoice> invoices = all(tenant, tx -> tx.invoices().list(InvoiceFilter.all(), Page.MAX_LIMIT).items());
        for (NumberingSeries series : invoiceSeries) {
            assertGapless(invoices.stream().map(Invoice::number).filter(Objects::nonNull)
                    .filter(number -> number.text().startsWith(series.prefix())).toList(), series, seed);
        }
        List<CreditNote> notes = new ArrayList<>();
        for (Invoice invoice : invoices) {
            List<CreditNote> ofInvoice = store.inTenant(tenant, tx -> tx.creditNotes().forInvoice(invoice.id()));
            List<Payment> payments = store.inTenant(tenant, tx -> tx.payments().forInvoice(invoice.id()));
            Money credited = sum(ofInvoice.stream().map(CreditNote::total).toList());
            Money paid = sum(payments.stream().filter(p -> p.status() == PaymentStatus.COMPLETED)
                    .map(Payment::amount).toList());
            assertThat(ofInvoice).as("seed %d: credit notes of %s are issued", seed, invoice.number())
                    .allMatch(note -> note.status() == CreditNoteStatus.ISSUED);
            assertThat(invoice.amountCredited()).as("seed %d: credited on %s", seed, invoice.number()).isEqualTo(credited);
            assertThat(invoice.amountPaid()).as("seed %d: paid on %s", seed, invoice.number()).isEqualTo(paid);
            assertThat(invoice.total().isGreaterThan(credited) || invoice.total().equals(credited))
                    .as("seed %d: %s credited %s of %s", seed, invoice.number(), credited, invoice.total()).isTrue();
            assertThat(invoice.balance()).isEqualTo(invoice.total().minus(paid).minus(credited));
            notes.addAll(ofInvoice);
        }
        // The sequence did what it is about: issued in both series, and credited.
        assertThat(invoiceSeries).as("seed %d", seed).allSatisfy(series -> assertThat(invoices)
                .anyMatch(i -> i.number() != null && i.number().text().startsWith(series.prefix())));
        assertThat(notes).as("seed %d: credit notes", seed).isNotEmpty();
        NumberingSeries creditSeries = store.inTenant(tenant, tx -> tx.series().defaultFor(DocumentKind.CREDIT_NOTE))
                .orElseThrow();
        assertGapless(notes.stream().map(CreditNote::number).toList(), creditSeries, seed);
    }

    /** Runs a step in its own transaction; a refusal stores nothing, and so does a rollback. */
    private void attempt(TenantId tenant, boolean rollBack, Function<TenantTransaction, ?> step) {
        try {
            store.inTenant(tenant, tx -> {
                Object result = step.apply(tx);
                if (rollBack) {
                    throw new RolledBack();
                }
                return result;
            });
        } catch (RolledBack | ValidationException expected) {
            // nothing of the step is stored: the invariants below would show it otherwise
        }
    }

    private static void assertGapless(List<InvoiceNumber> numbers, NumberingSeries series, long seed) {
        assertThat(numbers.stream().map(InvoiceNumber::text).sorted().toList())
                .as("seed %d: numbers of %s", seed, series.name())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, numbers.size())
                        .mapToObj(sequence -> series.numberFor(TODAY, sequence)).sorted().toList());
    }

    private InvoiceDraft draft(ClientId client, Random random) {
        InvoiceDraft.Builder builder = InvoiceDraft.builder(EUR).client(client).issuedOn(TODAY)
                .taxRate(new BigDecimal(random.nextInt(3) * 10));
        for (int i = 0, lines = 1 + random.nextInt(3); i < lines; i++) {
            builder.line("Work " + i, BigDecimal.valueOf(1 + random.nextInt(3)),
                    BigDecimal.valueOf(1 + random.nextInt(20000), 2));
        }
        return builder.build();
    }

    /** A credit line of up to the invoice's subtotal net: sometimes more than is left, and refused. */
    private static LineDraft line(Random random, Money subtotal) {
        return new LineDraft("Credit", Quantity.of("1"), amountUpTo(random, subtotal), null);
    }

    private static Money amountUpTo(Random random, Money limit) {
        long cents = limit.amount().movePointRight(2).longValueExact();
        return Money.of(BigDecimal.valueOf(1 + (long) (random.nextDouble() * cents), 2), limit.currency());
    }

    private static Money sum(List<Money> amounts) {
        return amounts.stream().reduce(Money.zero(EUR), Money::plus);
    }

    private <T> List<T> all(TenantId tenant, Function<TenantTransaction, List<T>> read) {
        return store.inTenant(tenant, read);
    }

    private static <T> Optional<T> pick(List<T> from, Random random) {
        return from.isEmpty() ? Optional.empty() : Optional.of(from.get(random.nextInt(from.size())));
    }
}
