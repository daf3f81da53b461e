package io.invoicekit.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.money.Money;
import io.invoicekit.core.money.TaxRate;
import io.invoicekit.core.tenant.ServiceItemId;
import io.invoicekit.core.failure.ValidationException;
import java.util.Currency;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceItemTest {

    private static final ServiceItemId ID = ServiceItemId.of(UUID.fromString("0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6"));
    private static final Currency EUR = Currency.getInstance("EUR");

    @Test
    void a_new_item_is_active_at_version_0() {
        var item = ServiceItem.create(ID, " Consulting hour ", "  ", Money.of("150.00", EUR), TaxRate.of("20"));

        assertThat(item.name()).isEqualTo("Consulting hour");
        assertThat(item.description()).isNull();
        assertThat(item.unitPrice()).isEqualTo(Money.of("150", EUR));
        assertThat(item.defaultTaxRate()).isEqualTo(TaxRate.of("20.00"));
        assertThat(item.active()).isTrue();
        assertThat(item.version()).isZero();
    }

    @Test
    void an_item_may_be_given_away_for_nothing() {
        var free = ServiceItem.create(ID, "Onboarding call", null, Money.zero(EUR), TaxRate.of("0"));

        assertThat(free.unitPrice().isZero()).isTrue();
    }

    @Test
    void every_mistake_of_an_item_is_reported_at_once() {
        assertThatThrownBy(() -> new ServiceItem(
                        null, "", null, Money.of("-0.01", EUR), null, true, -1))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid service item: id is required; name must be 1 to 200 characters, not blank, "
                        + "was blank; unitPrice must be at least 0, in the currency's minor units, was EUR -0.01; "
                        + "defaultTaxRate is required; "
                        + "version must be 0 or more, was -1");
    }

    @Test
    void a_unit_price_is_required() {
        assertThatThrownBy(() -> ServiceItem.create(ID, "Consulting hour", null, null, TaxRate.of("20")))
                .hasMessage("invalid service item: unitPrice is required");
    }
}
