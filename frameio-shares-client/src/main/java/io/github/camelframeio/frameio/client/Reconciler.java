package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.contract.ContractLimits;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Settles a create-share call whose outcome is unknown by looking the result up instead of repeating it (Frame.io
 * has no idempotency key, so a repeat could create the share twice), and never claims a share the attempt did not
 * create.
 * <p>
 * A share is the attempt's only when all of these hold; otherwise the outcome stays unknown:
 * <ul>
 * <li>it was created after the attempt was sent, on Frame.io's clock: the attempt's local start is moved onto the
 * server's clock with the offset {@link ServerClock} measured from Frame.io's {@code Date} headers and from the
 * {@code created_at} of shares this client created. When the measured offset is too loose to tell (a share created
 * within the uncertainty around the attempt), it probes: each probe is a request timed to fall on the server's
 * second boundary, which halves the uncertainty, until the share falls clearly on one side or the uncertainty is
 * below {@link #TOLERANCE} (about one round trip is the floor);</li>
 * <li>every field the request set has the share's value (name, access, description, expiration, flags,
 * appearance, the passphrase where Frame.io shows it), and its assets are the requested ones;</li>
 * <li>no other share matches as well (two matches: in doubt);</li>
 * <li>this client has not returned it as created before.</li>
 * </ul>
 * A request still being processed when the attempt gave up may appear later, so it looks again every second for
 * the reconcile window. What it cannot tell apart: a share with the same settings made by someone else within
 * {@link #TOLERANCE} before the attempt.
 */
final class Reconciler {

    /** The verdict of a lookup: the share, or why there is none. */
    record Lookup(ObjectNode share, String doubt) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    /** Below this uncertainty of the clocks, a share created after the attempt's start by the lowest offset counts. */
    static final Duration TOLERANCE = Duration.ofMillis(50);
    private static final int MAX_PROBES = 12;
    private static final int MAX_PAGES = 10;
    private static final int REMEMBERED = 10_000;
    private static final Set<String> NOT_COMPARED = Set.of("type", "asset_ids");

    private final FrameioSharesClient client;
    private final ScheduledExecutorService scheduler;
    private final Duration window;
    private final ServerClock clock;
    private final Set<String> returned = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));

    Reconciler(FrameioSharesClient client, ScheduledExecutorService scheduler, Duration window, ServerClock clock) {
        this.client = client;
        this.scheduler = scheduler;
        this.window = window;
        this.clock = clock;
    }

    /**
     * Remembers a share this client created, so that a lookup never returns it for another call, and what its
     * {@code created_at} says of the server's clock.
     */
    void created(String shareId, Instant createdAt, long sentMicros, long receivedMicros) {
        returned.add(shareId);
        if (createdAt != null) {
            clock.observeStamp(createdAt, sentMicros, receivedMicros);
        }
    }

    /** The share the call created, or why none can be claimed; {@code attemptSentMicros} on {@link ServerClock}. */
    CompletableFuture<Lookup> findCreated(SharesCall<?> create, long attemptSentMicros) {
        CompletableFuture<Lookup> result = new CompletableFuture<>();
        new Search(create, attemptSentMicros, System.nanoTime() + window.toNanos(), result).look();
        return result;
    }

    /** One lookup, from its first listing to its verdict. */
    private final class Search {
        private final SharesCall<?> create;
        private final JsonNode requested;
        private final String name;
        private final long sent;
        private final long deadline;
        private final CompletableFuture<Lookup> result;
        private int probes;

        Search(SharesCall<?> create, long sent, long deadline, CompletableFuture<Lookup> result) {
            this.create = create;
            this.requested = create.body().path("data");
            this.name = requested.path("name").asText("");
            this.sent = sent;
            this.deadline = deadline;
            this.result = result;
        }

        void look() {
            SharesCall<Page<ObjectNode>> newest = SharesCall.listSharesJson(create.pathParam("account_id"),
                    create.pathParam("project_id"),
                    ListOptions.pageSize(ContractLimits.MAX_PAGE_SIZE).withSort("created_at_desc"));
            scan(newest, new ArrayList<>(), 1).thenCompose(this::withRequestedAssets).whenComplete((candidates, error) -> {
                if (error != null) {
                    result.completeExceptionally(FrameioSharesClient.unwrap(error));
                } else if (candidates.size() > 1) {
                    result.complete(new Lookup(null, candidates.size() + " shares named '" + name + "' with the"
                            + " requested settings appeared since the attempt; which one it made cannot be told"));
                } else if (candidates.size() == 1) {
                    decide(candidates.get(0));
                } else if (System.nanoTime() < deadline) {
                    scheduler.schedule(this::look, Math.min(1000, window.toMillis() / 4 + 1), TimeUnit.MILLISECONDS);
                } else {
                    result.complete(new Lookup(null, "no share named '" + name + "' appeared (with the requested"
                            + " settings, since the attempt)"));
                }
            });
        }

        /** Walks the newest-first pages back to what was surely created before the attempt. */
        private CompletableFuture<List<ObjectNode>> scan(SharesCall<Page<ObjectNode>> call, List<ObjectNode> matches,
                                                         int pages) {
            return client.send(call).thenCompose(response -> {
                Instant surelyBefore = clock.earliestServerTime(sent);
                boolean older = false;
                for (ObjectNode share : response.body().data()) {
                    Instant created = createdAt(share);
                    if (created == null || created.isBefore(surelyBefore)) {
                        older = true;
                        break;
                    }
                    if (!returned.contains(share.path("id").asText()) && mismatch(requested, share) == null) {
                        matches.add(share);
                    }
                }
                String next = response.body().nextCursor();
                if (!older && next != null && pages < MAX_PAGES) {
                    return scan(call.withOptions(call.options().withAfter(next)), matches, pages + 1);
                }
                return CompletableFuture.completedFuture(matches);
            });
        }

        /** Keeps the candidates whose assets are the requested ones (the listing does not show them). */
        private CompletableFuture<List<ObjectNode>> withRequestedAssets(List<ObjectNode> candidates) {
            Set<String> wanted = new HashSet<>();
            requested.path("asset_ids").forEach(id -> wanted.add(id.asText()));
            if (wanted.isEmpty() || candidates.isEmpty()) {
                return CompletableFuture.completedFuture(candidates);
            }
            List<CompletableFuture<Boolean>> checks = new ArrayList<>();
            for (ObjectNode share : candidates) {
                checks.add(client.shareAssets(create.pathParam("account_id"), share.path("id").asText(),
                        ListOptions.pageSize(ContractLimits.MAX_PAGE_SIZE)).collect(wanted.size() + 1)
                        .thenApply(listing -> {
                            Set<String> held = new HashSet<>();
                            for (ShareAsset asset : listing.items()) {
                                held.add(asset.getId());
                            }
                            return held.equals(wanted);
                        }));
            }
            return CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).thenApply(done -> {
                List<ObjectNode> kept = new ArrayList<>();
                for (int i = 0; i < candidates.size(); i++) {
                    if (checks.get(i).join()) {
                        kept.add(candidates.get(i));
                    }
                }
                return kept;
            });
        }

        /** One candidate: claimed, refused, or probed until the clocks tell. */
        private void decide(ObjectNode share) {
            Instant created = createdAt(share);
            String id = share.path("id").asText();
            long uncertaintyMicros = clock.highMicros() - clock.lowMicros();
            boolean surelyAfter = !created.isBefore(clock.latestServerTime(sent));
            if (surelyAfter || uncertaintyMicros <= TOLERANCE.toNanos() / 1000) {
                if (!returned.add(id)) {
                    look(); // another call claimed it meanwhile
                    return;
                }
                LOG.info("{}: found share {} named '{}' created at {}, after the outcome was unknown ({}); not repeating"
                         + " the call", create.operation(), id, name, created, clock);
                result.complete(new Lookup(share, null));
            } else if (created.isBefore(clock.earliestServerTime(sent))) {
                look(); // the probes showed it was made before the attempt: not ours
            } else if (probes >= MAX_PROBES) {
                result.complete(new Lookup(null, "share " + id + " named '" + name + "' was created at " + created
                        + ", within " + uncertaintyMicros / 1000 + " ms of the attempt by the clocks' uncertainty;"
                        + " it may have been made by someone else"));
            } else {
                probe(share);
            }
        }

        /**
         * Sends a request timed so that Frame.io dates it just as its clock turns a second, if the offset is the
         * middle of what is known: its {@code Date} then halves the uncertainty (the transport observes it).
         */
        private void probe(ObjectNode share) {
            probes++;
            long middle = (clock.lowMicros() + clock.highMicros()) / 2;
            long now = clock.nowMicros();
            long boundary = Math.floorDiv(now + middle, 1_000_000) * 1_000_000 + 1_000_000;
            long delayMicros = Math.max(0, boundary - middle - now);
            scheduler.schedule(() -> client.send(SharesCall.getShare(create.pathParam("account_id"),
                    share.path("id").asText())).whenComplete((ignored, error) -> {
                        if (error != null && !(FrameioSharesClient.unwrap(error) instanceof FrameioApiException)) {
                            result.completeExceptionally(FrameioSharesClient.unwrap(error));
                        } else {
                            decide(share);
                        }
                    }), delayMicros, TimeUnit.MICROSECONDS);
        }
    }

    private static Instant createdAt(JsonNode share) {
        try {
            return Instant.parse(share.path("created_at").asText());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The first field the request set that the share does not have as requested, or null. */
    static String mismatch(JsonNode requested, JsonNode share) {
        var fields = requested.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (NOT_COMPARED.contains(field.getKey())) {
                continue;
            }
            if (field.getKey().equals("passphrase") && !share.has("passphrase")) {
                continue; // Frame.io does not show it: cannot be compared, the other fields decide
            }
            if (!same(field.getValue(), share.path(field.getKey()))) {
                return field.getKey();
            }
        }
        return null;
    }

    private static boolean same(JsonNode wanted, JsonNode actual) {
        if (wanted.isNull()) {
            return actual.isMissingNode() || actual.isNull();
        }
        if (wanted.isNumber() && actual.isNumber()) {
            return wanted.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (wanted.isTextual() && actual.isTextual()) {
            if (wanted.asText().equals(actual.asText())) {
                return true;
            }
            try {
                return Instant.parse(wanted.asText()).equals(Instant.parse(actual.asText())); // 1.5Z vs 1.500000Z
            } catch (RuntimeException e) {
                return false;
            }
        }
        if (wanted.isObject() && actual.isObject()) {
            return mismatch(wanted, actual) == null;
        }
        if (wanted.isArray() && actual.isArray() && wanted.size() == actual.size()) {
            for (int i = 0; i < wanted.size(); i++) {
                if (!same(wanted.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return wanted.equals(actual);
    }
}
