package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Paces calls to Frame.io's rate limits, so that bursts become the fastest schedule the API allows instead of 429s.
 * <p>
 * Frame.io limits each operation per account user with a leaky bucket (10, 60 or 100 calls a minute, draining
 * continuously). This class keeps a model of each bucket, per account, credential and operation: a call waits until
 * the model has room, and every answer's {@code x-ratelimit-limit}, {@code -remaining} and {@code -window} reset it
 * to what Frame.io counted plus the calls still in flight (another application on the same credential, a plan with
 * other limits, a scaled test window). A 429 marks the bucket full. Waiting never holds a thread: waiters are
 * futures released by a scheduler.
 * <p>
 * One instance should serve every client of a credential (the component shares one across its endpoints).
 */
public final class RateLimitBudgets implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitBudgets.class);
    private static final long MINUTE_NANOS = TimeUnit.MINUTES.toNanos(1);
    /**
     * Room kept in each bucket, in calls: it moves every send one and a half drain intervals later (the rate is unchanged), so
     * that uneven network latency cannot make Frame.io see a call earlier than the model expected.
     */
    private static final double SAFETY = 1.5;

    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoClock;
    private final boolean pacing;
    private final Map<String, Budget> budgets = new ConcurrentHashMap<>();
    /**
     * The window Frame.io last reported for an account and credential. Answers without a body (204: delete share, add
     * and remove reviewers) carry no rate-limit headers, so those operations take the window from the others.
     */
    private final Map<String, Long> windows = new ConcurrentHashMap<>();
    private volatile boolean closed;

    public RateLimitBudgets(ScheduledExecutorService scheduler) {
        this(scheduler, System::nanoTime);
    }

    RateLimitBudgets(ScheduledExecutorService scheduler, LongSupplier nanoClock) {
        this.scheduler = scheduler;
        this.nanoClock = nanoClock;
        this.pacing = scheduler != null;
    }

    /** Budgets that never make a call wait (pacing off): Frame.io's 429s are then the only brake. */
    public static RateLimitBudgets unlimited() {
        return new RateLimitBudgets(null, System::nanoTime);
    }

    /**
     * Completes when the call may be sent (its place in the bucket is then taken), with a ticket to hand back to
     * {@link #completed} with the answer.
     */
    public CompletableFuture<Long> acquire(String accountId, String credentialId, SharesOperation operation) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("The Frame.io client is closed"));
        }
        if (!pacing) {
            return CompletableFuture.completedFuture(0L);
        }
        return budget(accountId, credentialId, operation).acquire();
    }

    /**
     * A call that {@link #acquire acquired} budget got its answer (or none): {@code ticket} is what acquire gave,
     * {@code info} the answer's rate-limit headers (null when there were none), {@code rateLimited} whether it was a
     * 429.
     */
    public void completed(String accountId, String credentialId, SharesOperation operation, long ticket,
                          RateLimitInfo info, boolean rateLimited) {
        if (pacing) {
            if (info != null && info.windowMillis() > 0) {
                windows.put(accountId + '|' + credentialId, TimeUnit.MILLISECONDS.toNanos(info.windowMillis()));
            }
            budget(accountId, credentialId, operation).completed(ticket, info, rateLimited);
        }
    }

    /** How many calls wait for budget right now, in all buckets. */
    public int waiting() {
        return budgets.values().stream().mapToInt(Budget::waiting).sum();
    }

    private Budget budget(String accountId, String credentialId, SharesOperation operation) {
        String credential = accountId + '|' + credentialId;
        return budgets.computeIfAbsent(credential + '|' + operation.operationId(), k -> new Budget(operation, credential));
    }

    /** Fails every waiting call; later calls fail at once. */
    @Override
    public void close() {
        closed = true;
        for (Budget budget : budgets.values()) {
            budget.failWaiters();
        }
    }

    /** The model of one leaky bucket. */
    private final class Budget {
        private final SharesOperation operation;
        private final String credential;
        private double limit;
        private long windowNanos = MINUTE_NANOS;
        private double level;
        private int inFlight;
        /** Whether an answer has told what Frame.io counted; until then one call at a time finds out. */
        private boolean informed;
        private long last = nanoClock.getAsLong();
        private final Deque<CompletableFuture<Long>> waiters = new ArrayDeque<>();
        private long tickets;
        /** The newest call whose answer lowered the model: an older answer, read later, may only raise it. */
        private long newestApplied;
        private boolean timerArmed;

        Budget(SharesOperation operation, String credential) {
            this.operation = operation;
            this.credential = credential;
            this.limit = operation.rateLimitPerMinute();
        }

        CompletableFuture<Long> acquire() {
            synchronized (this) {
                drain();
                if (waiters.isEmpty() && hasRoom()) {
                    level += 1;
                    inFlight++;
                    return CompletableFuture.completedFuture(++tickets);
                }
                CompletableFuture<Long> waiter = new CompletableFuture<>();
                waiters.addLast(waiter);
                arm();
                return waiter;
            }
        }

        synchronized int waiting() {
            return waiters.size();
        }

        synchronized void completed(long ticket, RateLimitInfo info, boolean rateLimited) {
            drain();
            inFlight = Math.max(0, inFlight - 1);
            if (info != null && info.limit() > 0 && info.windowMillis() > 0) {
                limit = info.limit();
                windowNanos = TimeUnit.MILLISECONDS.toNanos(info.windowMillis());
                // Frame.io rounds what is left down, so its level lies between used - 1 and used; the calls still in
                // flight may not have reached it yet. Keep the model's finer estimate within that band.
                double used = info.limit() - info.remaining();
                double low = used - 1 + inFlight;
                double high = used + inFlight;
                if (level > high + 1 || level < low - 1) {
                    LOG.debug("{}: Frame.io counts {} of {} calls, the model {}; following Frame.io", operation, used,
                            limit, level);
                }
                double corrected = Math.min(high, Math.max(low, level));
                if (corrected >= level || ticket > newestApplied) {
                    level = corrected;
                    newestApplied = Math.max(newestApplied, ticket);
                }
                informed = true;
            }
            if (rateLimited) {
                level = Math.max(level, limit);
            }
            if (!waiters.isEmpty()) {
                arm();
            }
        }

        private boolean hasRoom() {
            return (informed || inFlight == 0) && level <= limit - 1 - SAFETY + 1e-9;
        }

        private void drain() {
            if (!informed) {
                windowNanos = windows.getOrDefault(credential, windowNanos);
            }
            long now = nanoClock.getAsLong();
            level = Math.max(0, level - (now - last) * (limit / windowNanos));
            last = now;
        }

        private void arm() {
            if (timerArmed || closed) {
                return;
            }
            double excess = level - (limit - 1 - SAFETY);
            long waitNanos = Math.max(0, (long) Math.ceil(excess / (limit / windowNanos)));
            timerArmed = true;
            scheduler.schedule(this::release, Math.max(waitNanos, 100_000), TimeUnit.NANOSECONDS);
        }

        private void release() {
            List<CompletableFuture<Long>> ready = new ArrayList<>();
            List<Long> issued = new ArrayList<>();
            synchronized (this) {
                timerArmed = false;
                drain();
                while (!waiters.isEmpty() && hasRoom()) {
                    level += 1;
                    inFlight++;
                    ready.add(waiters.pollFirst());
                    issued.add(++tickets);
                }
                if (!waiters.isEmpty()) {
                    arm();
                }
            }
            for (int i = 0; i < ready.size(); i++) {
                ready.get(i).complete(issued.get(i));
            }
        }

        void failWaiters() {
            List<CompletableFuture<Long>> all;
            synchronized (this) {
                all = new ArrayList<>(waiters);
                waiters.clear();
            }
            all.forEach(w -> w.completeExceptionally(new IllegalStateException("The Frame.io client was closed while"
                                                                               + " the call waited for rate-limit budget")));
        }
    }
}
