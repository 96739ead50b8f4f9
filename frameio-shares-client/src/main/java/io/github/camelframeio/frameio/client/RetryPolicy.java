package io.github.camelframeio.frameio.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When and how often a failed call is repeated, and how long one call may take in all.
 * <ul>
 * <li>429: every operation, waiting {@code initialBackoff} (1 s) and at least doubling, plus up to 25% jitter, up to
 * {@code maxBackoff}; a {@code Retry-After} answer is honoured up to {@code maxRetryAfter} (beyond it the call
 * fails at once rather than block).</li>
 * <li>A connection that was refused or could not be set up: every operation (nothing reached Frame.io).</li>
 * <li>5xx, reset connections and response timeouts: operations that are safe to repeat (reads, update, delete,
 * remove asset, remove reviewers), waiting {@code serverErrorBackoff} (Frame.io asks for at least 30 s) and
 * doubling. Add asset is repeated too (a repeat that finds the asset there is a success); create share and add
 * reviewers are looked up instead (see {@link Reconciler}).</li>
 * </ul>
 *
 * @param maxRetries         repeats after the first attempt (0: none)
 * @param initialBackoff     first wait after a 429 or a refused connection
 * @param serverErrorBackoff first wait after a 5xx, reset or timeout
 * @param maxBackoff         the longest single wait
 * @param maxRetryAfter      the longest Retry-After that is waited for
 * @param overallTimeout     the longest a call may take from its first request, retries included (zero: no limit):
 *                           when it passes, the request in flight is aborted; waiting for rate-limit budget before
 *                           the first request is not counted
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration serverErrorBackoff, Duration maxBackoff,
        Duration maxRetryAfter, Duration overallTimeout) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofMinutes(5));

    /** No retries at all. */
    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO,
            Duration.ZERO);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new FrameioInvalidRequestException("maxRetries must be 0 or more, got " + maxRetries);
        }
        Duration[] durations = { initialBackoff, serverErrorBackoff, maxBackoff, maxRetryAfter, overallTimeout };
        String[] names = { "initialBackoff", "serverErrorBackoff", "maxBackoff", "maxRetryAfter", "overallTimeout" };
        for (int i = 0; i < durations.length; i++) {
            if (durations[i] == null || durations[i].isNegative()) {
                throw new FrameioInvalidRequestException(names[i] + " must not be negative"
                        + (names[i].equals("overallTimeout") ? " (0: no limit)" : "") + ", got "
                        + (durations[i] == null ? "none" : durations[i].toMillis() + " ms"));
            }
        }
    }

    /**
     * The wait before retry number {@code retry} (1 for the first retry): {@code first * 2^(retry-1)}, capped, plus
     * up to 25% jitter (so consecutive waits at least double until the cap).
     */
    public long backoffMillis(Duration first, int retry) {
        double base = first.toMillis() * Math.pow(2, Math.max(0, retry - 1));
        double capped = Math.min(base, maxBackoff.toMillis());
        return (long) (capped + ThreadLocalRandom.current().nextDouble(0, 0.25) * capped);
    }
}
