package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.contract.ContractLimits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Settles a create-share call whose outcome is unknown by looking the result up instead of repeating it (Frame.io
 * has no idempotency key, so a repeat could create the share twice).
 * <p>
 * It lists the project's newest shares and takes the oldest one with the request's name and access that was
 * created since the attempt began (less a minute of clock skew) and that this client has not returned before. A
 * request still being processed when it gave up may appear later, so it looks again every second for the
 * reconcile window. Limitation: two concurrent creates with the same name and access cannot be told apart; give
 * shares distinct names where that matters.
 */
final class Reconciler {

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    private static final int REMEMBERED = 10_000;

    private final FrameioSharesClient client;
    private final ScheduledExecutorService scheduler;
    private final Duration window;
    private final Set<String> returned = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    Reconciler(FrameioSharesClient client, ScheduledExecutorService scheduler, Duration window) {
        this.client = client;
        this.scheduler = scheduler;
        this.window = window;
    }

    /** Remembers a share this client returned as created, so that a lookup never returns it for another call. */
    void created(String shareId) {
        returned.add(shareId);
    }

    /** The share the call created, or null when none appeared within the window. */
    CompletableFuture<Share> findCreated(SharesCall<?> create, Instant attemptStarted) {
        CompletableFuture<Share> result = new CompletableFuture<>();
        look(create, attemptStarted, System.nanoTime() + window.toNanos(), result);
        return result;
    }

    private void look(SharesCall<?> create, Instant since, long deadline, CompletableFuture<Share> result) {
        JsonNode data = create.body().path("data");
        String name = data.path("name").asText(null);
        String access = data.path("access").asText(null);
        Instant threshold = since.minus(CLOCK_SKEW);
        SharesCall<Page<Share>> newest = SharesCall.listShares(create.pathParam("account_id"),
                create.pathParam("project_id"), ListOptions.pageSize(ContractLimits.MAX_PAGE_SIZE).withSort("created_at_desc"));
        scan(newest, name, access, threshold, null).whenComplete((found, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else if (found != null) {
                LOG.info("{}: found share {} named '{}' created at {}, after the outcome was unknown; not repeating"
                         + " the call", create.operation(), found.getId(), name, found.getCreatedAt());
                result.complete(found);
            } else if (System.nanoTime() < deadline) {
                scheduler.schedule(() -> look(create, since, deadline, result), Math.min(1000, window.toMillis() / 4 + 1),
                        TimeUnit.MILLISECONDS);
            } else {
                result.complete(null);
            }
        });
    }

    /** Walks the newest-first pages back to the threshold; returns the oldest match, claimed. */
    private CompletableFuture<Share> scan(SharesCall<Page<Share>> call, String name, String access, Instant threshold,
                                          Share oldestSoFar) {
        return client.send(call).thenCompose(response -> {
            Share oldest = oldestSoFar;
            boolean older = false;
            for (Share share : response.body().data()) {
                if (share.getCreatedAt() == null || share.getCreatedAt().toInstant().isBefore(threshold)) {
                    older = true;
                    break;
                }
                if (Objects.equals(name, share.getName()) && access != null && share.getAccess() != null
                    && access.equalsIgnoreCase(share.getAccess().name()) && !returned.contains(share.getId())) {
                    oldest = share;
                }
            }
            String next = response.body().nextCursor();
            if (!older && next != null) {
                return scan(call.withOptions(call.options().withAfter(next)), name, access, threshold, oldest);
            }
            if (oldest != null && !returned.add(oldest.getId())) {
                return scan(call.withOptions(call.options().withAfter(null)), name, access, threshold, null);
            }
            return CompletableFuture.completedFuture(oldest);
        });
    }
}
