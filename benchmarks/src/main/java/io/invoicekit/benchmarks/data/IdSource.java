package io.invoicekit.benchmarks.data;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * UUIDv7s as the application makes them (48 bits of milliseconds, then random bits), but stamped
 * with the generated row's own time and drawn from a seeded random: the same seed gives the same
 * ids, and rows made later sort later, so the primary keys see the locality they have in production.
 */
final class IdSource {

    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_2 = 0x8000_0000_0000_0000L;

    private final SplittableRandom random;

    IdSource(SplittableRandom random) {
        this.random = random;
    }

    UUID at(Instant time) {
        long mostSignificant = (time.toEpochMilli() << 16) | VERSION_7 | (random.nextLong() & 0x0FFFL);
        long leastSignificant = VARIANT_2 | (random.nextLong() >>> 2);
        return new UUID(mostSignificant, leastSignificant);
    }
}
