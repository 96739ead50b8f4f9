package io.github.camelframeio.camel.component.frameio.shares.consumer;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A consumer's own allowance of one Frame.io operation: at most {@code perMinute} calls a minute, at most one
 * minute's worth at once. It keeps a consumer below its share of the rate limit, whatever its delay, so that
 * producers and other consumers of the same credential keep the rest.
 */
final class CallGate {

    private final double perNano;
    private final double capacity;
    private final LongSupplier nanoClock;
    private double tokens;
    private long last;

    CallGate(int perMinute) {
        this(perMinute, System::nanoTime);
    }

    CallGate(int perMinute, LongSupplier nanoClock) {
        this.perNano = perMinute / 60e9;
        this.capacity = Math.max(1, perMinute);
        this.nanoClock = nanoClock;
        this.tokens = capacity;
        this.last = nanoClock.getAsLong();
    }

    /** Takes one call's allowance if there is one now. */
    synchronized boolean tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    /** Waits for one call's allowance; false if {@code running} turned false (the consumer is stopping). */
    boolean acquire(BooleanSupplier running) throws InterruptedException {
        while (running.getAsBoolean()) {
            long waitNanos;
            synchronized (this) {
                refill();
                if (tokens >= 1) {
                    tokens -= 1;
                    return true;
                }
                waitNanos = (long) ((1 - tokens) / perNano);
            }
            Thread.sleep(Math.max(1, Math.min(250, waitNanos / 1_000_000)));
        }
        return false;
    }

    private void refill() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
        last = now;
    }
}
