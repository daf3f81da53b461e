package io.invoicekit.migration;

import static org.assertj.core.api.Assertions.assertThat;

import io.invoicekit.testing.MigratedDatabase;
import io.invoicekit.testing.TestDatabaseExtension;
import java.sql.SQLException;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The database rounds money with currency_minor_units and Java with
 * {@link Currency#getDefaultFractionDigits()}; the CHECKs on totals only agree with Java's
 * arithmetic while the two tables agree.
 */
@ExtendWith(TestDatabaseExtension.class)
class CurrencyMinorUnitsTest {

    private final Sql owner;

    CurrencyMinorUnitsTest(MigratedDatabase database) {
        this.owner = Sql.on(database.ownerDataSource());
    }

    @Test
    void currency_minor_units_agrees_with_the_jdk_for_every_currency_it_knows() throws SQLException {
        Map<String, Integer> jdk = new HashMap<>(); // HashMap: no minor units is a null value
        for (Currency currency : Currency.getAvailableCurrencies()) {
            int digits = currency.getDefaultFractionDigits();
            jdk.put(currency.getCurrencyCode(), digits == -1 ? null : digits);
        }
        String codes = jdk.keySet().stream().sorted().collect(Collectors.joining(","));

        record MinorUnits(String code, Integer digits) {
        }
        List<MinorUnits> rows = owner.list(
                "select code, currency_minor_units(code) from unnest(string_to_array(?, ',')) as code",
                row -> new MinorUnits(row.getString(1), row.getObject(2, Integer.class)), codes);
        Map<String, Integer> database = new HashMap<>();
        rows.forEach(row -> database.put(row.code(), row.digits()));

        assertThat(jdk).hasSizeGreaterThan(200);
        assertThat(database).containsExactlyInAnyOrderEntriesOf(jdk);
    }
}
