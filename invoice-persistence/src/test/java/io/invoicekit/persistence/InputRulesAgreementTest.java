package io.invoicekit.persistence;

import static io.invoicekit.persistence.InputTables.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.core.failure.Violation;
import io.invoicekit.core.payment.PaymentMethod;
import io.invoicekit.core.payment.PaymentStatus;
import io.invoicekit.core.series.DocumentKind;
import io.invoicekit.core.series.ResetPeriod;
import io.invoicekit.persistence.ApplicationWrites.Outcome;
import io.invoicekit.persistence.ApplicationWrites.Refused;
import io.invoicekit.persistence.ApplicationWrites.Stored;
import io.invoicekit.persistence.InputCatalog.Check;
import io.invoicekit.persistence.InputCatalog.Column;
import io.invoicekit.persistence.InputTables.Documents;
import io.invoicekit.persistence.InputTables.InputTable;
import io.invoicekit.testing.MigratedDatabase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Java checks every input before it is written, the database keeps the rules whoever writes: the
 * two must refuse the same rows, and say why in the same words. Every rule on what the application
 * role writes, as the catalog of the migrated schema has it (CHECK constraints over input columns,
 * NOT NULL, varchar lengths, numeric precisions, text itself), is fed the same rows on both sides of
 * its boundary: to Java, as the value type the row becomes before it is stored, and to the
 * database, inserted by the application's login past every Java rule. A constraint that has no
 * case here fails {@link #every_rule_on_what_the_application_writes_has_a_case}: a CHECK cannot be
 * added without its Java rule.
 */
class InputRulesAgreementTest extends StoreTest {

    private static final String NAME_OF_201 = "x".repeat(201);
    private static final String LONGEST_EMAIL = "a".repeat(242) + "@example.com";
    private static final LocalDate ONE_BC = LocalDate.of(0, 12, 31);
    private static final LocalDate FIRST_DAY = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(9999, 12, 31);
    private static final LocalDate YEAR_10000 = LocalDate.of(10_000, 1, 1);
    /** After PostgreSQL's last day (5874897-12-31): the type refuses it before any CHECK, SQLSTATE 22008. */
    private static final LocalDate BEYOND_POSTGRESQL = LocalDate.of(5_874_898, 1, 1);
    private static final Pattern LISTED_VALUE = Pattern.compile("'([a-z_]+)'::text");

    private final ApplicationWrites application;
    private final InputCatalog catalog;
    private final DSLContext owner;
    private final Documents documents;

    InputRulesAgreementTest(MigratedDatabase database) {
        super(database, 2);
        this.application = new ApplicationWrites(database.applicationDataSource(), StoreFixture.signing(database));
        this.catalog = InputCatalog.read(database.ownerDataSource(), database.applicationRole());
        this.owner = DSL.using(database.ownerDataSource(), SQLDialect.POSTGRES);
        this.documents = Documents.arrange(fixture);
    }

    /**
     * A rule of the schema and rows on either side of it. {@code javaField} is the field Java
     * refuses the row on, in the words of the constraint's comment unless {@code javaRule} names the
     * other rule it is refused by (a total Java derives from the lines); null for a column the
     * library itself fills ({@code position}), whose rows only the database is fed.
     */
    record Case(String constraint, String table, String javaField, String javaRule,
                List<Map<String, Object>> accepted, List<Map<String, Object>> refused, List<Map<String, Object>> refusedByType) {

        static Case rule(String constraint, String table, String javaField) {
            return new Case(constraint, table, javaField, null, List.of(), List.of(), List.of());
        }

        static Case derived(String constraint, String table, String javaField, String javaRule) {
            return new Case(constraint, table, javaField, javaRule, List.of(), List.of(), List.of());
        }

        static Case keptByTheLibrary(String constraint, String table) {
            return new Case(constraint, table, null, null, List.of(), List.of(), List.of());
        }

        @SafeVarargs
        final Case accepts(Map<String, Object>... rows) {
            return new Case(constraint, table, javaField, javaRule, List.of(rows), refused, refusedByType);
        }

        @SafeVarargs
        final Case refuses(Map<String, Object>... rows) {
            return new Case(constraint, table, javaField, javaRule, accepted, List.of(rows), refusedByType);
        }

        /** Rows the column's type refuses before the constraint sees them (a date beyond PostgreSQL's). */
        @SafeVarargs
        final Case refusesByType(Map<String, Object>... rows) {
            return new Case(constraint, table, javaField, javaRule, accepted, refused, List.of(rows));
        }

        @Override
        public String toString() {
            return constraint;
        }
    }

    static List<Case> cases() {
        return List.of(
                Case.rule("users_name_not_blank", "users", "name")
                        .accepts(row("name", "T"), row("name", "x".repeat(200)), row("name", "Caf\u00e9 \uD83D\uDCB6"))
                        .refuses(row("name", " "), row("name", NAME_OF_201), row("name", "\u3000\u2003"),
                                row("name", "\u001c")),
                Case.rule("users_legal_name_not_blank", "users", "name")
                        .accepts(row("legal_name", "L"), row("legal_name", "x".repeat(200)))
                        .refuses(row("legal_name", " "), row("legal_name", NAME_OF_201), row("legal_name", "\u3000")),
                Case.rule("users_email_format", "users", "email")
                        .accepts(row("email", "ana@example.com"), row("email", "a@b.c"), row("email", LONGEST_EMAIL))
                        .refuses(emails()),
                Case.rule("clients_name_not_blank", "clients", "name")
                        .accepts(row("name", "A"), row("name", "x".repeat(200)))
                        .refuses(row("name", " "), row("name", NAME_OF_201), row("name", "\u2028")),
                Case.rule("clients_email_format", "clients", "email")
                        .accepts(row("email", "ana@example.com"), row("email", "a@b.c."), row("email", LONGEST_EMAIL))
                        .refuses(emails()),
                Case.rule("clients_payment_terms_range", "clients", "paymentTermsDays")
                        .accepts(row("payment_terms_days", 0), row("payment_terms_days", 365))
                        .refuses(row("payment_terms_days", -1), row("payment_terms_days", 366)),

                Case.rule("services_currency_supported", "services", "currency")
                        .accepts(row("currency", "JPY"), row("currency", "USD"))
                        .refuses(row("currency", "BHD")),
                Case.rule("services_default_tax_rate_range", "services", "taxRate")
                        .accepts(row("default_tax_rate", new BigDecimal("0")), row("default_tax_rate", new BigDecimal("100")))
                        .refuses(row("default_tax_rate", new BigDecimal("100.01")),
                                row("default_tax_rate", new BigDecimal("-0.01"))),
                Case.rule("services_name_not_blank", "services", "name")
                        .accepts(row("name", "S"), row("name", "x".repeat(200)))
                        .refuses(row("name", ""), row("name", NAME_OF_201)),
                Case.rule("services_unit_price_non_negative", "services", "unitPrice")
                        .accepts(row("unit_price", new BigDecimal("0.00")),
                                row("unit_price", new BigDecimal("9999999999.99")))
                        .refuses(row("unit_price", new BigDecimal("-0.01"))),

                Case.rule("invoices_currency_supported", "invoices", "currency")
                        .accepts(nothingBilled("currency", "JPY"), nothingBilled("currency", "USD"))
                        .refuses(nothingBilled("currency", "BHD")),
                Case.rule("invoices_due_date_required", "invoices", "dueDate")
                        .accepts(row("due_date", StoreFixture.TODAY))
                        .refuses(row("due_date", null)),
                Case.rule("invoices_due_not_before_issue", "invoices", "dueDate")
                        .accepts(row("due_date", StoreFixture.TODAY))
                        .refuses(row("due_date", StoreFixture.TODAY.minusDays(1))),
                Case.rule("invoices_issue_date_in_range", "invoices", "issueDate")
                        .accepts(row("issue_date", FIRST_DAY, "due_date", FIRST_DAY.plusDays(30)),
                                row("issue_date", LAST_DAY, "due_date", LAST_DAY))
                        .refuses(row("issue_date", ONE_BC, "due_date", FIRST_DAY.plusDays(30)),
                                row("issue_date", LocalDate.of(-44, 3, 15), "due_date", FIRST_DAY.plusDays(30)))
                        .refusesByType(row("issue_date", BEYOND_POSTGRESQL, "due_date", BEYOND_POSTGRESQL)),
                Case.rule("invoices_due_date_in_range", "invoices", "dueDate")
                        .accepts(row("due_date", LAST_DAY))
                        .refuses(row("due_date", YEAR_10000))
                        .refusesByType(row("due_date", BEYOND_POSTGRESQL)),
                Case.rule("invoices_purchase_order_length", "invoices", "purchaseOrder")
                        .accepts(row("purchase_order", "P".repeat(100)), row("purchase_order", "   "))
                        .refuses(row("purchase_order", "P".repeat(101))),
                // Java derives the subtotal from the lines, whose prices are never negative: a
                // negative subtotal is not their sum. (The tax and total make it past the CHECKs
                // tested before this one by name.)
                Case.derived("invoices_subtotal_non_negative", "invoices", "subtotal", "sumOfLines")
                        .accepts(nothingBilled("currency", "EUR"))
                        .refuses(row("tax_rate", new BigDecimal("0.00"), "subtotal", new BigDecimal("-0.01"),
                                "tax", new BigDecimal("0.01"), "total", new BigDecimal("0.00"))),
                Case.rule("invoices_tax_consistent", "invoices", "tax")
                        .accepts(row("tax", new BigDecimal("20.00"), "total", new BigDecimal("120.00")))
                        .refuses(row("tax", new BigDecimal("19.99"), "total", new BigDecimal("119.99"))),
                Case.rule("invoices_tax_rate_range", "invoices", "taxRate")
                        .accepts(nothingBilled("tax_rate", new BigDecimal("0")), nothingBilled("tax_rate", new BigDecimal("100")))
                        .refuses(nothingBilled("tax_rate", new BigDecimal("100.01")),
                                nothingBilled("tax_rate", new BigDecimal("-0.01"))),
                Case.rule("invoices_total_consistent", "invoices", "total")
                        .accepts(row("total", new BigDecimal("120.00")))
                        .refuses(row("total", new BigDecimal("120.01"))),

                Case.rule("line_items_amount_consistent", "line_items", "amount")
                        .accepts(row("amount", new BigDecimal("29.99")))
                        .refuses(row("amount", new BigDecimal("29.98")), row("amount", new BigDecimal("30.00"))),
                Case.rule("line_items_description_not_blank", "line_items", "description")
                        .accepts(row("description", "d"), row("description", "x".repeat(1000)))
                        .refuses(row("description", " "), row("description", "x".repeat(1001)),
                                row("description", "\u001c\u001f")),
                // The repository numbers an invoice's lines 1, 2, ... as it stores them.
                Case.keptByTheLibrary("line_items_position_positive", "line_items")
                        .accepts(row("position", 1_000)).refuses(row("position", 0)),
                Case.rule("line_items_quantity_positive", "line_items", "quantity")
                        .accepts(row("quantity", new BigDecimal("0.001"), "amount", new BigDecimal("0.02")))
                        .refuses(row("quantity", new BigDecimal("0"), "amount", new BigDecimal("0.00")),
                                row("quantity", new BigDecimal("-1"), "amount", new BigDecimal("-19.99"))),
                Case.rule("line_items_unit_price_non_negative", "line_items", "unitPrice")
                        .accepts(row("unit_price", new BigDecimal("0.00"), "amount", new BigDecimal("0.00")))
                        .refuses(row("unit_price", new BigDecimal("-0.01"), "amount", new BigDecimal("-0.02"))),

                Case.rule("credit_notes_reason_not_blank", "credit_notes", "reason")
                        .accepts(row("reason", "r"), row("reason", "x".repeat(1000)))
                        .refuses(row("reason", " "), row("reason", "x".repeat(1001))),

                Case.rule("credit_note_lines_amount_consistent", "credit_note_lines", "amount")
                        .accepts(row("amount", new BigDecimal("29.99")))
                        .refuses(row("amount", new BigDecimal("29.98"))),
                Case.rule("credit_note_lines_description_not_blank", "credit_note_lines", "description")
                        .accepts(row("description", "x".repeat(1000)))
                        .refuses(row("description", "\t"), row("description", "x".repeat(1001))),
                // The repository numbers a credit note's lines 1, 2, ... as it stores them.
                Case.keptByTheLibrary("credit_note_lines_position_positive", "credit_note_lines")
                        .accepts(row("position", 1_000)).refuses(row("position", 0)),
                Case.rule("credit_note_lines_quantity_positive", "credit_note_lines", "quantity")
                        .accepts(row("quantity", new BigDecimal("0.001"), "amount", new BigDecimal("0.02")))
                        .refuses(row("quantity", new BigDecimal("0"), "amount", new BigDecimal("0.00"))),
                Case.rule("credit_note_lines_unit_price_non_negative", "credit_note_lines", "unitPrice")
                        .accepts(row("unit_price", new BigDecimal("0.00"), "amount", new BigDecimal("0.00")))
                        .refuses(row("unit_price", new BigDecimal("-0.01"), "amount", new BigDecimal("-0.02"))),

                Case.rule("payments_amount_positive", "payments", "amount")
                        .accepts(row("amount", new BigDecimal("0.01")))
                        .refuses(row("amount", new BigDecimal("0.00")), row("amount", new BigDecimal("-0.01"))),
                Case.rule("payments_payment_date_in_range", "payments", "paymentDate")
                        .accepts(row("payment_date", FIRST_DAY), row("payment_date", LAST_DAY))
                        .refuses(row("payment_date", ONE_BC), row("payment_date", YEAR_10000))
                        .refusesByType(row("payment_date", BEYOND_POSTGRESQL)),

                Case.rule("refunds_amount_positive", "refunds", "amount")
                        .accepts(row("amount", new BigDecimal("0.01")))
                        .refuses(row("amount", new BigDecimal("0.00"))),
                Case.rule("refunds_refund_date_in_range", "refunds", "refundDate")
                        .accepts(row("refund_date", FIRST_DAY), row("refund_date", LAST_DAY))
                        .refuses(row("refund_date", ONE_BC), row("refund_date", YEAR_10000))
                        .refusesByType(row("refund_date", BEYOND_POSTGRESQL)),

                Case.rule("invoice_series_name_not_blank", "invoice_series", "name")
                        .accepts(row("name", "S"), row("name", "x".repeat(100)))
                        .refuses(row("name", " "), row("name", "x".repeat(101)), row("name", "\u3000")),
                Case.rule("invoice_series_pattern_valid", "invoice_series", "pattern")
                        .accepts(row("pattern", "{prefix}{seq:6}"), row("pattern", "x".repeat(55) + "{seq}"),
                                row("pattern", "{prefix}{yyyy}-{seq}", "reset_period", "yearly"),
                                row("pattern", "{yy}{mm}{seq:18}", "reset_period", "monthly"))
                        .refuses(row("pattern", "{prefix}"), row("pattern", "{seq}{seq}"), row("pattern", "{seq:19}"),
                                row("pattern", "x".repeat(56) + "{seq}"), row("pattern", "{prefix}{dd}{seq}"),
                                row("pattern", "a\u0085{seq}"),
                                row("pattern", "{prefix}{seq}", "reset_period", "yearly"),
                                row("pattern", "{yyyy}-{seq}", "reset_period", "monthly")),
                Case.rule("invoice_series_prefix_valid", "invoice_series", "prefix")
                        .accepts(row("prefix", ""), row("prefix", "P".repeat(20)), row("prefix", "INV "))
                        .refuses(row("prefix", "P".repeat(21)), row("prefix", "IN{V"), row("prefix", "IN\tV"),
                                row("prefix", "INV\u0085"), row("prefix", "\u007f")));
    }

    /** Emails each email rule refuses: no domain, white space inside (ASCII or not), two @, too long. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object>[] emails() {
        return Stream.of("ana@example", "ana @example.com", "ana\u2003x@example.com", "ana\u001c@example.com",
                        "ana@exam\tple.com", "a@b@example.com", "a" + LONGEST_EMAIL)
                .map(email -> row("email", email)).toArray(Map[]::new);
    }

    /** A draft billing nothing (no line, totals 0), with {@code column} set: any rate and currency add up. */
    private static Map<String, Object> nothingBilled(String column, Object value) {
        Map<String, Object> row = row("subtotal", new BigDecimal("0.00"), "tax", new BigDecimal("0.00"),
                "total", new BigDecimal("0.00"));
        row.put(column, value);
        return row;
    }

    /**
     * A CHECK whose values Java cannot leave: its column is an enum in Java, and the CHECK's list
     * must be the enum's constants as the repositories store them (lower case).
     */
    record Vocabulary(String constraint, Class<? extends Enum<?>> type) {
        @Override
        public String toString() {
            return constraint;
        }
    }

    static List<Vocabulary> vocabularies() {
        return List.of(
                new Vocabulary("payments_method_valid", PaymentMethod.class),
                new Vocabulary("payments_status_valid", PaymentStatus.class),
                new Vocabulary("refunds_method_valid", PaymentMethod.class),
                new Vocabulary("invoice_series_kind_valid", DocumentKind.class),
                new Vocabulary("invoice_series_reset_valid", ResetPeriod.class));
    }

    /**
     * NOT NULL input columns that no caller fills, so Java has no null to refuse: the library
     * writes them from what it holds.
     */
    private static final Map<String, String> FILLED_BY_THE_LIBRARY = Map.ofEntries(
            Map.entry("users.id", "the tenant being registered, the transaction's tenant"),
            Map.entry("*.user_id", "the transaction's tenant"),
            Map.entry("*.version", "a Java long, the version read"),
            Map.entry("*.position", "the repository numbers lines as it stores them"),
            Map.entry("line_items.invoice_id", "the invoice the repository stores the line with"),
            Map.entry("credit_note_lines.credit_note_id", "the credit note the repository stores the line with"),
            Map.entry("credit_notes.currency", "the invoice's, read by the repository"),
            Map.entry("services.active", "a Java boolean"),
            Map.entry("invoice_series.is_default", "a Java boolean"));

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void java_refuses_exactly_the_rows_the_database_refuses_with_the_words_of_its_rule(Case rule) {
        InputTable table = InputTables.named(rule.table());
        List<String> disagreements = new ArrayList<>();
        String words = wordsOf(rule.constraint());
        for (Map<String, Object> overrides : rule.accepted()) {
            Map<String, Object> row = rowOf(table, overrides);
            List<Violation> java = javaOf(rule, table, row);
            if (!java.isEmpty()) {
                disagreements.add("Java refuses " + ApplicationWrites.describe(overrides) + ": " + java);
            }
            Outcome database = write(table, row, "id");
            if (!(database instanceof Stored)) {
                disagreements.add("the database refuses " + ApplicationWrites.describe(overrides) + ": " + database);
            }
        }
        for (Map<String, Object> overrides : rule.refused()) {
            Map<String, Object> row = rowOf(table, overrides);
            checkJavaRefuses(rule, table, row, overrides, words, disagreements);
            Outcome database = write(table, row, "id");
            if (!(database instanceof Refused refused && "23514".equals(refused.sqlState())
                    && rule.constraint().equals(refused.constraint()))) {
                disagreements.add("the database does not refuse " + ApplicationWrites.describe(overrides) + " by "
                        + rule.constraint() + ": " + database);
            }
        }
        for (Map<String, Object> overrides : rule.refusedByType()) {
            Map<String, Object> row = rowOf(table, overrides);
            checkJavaRefuses(rule, table, row, overrides, words, disagreements);
            if (!(write(table, row, "id") instanceof Refused refused && refused.constraint() == null)) {
                disagreements.add("the type does not refuse " + ApplicationWrites.describe(overrides));
            }
        }

        assertThat(rule.accepted()).as("rows on the accepted side").isNotEmpty();
        assertThat(rule.refused()).as("rows on the refused side").isNotEmpty();
        assertThat(disagreements).as(rule.constraint() + " (\"" + words + "\")").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vocabularies")
    void a_check_of_known_values_lists_exactly_the_constants_of_the_java_enum(Vocabulary vocabulary) {
        Check check = check(vocabulary.constraint());
        Set<String> listed = LISTED_VALUE.matcher(check.definition()).results().map(match -> match.group(1))
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(listed).as(check.definition()).isEqualTo(Arrays.stream(vocabulary.type().getEnumConstants())
                .map(constant -> constant.name().toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void every_rule_on_what_the_application_writes_has_a_case() {
        Set<String> covered = new HashSet<>();
        cases().forEach(rule -> covered.add(rule.constraint()));
        vocabularies().forEach(vocabulary -> covered.add(vocabulary.constraint()));
        Set<String> inCatalog = catalog.checks().stream().map(Check::name).collect(Collectors.toCollection(TreeSet::new));

        assertThat(inCatalog).as("the catalog's rules on input").contains("clients_email_format", "users_email_format",
                "invoices_tax_consistent", "invoice_series_pattern_valid", "payments_payment_date_in_range");
        assertThat(inCatalog).as("rules on input without a case here").isSubsetOf(covered);
        assertThat(covered).as("cases of rules the catalog does not hold on input").isSubsetOf(inCatalog);
    }

    @Test
    void every_required_input_column_is_refused_as_null_by_java_and_by_the_database() {
        List<String> disagreements = new ArrayList<>();
        List<Column> required = catalog.columns(column -> column.notNull() && filledBy(column) == null);
        for (Column column : required) {
            InputTable table = InputTables.named(column.table());
            Map<String, Object> row = rowOf(table, row(column.name(), null));
            List<Violation> java = InputTables.javaRefuses(table, row);
            if (java.stream().noneMatch(violation -> violation.rule().equals("required"))) {
                disagreements.add(column + ": Java does not refuse a null as required: " + java);
            }
            // NOT NULL, or a guard trigger that runs before it and finds no row it refers to.
            if (!(write(table, row, "id") instanceof Refused refused && refused.sqlState().startsWith("23"))) {
                disagreements.add(column + ": the database does not refuse a null");
            }
        }

        assertThat(required).extracting(Column::toString).contains("clients.email", "payments.payment_date",
                "line_items.quantity", "invoice_series.pattern");
        assertThat(disagreements).isEmpty();
        assertThat(FILLED_BY_THE_LIBRARY.keySet()).as("columns said to be filled by the library that are no "
                + "required input column").allMatch(key -> catalog.columns(column -> column.notNull()
                && key.equals(filledKey(column))).size() > 0);
    }

    /**
     * PostgreSQL refuses a NUL in any text (22021); the driver writes half a character as "?",
     * which the database stores and returns, so that Java is the only one that can refuse it.
     */
    @Test
    void every_text_column_is_refused_a_nul_by_both_and_half_a_character_by_java_before_the_driver_changes_it() {
        Set<String> vocabularyColumns = vocabularies().stream().flatMap(vocabulary -> check(vocabulary.constraint())
                .columns().stream().map(name -> check(vocabulary.constraint()).table() + "." + name))
                .collect(Collectors.toSet());
        List<Column> texts = catalog.columns(column -> column.isText() && !vocabularyColumns.contains(column.toString()));
        List<String> disagreements = new ArrayList<>();
        for (Column column : texts) {
            InputTable table = InputTables.named(column.table());
            Map<String, Object> valid = rowOf(table, Map.of());
            String text = valid.get(column.name()) == null ? "Text" : (String) valid.get(column.name());
            Map<String, Object> withNul = rowOf(table, row(column.name(), text + "\u0000"));
            Map<String, Object> withHalf = rowOf(table, row(column.name(), text + "\uD83D"));

            if (!refusesOn(InputTables.javaRefuses(table, withNul), "noNul")) {
                disagreements.add(column + ": Java takes a NUL");
            }
            if (!(write(table, withNul, "id") instanceof Refused refused && "22021".equals(refused.sqlState()))) {
                disagreements.add(column + ": the database does not refuse a NUL with 22021");
            }
            if (!refusesOn(InputTables.javaRefuses(table, withHalf), "wholeCharacters")) {
                disagreements.add(column + ": Java takes half a character");
            }
            Outcome stored = write(table, withHalf, column.name());
            if (!(stored instanceof Stored value && (text + "?").equals(value.value()))) {
                disagreements.add(column + ": half a character is not stored as ? but " + stored);
            }
        }

        assertThat(texts).extracting(Column::toString).contains("clients.name", "users.email", "payments.transaction_id",
                "invoice_series.prefix", "invoices.notes", "credit_notes.reason").doesNotContain("payments.method");
        assertThat(disagreements).isEmpty();
    }

    @Test
    void every_text_column_of_a_limited_length_takes_as_many_characters_in_java_as_in_the_database() {
        List<Column> limited = catalog.columns(column -> column.isText() && column.maxLength() != null);
        List<String> disagreements = new ArrayList<>();
        for (Column column : limited) {
            InputTable table = InputTables.named(column.table());
            // Emoji: the limit counts characters, which Java counts in code points as PostgreSQL does.
            Map<String, Object> longest = rowOf(table, row(column.name(), "\uD83D\uDCB6".repeat(column.maxLength())));
            Map<String, Object> tooLong = rowOf(table, row(column.name(), "x".repeat(column.maxLength() + 1)));

            if (!InputTables.javaRefuses(table, longest).isEmpty() || !(write(table, longest, "id") instanceof Stored)) {
                disagreements.add(column + ": " + column.maxLength() + " characters are not taken by both");
            }
            if (!refusesOn(InputTables.javaRefuses(table, tooLong), "maxLength")
                    || !(write(table, tooLong, "id") instanceof Refused refused && "22001".equals(refused.sqlState()))) {
                disagreements.add(column + ": " + (column.maxLength() + 1) + " characters are not refused by both");
            }
        }

        assertThat(limited).extracting(Column::toString).contains("payments.transaction_id", "refunds.transaction_id");
        assertThat(disagreements).isEmpty();
    }

    @Test
    void every_number_column_is_refused_in_java_what_its_precision_does_not_hold() {
        List<Column> numbers = catalog.columns(column -> column.type().equals("numeric"));
        List<String> disagreements = new ArrayList<>();
        for (Column column : numbers) {
            InputTable table = InputTables.named(column.table());
            BigDecimal tooLarge = BigDecimal.TEN.pow(column.precision() - column.scale());
            Map<String, Object> row = rowOf(table, row(column.name(), tooLarge));

            if (InputTables.javaRefuses(table, row).isEmpty()) {
                disagreements.add(column + ": Java takes " + tooLarge);
            }
            if (!(write(table, row, "id") instanceof Refused refused && "22003".equals(refused.sqlState()))) {
                disagreements.add(column + ": numeric(" + column.precision() + "," + column.scale() + ") takes " + tooLarge);
            }
        }

        assertThat(numbers).extracting(Column::toString).contains("line_items.unit_price", "line_items.quantity",
                "payments.amount", "invoices.tax_rate", "invoices.total");
        assertThat(disagreements).isEmpty();
    }

    /** The database spells out what Java means by white space and control characters, code point by code point. */
    @Test
    void white_space_and_control_characters_are_the_same_code_points_in_java_and_in_the_database() {
        List<Integer> whiteSpace = owner.fetch("select i from generate_series(1, 1114111) i where i not between 55296 "
                + "and 57343 and public.without_white_space(chr(i)) = ''").getValues(0, Integer.class);
        List<Integer> controls = owner.fetch("select i from generate_series(1, 1114111) i where i not between 55296 "
                + "and 57343 and public.has_control_character(chr(i))").getValues(0, Integer.class);

        assertThat(whiteSpace).as("white space").isEqualTo(IntStream.rangeClosed(1, Character.MAX_CODE_POINT)
                .filter(Character::isWhitespace).boxed().toList());
        assertThat(controls).as("control characters").isEqualTo(IntStream.rangeClosed(1, Character.MAX_CODE_POINT)
                .filter(codePoint -> Character.getType(codePoint) == Character.CONTROL).boxed().toList());
    }

    private void checkJavaRefuses(Case rule, InputTable table, Map<String, Object> row, Map<String, Object> overrides,
                                  String words, List<String> disagreements) {
        if (rule.javaField() == null) {
            return;
        }
        List<Violation> java = InputTables.javaRefuses(table, row);
        List<Violation> onField = java.stream().filter(violation -> violation.field().equals(rule.javaField())).toList();
        boolean sameRule = onField.stream().anyMatch(violation -> rule.javaRule() == null
                ? violation.message().startsWith(words) : violation.rule().equals(rule.javaRule()));
        if (!sameRule) {
            disagreements.add("Java does not refuse " + ApplicationWrites.describe(overrides) + " on " + rule.javaField()
                    + (rule.javaRule() == null ? " in the words \"" + words + "\"" : " by " + rule.javaRule()) + ": " + java);
        }
    }

    private List<Violation> javaOf(Case rule, InputTable table, Map<String, Object> row) {
        return rule.javaField() == null ? List.of() : InputTables.javaRefuses(table, row);
    }

    /** The valid row of {@code table} with {@code overrides} set. */
    private Map<String, Object> rowOf(InputTable table, Map<String, Object> overrides) {
        Map<String, Object> row = table.valid().apply(documents);
        row.putAll(overrides);
        return row;
    }

    private Outcome write(InputTable table, Map<String, Object> row, String returning) {
        UUID tenant = table.ownTenant() ? (UUID) row.get("id") : documents.tenant().value();
        return application.insert(tenant, table.name(), row, returning);
    }

    /** The rule's words as its comment has them, after the field it names: "must be 1 to 200 characters, not blank". */
    private String wordsOf(String constraint) {
        String comment = check(constraint).comment();
        assertThat(comment).as("comment of " + constraint).isNotNull();
        return comment.substring(comment.indexOf(' ') + 1);
    }

    private Check check(String constraint) {
        return catalog.checks().stream().filter(check -> check.name().equals(constraint)).findFirst()
                .orElseThrow(() -> new AssertionError(constraint + " is no rule on input in the catalog"));
    }

    private static boolean refusesOn(List<Violation> violations, String rule) {
        return violations.stream().anyMatch(violation -> violation.rule().equals(rule));
    }

    private static String filledBy(Column column) {
        String specific = FILLED_BY_THE_LIBRARY.get(column.toString());
        return specific != null ? specific : FILLED_BY_THE_LIBRARY.get("*." + column.name());
    }

    private static String filledKey(Column column) {
        return FILLED_BY_THE_LIBRARY.containsKey(column.toString()) ? column.toString() : "*." + column.name();
    }
}
