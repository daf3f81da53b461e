package io.invoicekit.core.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class TimeOrderedUuidPropertyTest {

    @Property
    void every_uuid_v7_carries_its_millisecond_version_and_variant(
            @ForAll @LongRange(min = 0, max = (1L << 48) - 1) long millis) {
        var uuid = TimeOrderedUuid.next(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));

        assertThat(uuid.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(uuid.version()).isEqualTo(7);
        assertThat(uuid.variant()).isEqualTo(2);
    }

    @Property
    void an_id_made_in_a_later_millisecond_sorts_after_as_postgresql_sorts_uuids(
            @ForAll @LongRange(min = 0, max = (1L << 48) - 2) long millis,
            @ForAll @LongRange(min = 1, max = 1000) long later) {
        var first = TimeOrderedUuid.next(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC));
        var second = TimeOrderedUuid.next(
                Clock.fixed(Instant.ofEpochMilli(Math.min(millis + later, (1L << 48) - 1)), ZoneOffset.UTC));

        // PostgreSQL compares uuids byte by byte, unsigned, which is the order of their hex text.
        assertThat(second.toString()).isGreaterThan(first.toString());
    }
}
