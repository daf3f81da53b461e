package io.invoicekit.benchmarks.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Generates one tenant's rows from its own seeded random, so a data set is the same on every
 * machine and a tenant does not change when another one does. The shapes follow what invoicing
 * data looks like: about one client per 20 invoices, a few clients taking most of them; 1 to 20
 * lines per invoice (about 5 on average); two years of history in which old invoices are mostly
 * paid and a tail of them is overdue, recent ones are drafts, sent or viewed, some paid in part.
 */
final class InvoiceDataGenerator {

    private static final List<String> SURNAMES = List.of(
            "Okafor", "Schmidt", "Nakamura", "Rossi", "Dubois", "Kowalski", "Andersen", "Silva", "Novak", "Fischer",
            "Moreau", "Jansen", "Horvat", "Costa", "Lindqvist", "Murphy", "Weber", "Fernandez", "Nowak", "Bauer",
            "Petrov", "Keller", "Larsen", "Romano", "Bianchi", "Meyer", "Walsh", "Tanaka", "Ivanova", "Berg",
            "Santos", "Kruger", "Laine", "Varga", "Popescu", "Eriksen", "Marino", "Hoffmann", "Dvorak", "Kaya",
            "Yilmaz", "Haddad", "Mensah", "Abara", "Chen", "Kim", "Singh", "Patel", "Nguyen", "Garcia",
            "Martin", "Lambert", "Vogel", "Brandt", "Sorensen", "Quinn", "Oduya", "Farouk", "Lopez", "Torres");
    private static final List<String> TRADES = List.of(
            "Consulting", "Software", "Logistics", "Design", "Bakery", "Architects", "Legal", "Media", "Robotics",
            "Catering", "Engineering", "Analytics", "Printing", "Studios", "Health", "Energy", "Travel", "Textiles",
            "Security", "Gardens");
    private static final List<String> LEGAL_FORMS = List.of("GmbH", "Ltd", "Inc", "LLC", "SA", "BV");
    private static final List<String> WORK = List.of(
            "Consulting hours", "Design review", "Server maintenance", "Support contract", "Workshop day",
            "Licence renewal", "Travel expenses", "Hosting", "Translation", "Training session", "Audit",
            "Photography", "Delivery", "Materials", "Project management");
    private static final List<String> CURRENCIES = List.of("EUR", "EUR", "EUR", "USD", "USD", "GBP", "CHF");
    private static final List<BigDecimal> TAX_RATES = Arrays.asList(
            new BigDecimal("0.00"), new BigDecimal("7.00"), new BigDecimal("19.00"), new BigDecimal("20.00"));
    private static final int[] PAYMENT_TERMS = {0, 14, 14, 30, 30, 30, 30, 30, 45, 60};
    private static final String[] METHODS = {"bank_transfer", "bank_transfer", "bank_transfer", "card", "card",
            "cash", "cheque", "other"};
    private static final BigDecimal[] FRACTIONAL_QUANTITIES = {new BigDecimal("0.5"), new BigDecimal("1.5"),
            new BigDecimal("2.25"), new BigDecimal("7.5"), new BigDecimal("0.25"), new BigDecimal("12.125")};
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int HISTORY_DAYS = 730;
    private static final int INVOICES_PER_CLIENT = 20;

    private final LocalDate asOf;

    InvoiceDataGenerator(LocalDate asOf) {
        this.asOf = asOf;
    }

    /** Writes the tenant of {@code rank} with {@code invoices} invoices to {@code out}; returns its id. */
    UUID tenant(int rank, int invoices, SplittableRandom random, Consumer<CopyRow> out) {
        var ids = new IdSource(random.split());
        Instant joined = asOf.minusDays(HISTORY_DAYS + 30).atStartOfDay(ZoneOffset.UTC).toInstant()
                .plusSeconds(random.nextLong(86_400L * 30));
        UUID tenant = ids.at(joined);
        String slug = String.format(Locale.ROOT, "tenant-%04d", rank);
        String name = "Tenant " + rank + " " + pick(SURNAMES, random) + " " + pick(TRADES, random);
        out.accept(new Rows.Tenant(tenant, name, "billing@" + slug + ".example.com"));
        String currency = pick(CURRENCIES, random);
        BigDecimal taxRate = pick(TAX_RATES, random);

        Rows.Client[] clients = new Rows.Client[Math.max(1, Math.round((float) invoices / INVOICES_PER_CLIENT))];
        for (int i = 0; i < clients.length; i++) {
            String surname = pick(SURNAMES, random);
            String trade = pick(TRADES, random);
            clients[i] = new Rows.Client(tenant, ids.at(joined.plusSeconds(i)),
                    surname + " " + trade + " " + pick(LEGAL_FORMS, random),
                    "accounts." + i + "@" + (surname + "-" + trade).toLowerCase(Locale.ROOT) + ".example.com",
                    PAYMENT_TERMS[random.nextInt(PAYMENT_TERMS.length)]);
            out.accept(clients[i]);
        }

        // Issue dates sorted, so that numbers follow dates as they do when invoices are issued one by one.
        long[] issueDays = new long[invoices];
        for (int i = 0; i < invoices; i++) {
            issueDays[i] = asOf.toEpochDay() - random.nextInt(HISTORY_DAYS + 1);
        }
        Arrays.sort(issueDays);
        var context = new TenantContext(tenant, name, currency, taxRate, ids, random, out, new Numbers());
        for (int i = 0; i < invoices; i++) {
            // A power law over the clients: the first few take most of the invoices.
            double u = random.nextDouble();
            Rows.Client client = clients[(int) (clients.length * u * u * u)];
            invoice(context, client, LocalDate.ofEpochDay(issueDays[i]));
        }
        return tenant;
    }

    /** What every invoice of one tenant shares while it is generated. */
    private record TenantContext(UUID tenant, String name, String currency, BigDecimal taxRate, IdSource ids,
                                 SplittableRandom random, Consumer<CopyRow> out, Numbers numbers) {
    }

    /**
     * A tenant's invoice numbers, given to its issued invoices only (drafts have none), so that
     * they run from 1 without a gap, as its default series would have given them.
     */
    private static final class Numbers {

        private long last;

        String next() {
            return String.format(Locale.ROOT, "INV-%06d", ++last);
        }
    }

    private void invoice(TenantContext context, Rows.Client client, LocalDate issued) {
        UUID tenant = context.tenant();
        String currency = context.currency();
        IdSource ids = context.ids();
        SplittableRandom random = context.random();
        Consumer<CopyRow> out = context.out();
        Instant created = issued.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(random.nextLong(86_400));
        UUID id = ids.at(created);
        int lineCount = 1 + Math.min(19, (int) (-Math.log(1 - random.nextDouble()) * 4.5));
        Rows.LineItem[] lines = new Rows.LineItem[lineCount];
        BigDecimal subtotal = BigDecimal.ZERO.setScale(2);
        for (int position = 1; position <= lineCount; position++) {
            BigDecimal quantity = random.nextInt(10) < 7
                    ? BigDecimal.valueOf(1 + random.nextInt(10)) : FRACTIONAL_QUANTITIES[random.nextInt(FRACTIONAL_QUANTITIES.length)];
            // Log-normal prices around 80: many small items, a few expensive ones.
            double price = Math.min(5_000, Math.max(1, Math.exp(Math.log(80) + random.nextGaussian())));
            BigDecimal unitPrice = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
            BigDecimal amount = quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
            subtotal = subtotal.add(amount);
            lines[position - 1] = new Rows.LineItem(tenant, ids.at(created), id, currency, position,
                    pick(WORK, random), quantity, unitPrice, amount);
        }
        BigDecimal taxRate = context.taxRate();
        BigDecimal tax = subtotal.multiply(taxRate).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        BigDecimal total = subtotal.add(tax);
        LocalDate due = issued.plusDays(client.paymentTermsDays());
        String status = status(issued, due, total, random);

        BigDecimal paid = BigDecimal.ZERO.setScale(2);
        LocalDate paidOn = null;
        Map<LocalDate, BigDecimal> payments = new HashMap<>();
        if (status.equals("paid") || status.equals("partially_paid")) {
            paid = status.equals("paid") ? total
                    : total.multiply(BigDecimal.valueOf(1 + random.nextInt(98))).divide(HUNDRED, 2, RoundingMode.DOWN)
                    .max(new BigDecimal("0.01"));
            // One payment, or a first instalment and the rest later.
            long window = Math.max(1, Math.min(asOf.toEpochDay(), due.toEpochDay() + 20) - issued.toEpochDay() + 1);
            paidOn = issued.plusDays(random.nextLong(window));
            BigDecimal first = random.nextInt(5) == 0 && paid.compareTo(new BigDecimal("0.02")) >= 0
                    ? paid.divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN) : paid;
            payments.put(issued.plusDays(random.nextLong(paidOn.toEpochDay() - issued.toEpochDay() + 1)), first);
            payments.merge(paidOn, paid.subtract(first), BigDecimal::add);
        }
        boolean draft = status.equals("draft");
        out.accept(new Rows.Invoice(tenant, id, client.id(), draft ? null : context.numbers().next(), status, currency,
                issued, due, taxRate, subtotal, tax, total, paid,
                status.equals("paid") ? paidOn.atTime(12, 0).toInstant(ZoneOffset.UTC) : null,
                random.nextInt(4) == 0 ? "PO-" + (10_000 + random.nextInt(90_000)) : null,
                draft ? null : created, draft ? null : context.name(), draft ? null : client.name()));
        for (Rows.LineItem line : lines) {
            out.accept(line);
        }
        for (var payment : payments.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            if (payment.getValue().signum() > 0) {
                String method = METHODS[random.nextInt(METHODS.length)];
                boolean throughProvider = method.equals("card") || method.equals("bank_transfer");
                out.accept(new Rows.Payment(tenant, ids.at(payment.getKey().atTime(12, 0).toInstant(ZoneOffset.UTC)),
                        id, currency, payment.getValue(), method,
                        throughProvider ? "psp-" + Long.toHexString(random.nextLong()) : null, payment.getKey()));
            }
        }
    }

    /**
     * The stored status, by age: invoices not yet due are mostly sent or viewed, past-due ones
     * mostly paid; the unpaid rest of those is what {@code OVERDUE} finds.
     */
    private String status(LocalDate issued, LocalDate due, BigDecimal total, SplittableRandom random) {
        int dice = random.nextInt(100);
        String status;
        if (issued.isAfter(asOf.minusDays(7))) {
            status = dice < 30 ? "draft" : dice < 80 ? "sent" : dice < 95 ? "viewed" : "paid";
        } else if (!due.isBefore(asOf)) {
            status = dice < 2 ? "draft" : dice < 42 ? "sent" : dice < 67 ? "viewed" : dice < 75 ? "partially_paid"
                    : dice < 97 ? "paid" : "void";
        } else {
            status = dice < 1 ? "draft" : dice < 6 ? "sent" : dice < 10 ? "viewed" : dice < 13 ? "partially_paid"
                    : dice < 97 ? "paid" : "void";
        }
        // A part payment of a one-cent invoice cannot exist.
        return status.equals("partially_paid") && total.compareTo(new BigDecimal("0.02")) < 0 ? "paid" : status;
    }

    private static <T> T pick(List<T> values, SplittableRandom random) {
        return values.get(random.nextInt(values.size()));
    }
}
