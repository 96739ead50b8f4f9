package io.github.camelframeio.frameio.simulator.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.WebhookDelivery;
import io.github.camelframeio.frameio.simulator.WebhookFaults;
import io.github.camelframeio.frameio.simulator.api.Json;
import io.github.camelframeio.frameio.simulator.state.Fixtures;
import io.github.camelframeio.frameio.simulator.state.ShareEvents;
import io.github.camelframeio.frameio.simulator.state.SimClock;
import io.github.camelframeio.frameio.simulator.state.StoredShare;
import io.github.camelframeio.frameio.simulator.state.StoredWebhook;
import io.github.camelframeio.frameio.simulator.state.WebhookStore;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Sends the share events to the webhooks as Frame.io does: a POST of the ids-only payload to every active webhook
 * of the workspace subscribed to the event, signed with its secret, answered 2xx within the timeout (5 s) or tried
 * again, 5 attempts in all, the waits growing from 15 s (times the retry scale) with up to 25% jitter. Nothing is
 * sent on the thread that changed the state: an event is queued and sent by a small pool of its own.
 */
public final class WebhookDeliverer implements ShareEvents, AutoCloseable {

    /** Attempts of one delivery, the first included. */
    public static final int ATTEMPTS = 5;
    /** The wait before the first retry at retry scale 1; each further wait doubles. */
    public static final long FIRST_RETRY_MILLIS = 15_000;
    /** Up to this share of the wait is added at random. */
    static final double JITTER = 0.25;
    public static final String USER_AGENT = "Frame.io V4 API";

    private final WebhookStore store;
    private final Fixtures fixtures;
    private final SimClock clock;
    private final double retryScale;
    private final Duration timeout;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final AtomicLong deliveryIds = new AtomicLong();
    private final Random jitter;

    private final Object lock = new Object();
    private WebhookFaults faults = WebhookFaults.NONE;
    private Random faultRandom = new Random(WebhookFaults.NONE.seed());
    private final Map<String, Delivery> held = new HashMap<>();
    private final List<WebhookDelivery> records = new ArrayList<>();
    private int generation;
    /** Deliveries of this generation not finished yet: waiting, held, in flight or between attempts. */
    private int pending;
    /** The generation {@link #pending} counts, guarded by {@link #records} (never nested in {@link #lock}). */
    private int pendingGeneration;

    public WebhookDeliverer(WebhookStore store, Fixtures fixtures, SimClock clock, double retryScale, Duration timeout,
                            long seed) {
        this.store = store;
        this.fixtures = fixtures;
        this.clock = clock;
        this.retryScale = retryScale;
        this.timeout = timeout;
        this.jitter = new Random(seed ^ 0x4a495454L);
        this.scheduler = Executors.newScheduledThreadPool(2, threads("frameio-sim-webhook-timer-"));
        this.httpExecutor = Executors.newFixedThreadPool(4, threads("frameio-sim-webhook-http-"));
        this.http = HttpClient.newBuilder().executor(httpExecutor).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** The wait after failed attempt {@code attempt} (1 to 4) without jitter, at this deliverer's retry scale. */
    public long baseRetryMillis(int attempt) {
        return Math.round(FIRST_RETRY_MILLIS * Math.pow(2, attempt - 1) * retryScale);
    }

    public void faults(WebhookFaults newFaults) {
        synchronized (lock) {
            faults = newFaults == null ? WebhookFaults.NONE : newFaults;
            faultRandom = new Random(faults.seed());
        }
    }

    public WebhookFaults faults() {
        synchronized (lock) {
            return faults;
        }
    }

    /** Every attempt (and dropped delivery) since start, the last reset or the last clear, oldest first. */
    public List<WebhookDelivery> deliveries() {
        synchronized (records) {
            return new ArrayList<>(records);
        }
    }

    public void clearDeliveries() {
        synchronized (records) {
            records.clear();
        }
    }

    /**
     * Waits until at least {@code count} records match, and returns the matching ones.
     *
     * @throws IllegalStateException when they do not within the timeout, naming what did arrive
     */
    public List<WebhookDelivery> await(Predicate<WebhookDelivery> filter, int count, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (records) {
            while (true) {
                List<WebhookDelivery> matching = records.stream().filter(filter).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("expected " + count + " webhook deliveries within " + wait
                                                    + ", got " + matching.size() + ": " + matching);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(records, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for webhook deliveries", e);
                }
            }
        }
    }

    /** How many deliveries are not finished: waiting for their first attempt, held, in flight or to be retried. */
    public int pending() {
        synchronized (records) {
            return pending;
        }
    }

    /**
     * Waits until no delivery is pending: each was answered 2xx, failed its fifth attempt or found its webhook
     * deleted or inactive.
     *
     * @throws IllegalStateException when some still are after the timeout
     */
    public void awaitIdle(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (records) {
            while (pending > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException(pending + " webhook deliveries still pending after " + wait);
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(records, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for webhook deliveries", e);
                }
            }
        }
    }

    private void pendingChange(Delivery d, int delta) {
        synchronized (records) {
            if (d.generation == pendingGeneration) {
                pending += delta;
                records.notifyAll();
            }
        }
    }

    /** Forgets faults, held deliveries and records; attempts already scheduled are not sent. */
    public void reset() {
        int next;
        synchronized (lock) {
            next = ++generation;
            held.clear();
            faults = WebhookFaults.NONE;
            faultRandom = new Random(faults.seed());
        }
        synchronized (records) {
            pendingGeneration = next;
            pending = 0;
            records.clear();
            records.notifyAll();
        }
    }

    @Override
    public void changed(String type, StoredShare share, String userId) {
        List<StoredWebhook> targets = new ArrayList<>();
        for (StoredWebhook w : store.of(fixtures.workspaceId)) {
            if (w.receives(type) && w.accountId().equals(share.accountId())) {
                targets.add(w);
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        byte[] body = Json.bytes(payload(type, share, userId));
        synchronized (lock) {
            for (StoredWebhook target : targets) {
                dispatch(new Delivery(deliveryIds.incrementAndGet(), target.id(), type, share.id(), body, generation));
            }
        }
    }

    private ObjectNode payload(String type, StoredShare share, String userId) {
        ObjectNode n = Json.object();
        n.putObject("account").put("id", share.accountId());
        n.putObject("project").put("id", share.projectId());
        ObjectNode resource = n.putObject("resource");
        resource.put("id", share.id());
        resource.put("type", "share");
        n.put("type", type);
        n.putObject("user").put("id", userId);
        n.putObject("workspace").put("id", fixtures.workspaceId);
        return n;
    }

    /** Decides the delivery's faults (in event order, from the seeded sequence) and starts it. Holds the lock. */
    private void dispatch(Delivery d) {
        WebhookFaults f = faults;
        if (f.drop() > 0 && faultRandom.nextDouble() < f.drop()) {
            record(d, 0, 0, "dropped", "drop");
            return;
        }
        pendingChange(d, 1);
        boolean duplicate = f.duplicate() > 0 && faultRandom.nextDouble() < f.duplicate();
        boolean reorder = f.reorder() > 0 && faultRandom.nextDouble() < f.reorder();
        d.badSignature = f.badSignature() > 0 && faultRandom.nextDouble() < f.badSignature();
        long delay = f.delayMillis();
        d.fault = d.badSignature ? "bad_signature" : delay > 0 ? "delay" : null;
        if (duplicate) {
            Delivery copy = d.copy(deliveryIds.incrementAndGet());
            copy.fault = "duplicate";
            pendingChange(copy, 1);
            d.afterFirst.add(() -> start(copy, 0));
        }
        Delivery previouslyHeld = held.remove(d.webhookId);
        if (reorder && previouslyHeld == null) {
            d.fault = "reorder";
            held.put(d.webhookId, d);
            // released by the next delivery to the webhook, or after the first retry interval if none comes
            schedule(() -> {
                synchronized (lock) {
                    if (held.remove(d.webhookId, d)) {
                        start(d, 0);
                    }
                }
            }, Math.max(50, baseRetryMillis(1)) + delay);
            return;
        }
        if (previouslyHeld != null) {
            d.afterFirst.add(() -> start(previouslyHeld, 0));
        }
        start(d, delay);
    }

    private void start(Delivery d, long delayMillis) {
        schedule(() -> attempt(d, 1), delayMillis);
    }

    private void schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private void attempt(Delivery d, int attempt) {
        synchronized (lock) {
            if (d.generation != generation) {
                return;
            }
        }
        StoredWebhook webhook = store.get(d.webhookId);
        if (webhook == null || !webhook.active()) {
            // deleted or switched off since: Frame.io stops delivering to it
            pendingChange(d, -1);
            firstDone(d, attempt);
            return;
        }
        long timestamp = clock.nowMillis() / 1000;
        String key = d.badSignature ? webhook.secret() + "-not-the-secret" : webhook.secret();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(webhook.url())).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", USER_AGENT)
                    .header("X-Frameio-Request-Timestamp", Long.toString(timestamp))
                    .header("X-Frameio-Signature", WebhookSignature.sign(key, timestamp, d.body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(d.body)).build();
        } catch (IllegalArgumentException e) {
            finished(d, attempt, 0, "invalid URL");
            return;
        }
        Instant sentAt = Instant.ofEpochMilli(clock.nowMillis());
        try {
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                if (error == null) {
                    int status = response.statusCode();
                    finished(d, attempt, status, status / 100 == 2 ? null : "status " + status, sentAt);
                } else {
                    finished(d, attempt, 0, describe(error), sentAt);
                }
            });
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    private void finished(Delivery d, int attempt, int status, String failure) {
        finished(d, attempt, status, failure, Instant.ofEpochMilli(clock.nowMillis()));
    }

    private void finished(Delivery d, int attempt, int status, String failure, Instant sentAt) {
        synchronized (lock) {
            if (d.generation != generation) {
                return;
            }
        }
        record(d, attempt, status, failure, d.fault, sentAt);
        if (failure != null && attempt < ATTEMPTS) {
            long wait = Math.round(baseRetryMillis(attempt) * (1 + JITTER * nextJitter()));
            schedule(() -> attempt(d, attempt + 1), wait);
        } else {
            pendingChange(d, -1);
        }
        firstDone(d, attempt);
    }

    private void firstDone(Delivery d, int attempt) {
        if (attempt == 1) {
            List<Runnable> next;
            synchronized (lock) {
                next = new ArrayList<>(d.afterFirst);
                d.afterFirst.clear();
            }
            next.forEach(Runnable::run);
        }
    }

    private double nextJitter() {
        synchronized (jitter) {
            return jitter.nextDouble();
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException || cause instanceof TimeoutException) {
            return "timeout";
        }
        return "connection: " + cause.getClass().getSimpleName();
    }

    private void record(Delivery d, int attempt, int status, String failure, String fault) {
        record(d, attempt, status, failure, fault, Instant.ofEpochMilli(clock.nowMillis()));
    }

    private void record(Delivery d, int attempt, int status, String failure, String fault, Instant at) {
        WebhookDelivery r = new WebhookDelivery(d.webhookId, d.type, d.shareId, attempt, status, failure, at, fault,
                d.id);
        synchronized (records) {
            records.add(r);
            records.notifyAll();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        httpExecutor.shutdownNow();
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One event on its way to one webhook. */
    private static final class Delivery {
        final long id;
        final String webhookId;
        final String type;
        final String shareId;
        final byte[] body;
        final int generation;
        final List<Runnable> afterFirst = new ArrayList<>();
        boolean badSignature;
        String fault;

        Delivery(long id, String webhookId, String type, String shareId, byte[] body, int generation) {
            this.id = id;
            this.webhookId = webhookId;
            this.type = type;
            this.shareId = shareId;
            this.body = body;
            this.generation = generation;
        }

        Delivery copy(long newId) {
            Delivery c = new Delivery(newId, webhookId, type, shareId, body, generation);
            c.badSignature = badSignature;
            return c;
        }
    }
}
