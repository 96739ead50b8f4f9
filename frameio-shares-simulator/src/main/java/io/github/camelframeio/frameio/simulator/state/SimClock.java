package io.github.camelframeio.frameio.simulator.state;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Timestamps as Frame.io writes them: UTC, microsecond precision, e.g. {@code 2024-02-02T21:19:24.828948Z}.
 * <p>
 * Successive calls of {@link #nowMicros()} never return the same value, so ordering by a timestamp is total.
 */
public final class SimClock {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    private long last;

    public SimClock(Clock clock) {
        this.clock = clock;
    }

    /** Microseconds since the epoch, strictly increasing across calls. */
    public synchronized long nowMicros() {
        Instant now = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        if (micros <= last) {
            micros = last + 1;
        }
        last = micros;
        return micros;
    }

    public long nowMillis() {
        return clock.millis();
    }

    public static String format(long epochMicros) {
        return FORMAT.format(Instant.EPOCH.plus(epochMicros, ChronoUnit.MICROS));
    }

    public static long toMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
