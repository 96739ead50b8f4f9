package io.github.camelframeio.frameio.simulator.api;

import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Frame.io's rate limits: a leaky bucket per account, user and operation, holding as many calls as the operation's
 * limit and draining continuously over the window (60 s, times the scale). Every call that reaches the API counts,
 * including the ones that fail validation.
 */
public final class RateLimiter {

    /** The outcome of one call and the values of the three {@code x-ratelimit-*} headers. */
    public record Decision(boolean allowed, int limit, int remaining, long windowMillis, long retryAfterMillis) {
    }

    private static final long MINUTE_MILLIS = 60_000;

    private final boolean enabled;
    private final long windowMillis;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /**
     * @param enabled whether limits are enforced (headers are sent either way)
     * @param scale   the window multiplier: 0.01 turns "10 per minute" into "10 per 600 ms"
     */
    public RateLimiter(boolean enabled, double scale) {
        if (!(scale > 0)) {
            throw new IllegalArgumentException("rate limit scale must be positive, was " + scale);
        }
        this.enabled = enabled;
        this.windowMillis = Math.max(1, Math.round(MINUTE_MILLIS * scale));
    }

    public boolean enabled() {
        return enabled;
    }

    public long windowMillis() {
        return windowMillis;
    }

    public void reset() {
        buckets.clear();
    }

    /** Counts one call of {@code operation} by {@code userId} on {@code accountId}. */
    public Decision acquire(String accountId, String userId, SharesOperation operation) {
        int limit = operation.rateLimitPerMinute();
        if (!enabled) {
            return new Decision(true, limit, limit, windowMillis, 0);
        }
        Bucket bucket = buckets.computeIfAbsent(accountId + '|' + userId + '|' + operation.operationId(),
                k -> new Bucket());
        return bucket.add(limit, windowMillis);
    }

    /** The headers for a call that is not counted (no authenticated user). */
    public Decision peek(SharesOperation operation) {
        int limit = operation.rateLimitPerMinute();
        return new Decision(true, limit, limit, windowMillis, 0);
    }

    private static final class Bucket {
        private double level;
        private long lastNanos = System.nanoTime();

        synchronized Decision add(int limit, long windowMillis) {
            long now = System.nanoTime();
            double drainPerNano = limit / (windowMillis * 1_000_000.0);
            level = Math.max(0, level - (now - lastNanos) * drainPerNano);
            lastNanos = now;
            if (level + 1 > limit + 1e-9) {
                long waitNanos = (long) Math.ceil((level + 1 - limit) / drainPerNano);
                return new Decision(false, limit, 0, windowMillis, Math.max(1, waitNanos / 1_000_000));
            }
            level += 1;
            int remaining = (int) Math.floor(limit - level + 1e-9);
            return new Decision(true, limit, Math.max(0, remaining), windowMillis, 0);
        }
    }
}
