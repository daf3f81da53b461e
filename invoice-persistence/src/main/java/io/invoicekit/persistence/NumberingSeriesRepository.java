package io.invoicekit.persistence;

import static io.invoicekit.persistence.internal.jooq.Tables.INVOICE_SERIES;
import static org.jooq.Records.mapping;

import io.invoicekit.core.failure.NotFoundException;
import io.invoicekit.core.series.DocumentKind;
import io.invoicekit.core.series.NumberPattern;
import io.invoicekit.core.series.NumberingSeries;
import io.invoicekit.core.series.ResetPeriod;
import io.invoicekit.core.tenant.SeriesId;
import io.invoicekit.core.tenant.TenantId;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record8;
import org.jooq.SelectSelectStep;

/**
 * A tenant's numbering series. Obtained from {@link TenantTransaction#series()}; valid only inside
 * that transaction. Every tenant starts with a default invoice series ({@code INV-} and six
 * digits, never restarting), made by the database as the tenant is registered. The counters are the
 * database's: nothing here can set, skip or rewind a number.
 */
public final class NumberingSeriesRepository {

    private final DSLContext transaction;
    private final UUID tenant;
    private final Clock clock;

    NumberingSeriesRepository(DSLContext transaction, TenantId tenant, Clock clock) {
        this.transaction = transaction;
        this.tenant = tenant.value();
        this.clock = clock;
    }

    /**
     * Adds a series. As the default of its kind ({@code makeDefault}) it takes over from the one
     * before, which stays usable by its id.
     */
    public NumberingSeries create(DocumentKind kind, String name, String prefix, NumberPattern pattern,
                                  ResetPeriod reset, boolean makeDefault) {
        NumberingSeries series = NumberingSeries.create(SeriesId.generate(clock), kind, name, prefix, pattern, reset,
                makeDefault);
        if (makeDefault) {
            clearDefault(kind).execute();
        }
        transaction.insertInto(INVOICE_SERIES)
                .set(INVOICE_SERIES.USER_ID, tenant)
                .set(INVOICE_SERIES.ID, series.id().value())
                .set(INVOICE_SERIES.DOCUMENT_KIND, kind)
                .set(INVOICE_SERIES.NAME, series.name())
                .set(INVOICE_SERIES.PREFIX, series.prefix())
                .set(INVOICE_SERIES.PATTERN, series.pattern().text())
                .set(INVOICE_SERIES.RESET_PERIOD, series.reset())
                .set(INVOICE_SERIES.IS_DEFAULT, makeDefault)
                .set(INVOICE_SERIES.VERSION, 0L)
                .execute();
        return series;
    }

    /**
     * Writes the numbers to come with a new prefix, pattern and reset; the numbers given keep the
     * text they were issued with. Refused if the series changed since {@code version}.
     */
    public NumberingSeries changeFormat(SeriesId id, long version, String prefix, NumberPattern pattern,
                                        ResetPeriod reset) {
        NumberingSeries changed = current(id, version).withFormat(prefix, pattern, reset);
        transaction.update(INVOICE_SERIES)
                .set(INVOICE_SERIES.PREFIX, changed.prefix())
                .set(INVOICE_SERIES.PATTERN, changed.pattern().text())
                .set(INVOICE_SERIES.RESET_PERIOD, changed.reset())
                .set(INVOICE_SERIES.VERSION, version + 1)
                .where(isMine(id))
                .execute();
        return stored(changed, changed.isDefault());
    }

    /** Makes the series the default of its kind, in place of the one before. */
    public NumberingSeries makeDefault(SeriesId id, long version) {
        NumberingSeries series = current(id, version);
        // In one round trip, a batch: the default before cleared first, as the unique index on
        // the default (checked row by row) admits one at a time.
        transaction.batch(clearDefault(series.kind()), transaction.update(INVOICE_SERIES)
                .set(INVOICE_SERIES.IS_DEFAULT, true)
                .set(INVOICE_SERIES.VERSION, version + 1)
                .where(isMine(id))).execute();
        return stored(series, true);
    }

    /** {@code series} as an update that locked it at its version stored it: one version on. */
    private static NumberingSeries stored(NumberingSeries series, boolean isDefault) {
        return new NumberingSeries(series.id(), series.kind(), series.name(), series.prefix(), series.pattern(),
                series.reset(), isDefault, series.version() + 1);
    }

    public Optional<NumberingSeries> find(SeriesId id) {
        return selectSeries().from(INVOICE_SERIES).where(isMine(id)).fetchOptional(mapping(NumberingSeries::new));
    }

    /** The series a document of {@code kind} is numbered in when no other is named. */
    public Optional<NumberingSeries> defaultFor(DocumentKind kind) {
        return selectSeries().from(INVOICE_SERIES)
                .where(INVOICE_SERIES.USER_ID.eq(tenant))
                .and(INVOICE_SERIES.DOCUMENT_KIND.eq(kind))
                .and(INVOICE_SERIES.IS_DEFAULT)
                .fetchOptional(mapping(NumberingSeries::new));
    }

    /** Every series of the tenant, by kind and name. */
    public List<NumberingSeries> list() {
        return selectSeries().from(INVOICE_SERIES)
                .where(INVOICE_SERIES.USER_ID.eq(tenant))
                .orderBy(INVOICE_SERIES.DOCUMENT_KIND, INVOICE_SERIES.NAME)
                .fetch(mapping(NumberingSeries::new));
    }

    /** The series locked until this transaction ends, at {@code version}. */
    private NumberingSeries current(SeriesId id, long version) {
        NumberingSeries series = selectSeries().from(INVOICE_SERIES).where(isMine(id))
                .forUpdate()
                .fetchOptional(mapping(NumberingSeries::new))
                .orElseThrow(() -> new NotFoundException("series " + id.value() + " does not exist for this tenant"));
        if (series.version() != version) {
            throw StaleVersions.of("series", id.value(), version, true);
        }
        return series;
    }

    private Query clearDefault(DocumentKind kind) {
        return transaction.update(INVOICE_SERIES)
                .set(INVOICE_SERIES.IS_DEFAULT, false)
                .set(INVOICE_SERIES.VERSION, INVOICE_SERIES.VERSION.plus(1))
                .where(INVOICE_SERIES.USER_ID.eq(tenant))
                .and(INVOICE_SERIES.DOCUMENT_KIND.eq(kind))
                .and(INVOICE_SERIES.IS_DEFAULT);
    }

    private Condition isMine(SeriesId id) {
        return INVOICE_SERIES.USER_ID.eq(tenant).and(INVOICE_SERIES.ID.eq(id.value()));
    }

    private SelectSelectStep<Record8<SeriesId, DocumentKind, String, String, NumberPattern, ResetPeriod, Boolean,
            Long>> selectSeries() {
        return transaction.select(
                INVOICE_SERIES.ID.convertFrom(SeriesId::of),
                INVOICE_SERIES.DOCUMENT_KIND,
                INVOICE_SERIES.NAME,
                INVOICE_SERIES.PREFIX,
                INVOICE_SERIES.PATTERN.convertFrom(NumberPattern::of),
                INVOICE_SERIES.RESET_PERIOD,
                INVOICE_SERIES.IS_DEFAULT,
                INVOICE_SERIES.VERSION);
    }
}
