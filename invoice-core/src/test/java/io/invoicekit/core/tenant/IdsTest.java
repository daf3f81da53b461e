package io.invoicekit.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.invoicekit.core.failure.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IdsTest {

    /** One kind of id, seen through its factories, so each test runs for all nine without reflection. */
    record IdKind(String field, Function<String, Object> parse, Function<Clock, Object> generate,
                  Function<UUID, Object> of) {

        @Override
        public String toString() {
            return field;
        }
    }

    static Stream<IdKind> kinds() {
        return Stream.of(
                new IdKind("tenantId", TenantId::parse, TenantId::generate, TenantId::of),
                new IdKind("clientId", ClientId::parse, ClientId::generate, ClientId::of),
                new IdKind("invoiceId", InvoiceId::parse, InvoiceId::generate, InvoiceId::of),
                new IdKind("lineItemId", LineItemId::parse, LineItemId::generate, LineItemId::of),
                new IdKind("paymentId", PaymentId::parse, PaymentId::generate, PaymentId::of),
                new IdKind("serviceItemId", ServiceItemId::parse, ServiceItemId::generate, ServiceItemId::of),
                new IdKind("creditNoteId", CreditNoteId::parse, CreditNoteId::generate, CreditNoteId::of),
                new IdKind("refundId", RefundId::parse, RefundId::generate, RefundId::of),
                new IdKind("seriesId", SeriesId::parse, SeriesId::generate, SeriesId::of));
    }

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T09:30:00.123Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @MethodSource("kinds")
    void an_id_parsed_from_its_canonical_text_wraps_that_uuid(IdKind kind) {
        var uuid = UUID.fromString("0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6");

        assertThat(kind.parse().apply("0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6")).isEqualTo(kind.of().apply(uuid));
        assertThat(kind.parse().apply("0195502F-5A7B-7C3D-8E4F-A1B2C3D4E5F6")).isEqualTo(kind.of().apply(uuid));
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void text_that_is_not_a_canonical_uuid_is_refused_naming_the_id(IdKind kind) {
        for (var text : new String[] {"", "abc", "1-2-3-4-5", "{0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6}",
                " 0195502f-5a7b-7c3d-8e4f-a1b2c3d4e5f6", "0195502f5a7b7c3d8e4fa1b2c3d4e5f6"}) {
            assertThatThrownBy(() -> kind.parse().apply(text))
                    .isInstanceOf(ValidationException.class)
                    .hasMessage("invalid " + kind.field() + ": " + kind.field()
                            + " must be a UUID like 0192e4a0-7c3b-7d2e-9f41-3b5c8d7e1a20, was \"" + text + "\"");
        }
        assertThatThrownBy(() -> kind.parse().apply(null))
                .hasMessage("invalid " + kind.field() + ": " + kind.field() + " is required");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void an_id_without_a_uuid_is_refused_naming_the_id(IdKind kind) {
        assertThatThrownBy(() -> kind.of().apply(null))
                .isInstanceOf(ValidationException.class)
                .hasMessage("invalid " + kind.field() + ": " + kind.field() + " is required");
    }

    @ParameterizedTest
    @MethodSource("kinds")
    void a_generated_id_is_a_uuid_v7_stamped_with_the_clock(IdKind kind) {
        var id = kind.generate().apply(CLOCK);

        assertThat(id).isEqualTo(kind.of().apply(uuidIn(id)));
        assertThat(uuidIn(id).version()).isEqualTo(7);
        assertThat(uuidIn(id).variant()).isEqualTo(2);
        assertThat(uuidIn(id).getMostSignificantBits() >>> 16).isEqualTo(CLOCK.millis());
    }

    @Test
    void ids_made_in_the_same_millisecond_differ() {
        var made = new HashSet<UUID>();
        for (int i = 0; i < 1000; i++) {
            made.add(TimeOrderedUuid.next(CLOCK));
        }
        assertThat(made).hasSize(1000);
    }

    @Test
    void a_clock_before_1970_cannot_stamp_an_id() {
        var before1970 = Clock.fixed(Instant.parse("1969-12-31T23:59:59Z"), ZoneOffset.UTC);

        assertThatThrownBy(() -> InvoiceId.generate(before1970))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1969-12-31T23:59:59Z");
    }

    private static UUID uuidIn(Object id) {
        return switch (id) {
            case TenantId tenant -> tenant.value();
            case ClientId client -> client.value();
            case InvoiceId invoice -> invoice.value();
            case LineItemId line -> line.value();
            case PaymentId payment -> payment.value();
            case ServiceItemId item -> item.value();
            case CreditNoteId note -> note.value();
            case RefundId refund -> refund.value();
            case SeriesId series -> series.value();
            default -> throw new IllegalArgumentException("not an id: " + id);
        };
    }
}
