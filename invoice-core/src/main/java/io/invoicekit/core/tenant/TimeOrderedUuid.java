package io.invoicekit.core.tenant;

import java.time.Clock;
import java.util.UUID;

/**
 * Makes version 7 UUIDs (RFC 9562): 48 bits of Unix milliseconds from the clock, the version 7, the
 * variant 2, then 74 random bits. Ids made later sort after ids made in an earlier millisecond; within
 * one millisecond their order is random.
 */
final class TimeOrderedUuid {

    private static final long LAST_MILLISECOND = (1L << 48) - 1;
    private static final long VERSION_7 = 0x7000L;
    private static final long RANDOM_A = 0x0FFFL;

    private TimeOrderedUuid() {
    }

    static UUID next(Clock clock) {
        long millis = clock.millis();
        if (millis < 0 || millis > LAST_MILLISECOND) {
            throw new IllegalArgumentException(
                    "clock must read between 1970 and the year 10889 to make a UUIDv7, was " + clock.instant());
        }
        // The random bits come from UUID.randomUUID(), which draws them from the JDK's shared
        // SecureRandom; its variant bits already are 2, the ones version 7 needs.
        var random = UUID.randomUUID();
        long mostSignificant = (millis << 16) | VERSION_7 | (random.getMostSignificantBits() & RANDOM_A);
        return new UUID(mostSignificant, random.getLeastSignificantBits());
    }
}
