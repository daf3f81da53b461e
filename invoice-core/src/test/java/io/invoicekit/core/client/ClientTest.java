package io.invoicekit.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.tenant.ClientId;
import io.invoicekit.core.failure.ValidationException;
import io.invoicekit.core.failure.Violation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientTest {

    private static final ClientId ID = ClientId.of(UUID.fromString("0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6"));

    @Test
    void a_new_client_is_stored_stripped_at_version_0() {
        var client = Client.create(ID, "  Ada Lovelace ", " ada@example.com ", PaymentTerms.ofDays(14),
                " 12 St James's Square, London ", " GB123456789 ");

        assertThat(client.name()).isEqualTo("Ada Lovelace");
        assertThat(client.email()).isEqualTo("ada@example.com");
        assertThat(client.paymentTerms()).isEqualTo(PaymentTerms.ofDays(14));
        assertThat(client.address()).isEqualTo("12 St James's Square, London");
        assertThat(client.taxId()).isEqualTo("GB123456789");
        assertThat(client.version()).isZero();
    }

    @Test
    void address_and_tax_id_are_optional_and_a_blank_one_counts_as_none() {
        var client = Client.create(ID, "Ada", "ada@example.com", PaymentTerms.DEFAULT, "   ", null);

        assertThat(client.address()).isNull();
        assertThat(client.taxId()).isNull();
    }

    @Test
    void every_mistake_of_a_client_is_reported_at_once() {
        assertThatThrownBy(() -> new Client(null, " ", "ada.example.com", null, null, null, -1))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid client: id is required; name must be 1 to 200 characters, not blank, was blank; "
                        + "email must be an address like ana@example.com: one @, a dot after it, no white space, at most 254 characters, was \"ada.example.com\"; "
                        + "paymentTerms is required; version must be 0 or more, was -1")
                .extracting(e -> ((ValidationException) e).violations().stream().map(Violation::field).toList())
                .isEqualTo(List.of("id", "name", "email", "paymentTerms", "version"));
    }

    @Test
    void a_name_holds_at_most_200_characters() {
        assertThat(Client.create(ID, "x".repeat(200), "ada@example.com", PaymentTerms.DEFAULT, null, null).name())
                .hasSize(200);
        var tooLong = "x".repeat(201);

        assertThatThrownBy(() -> Client.create(ID, tooLong, "ada@example.com", PaymentTerms.DEFAULT, null, null))
                .hasMessage("invalid client: name must be 1 to 200 characters, not blank, was 201");
    }

    @Test
    void an_email_holds_at_most_254_characters() {
        var longest = "a".repeat(242) + "@example.com";
        assertThat(Client.create(ID, "Ada", longest, PaymentTerms.DEFAULT, null, null).email()).hasSize(254);
        assertThatThrownBy(() -> Client.create(ID, "Ada", "a" + longest, PaymentTerms.DEFAULT, null, null))
                .hasMessage("invalid client: email must be an address like ana@example.com: one @, a dot after it, no white space, at most 254 characters, was \"a" + longest + "\"");
    }

    @Test
    void an_email_is_required() {
        assertThatThrownBy(() -> Client.create(ID, "Ada", null, PaymentTerms.DEFAULT, null, null))
                .hasMessage("invalid client: email is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ada", "ada@", "@example.com", "ada@example", "ada lovelace@example.com", "ada@@example.com"})
    void an_email_that_is_not_an_address_is_refused(String email) {
        assertThatThrownBy(() -> Client.create(ID, "Ada", email, PaymentTerms.DEFAULT, null, null))
                .hasMessage("invalid client: email must be an address like ana@example.com: one @, a dot after it, no white space, at most 254 characters, was \"" + email + "\"");
    }
}
