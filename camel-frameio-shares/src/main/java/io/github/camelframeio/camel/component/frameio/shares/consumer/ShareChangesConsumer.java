package io.github.camelframeio.camel.component.frameio.shares.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesEndpoint;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesEventType;
import io.github.camelframeio.frameio.client.FrameioException;
import io.github.camelframeio.frameio.client.FrameioNotFoundException;
import io.github.camelframeio.frameio.client.ListOptions;
import io.github.camelframeio.frameio.client.PageGuard;
import io.github.camelframeio.frameio.client.SharesCall;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareReviewer;
import io.github.camelframeio.frameio.contract.SharesOperation;

import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * {@code from("frameio-shares:shareChanges?accountId=...&projectId=...")}: lists the project's shares each poll and
 * emits one exchange per change since the last poll, comparing each share with what was last emitted about it.
 * <p>
 * Exactness rests on four rules. Each event is recorded in the state only after the route has processed it, and
 * records only its own part (an updated event the changed settings, a viewed event {@code last_viewed_at}), so a
 * failed exchange is found again by the next poll. A share missing from the listing is only reported deleted once
 * reading it answers 404 (an offset listing can skip an item when another share is deleted meanwhile). A poll whose
 * listing fails emits nothing. Reviewer and asset lists are compared round-robin within their call allowance,
 * and a share's first look records them without emitting. A share whose state was lost (its bucket key missing or
 * corrupt) gets no event at all, since it cannot be told from a new one, until the key is back or given up
 * (stateRecovery).
 * <p>
 * In push mode (webhook:frameio-shares:shareChanges) a verified delivery names a share: {@link #pushed} queues it,
 * and the consumer's own thread reads the share and compares it with the same state the polls use, under the same
 * lock, so a change seen by a push and by a poll is emitted once, by whichever came first, with the same event id.
 * The polls go on, at reconcileDelay, for what pushes miss.
 */
public class ShareChangesConsumer extends SharesPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ShareChangesConsumer.class);

    private final String accountId;
    private final String projectId;
    private final ObjectMapper mapper;
    private final ChangeDetector detector;
    private final ShareCodec codec;
    private BucketedState<ShareRecord> state;
    private final Items<ShareReviewer> reviewers;
    private final Items<ShareAsset> assets;
    /** Held by a poll and by each pushed share's comparison: the state is not thread-safe. */
    private final Object stateLock = new Object();
    /** Shares pushed and not compared yet: a share pushed twice meanwhile is read once. */
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    /** The most shares queued at once; a delivery beyond is left to the next reconciling poll. */
    static final int MAX_QUEUED = 10_000;
    private boolean push;
    private ExecutorService pushThread;

    public ShareChangesConsumer(FrameioSharesEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.accountId = config.getAccountId();
        this.projectId = config.getProjectId();
        this.mapper = client().objectMapper();
        this.detector = new ChangeDetector(mapper);
        this.codec = detector.codec();
        this.reviewers = reviewerItems();
        this.assets = assetItems();
    }

    @Override
    protected void loadState() {
        synchronized (stateLock) {
            state = openState(stateKey(accountId, projectId), ShareRecord.FORMAT);
        }
        LOG.debug("Starting from the state of {} shares", state.size());
    }

    /** Whether the first poll has taken its baseline: from then on pushed changes are emitted. */
    public boolean hasBaseline() {
        synchronized (stateLock) {
            return state != null && state.isInitialized();
        }
    }

    /** Push mode: deliveries name shares to compare at once; polls reconcile. Set before the consumer starts. */
    public void enablePush() {
        this.push = true;
    }

    /**
     * A verified delivery named this share: it is read and compared on the consumer's own thread, soon; the caller
     * (the HTTP thread) does not wait. Whether it was queued (false: the consumer is not running, or too much is
     * queued; the next poll finds the change).
     */
    public boolean pushed(String shareId) {
        ExecutorService thread = pushThread;
        if (thread == null || !isRunAllowed()) {
            return false;
        }
        if (queued.size() >= MAX_QUEUED) {
            LOG.warn("{} pushed shares wait to be compared; share {} is left to the next reconciling poll",
                    queued.size(), shareId);
            return false;
        }
        if (!queued.add(shareId)) {
            return true; // already waiting: one read covers both deliveries
        }
        try {
            thread.execute(() -> {
                queued.remove(shareId); // a delivery from now on reads the share again
                comparePushed(shareId);
            });
            return true;
        } catch (RejectedExecutionException e) {
            queued.remove(shareId);
            return false;
        }
    }

    /** Reads a pushed share and emits what changed in it since it was last emitted, as a poll would. */
    private void comparePushed(String id) {
        synchronized (stateLock) {
            if (!isRunAllowed() || state == null || !state.isInitialized() || state.isLost(id)) {
                // before the first poll (its baseline is read after this delivery) or held back: nothing to do
                return;
            }
            try {
                settle(state);
                ObjectNode share;
                try {
                    share = call(SharesCall.getShareJson(accountId, id));
                } catch (FrameioNotFoundException e) {
                    if (state.get(id) != null) {
                        emit(List.of(deletedEvent(id)), true);
                    }
                    return;
                }
                List<Event> events = new ArrayList<>();
                for (ChangeDetector.Change change : detector.diff(Map.of(id, share), this::knownShare)) {
                    events.add(event(change, share));
                }
                rewritePassphraseHashes();
                emit(events, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (FrameioException | IllegalStateException e) {
                LOG.debug("Comparing pushed share {} failed ({}); the next reconciling poll looks again", id,
                        e.getMessage());
            } catch (RuntimeException e) {
                if (isRunAllowed()) {
                    LOG.warn("Comparing pushed share {} failed; the next reconciling poll looks again", id, e);
                } else {
                    LOG.debug("Comparing pushed share {} stopped with the consumer ({})", id, e.getMessage());
                }
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (push) {
            pushThread = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "FrameioSharesWebhook");
        }
    }

    @Override
    protected void doStop() throws Exception {
        ExecutorService thread = pushThread;
        pushThread = null;
        if (thread != null) {
            // the share being compared is finished (an event emitted is recorded, not interrupted mid-write); those
            // still queued find the consumer stopping and are left to the next start's reconciling poll
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdownGraceful(thread, 10_000);
        }
        queued.clear();
        super.doStop();
    }

    @Override
    protected int poll() throws Exception {
        synchronized (stateLock) {
            return pollState();
        }
    }

    private int pollState() throws Exception {
        settle(state);
        Map<String, ObjectNode> listed = listProjectShares(accountId, projectId);
        int heldBack = 0;
        if (state.hasLosses()) {
            if (rebaselineLostState()) {
                Map<String, ObjectNode> lost = new LinkedHashMap<>();
                listed.forEach((id, share) -> {
                    if (state.isLost(id)) {
                        lost.put(id, share);
                    }
                });
                Map<String, byte[]> now = new HashMap<>();
                detector.diff(lost, id -> null).forEach(c -> now.put(c.shareId(), c.share()));
                rebaseline(state, lost.keySet(), id -> state.put(id, new ShareRecord(now.get(id), null, null)));
            } else {
                // no event for a share whose state was lost: it would be made up ("created" again, or deleted)
                int before = listed.size();
                listed.keySet().removeIf(state::isLost);
                heldBack = before - listed.size();
            }
        }
        int emitted = changes(listed);
        failIfHeldBack(state, heldBack);
        return emitted;
    }

    private int changes(Map<String, ObjectNode> listed) throws InterruptedException {
        if (!state.isInitialized()) {
            state.initialize();
            if (!"beginning".equals(config.getStartFrom())) {
                // encoded as the diff does (on every core for big projects: passphrase hashes are slow)
                detector.diff(listed, id -> null)
                        .forEach(c -> state.put(c.shareId(), new ShareRecord(c.share(), null, null)));
                state.trim();
                state.flush();
                // the first looks at reviewers and assets record them without emitting
                lookAtItems(listed, state.ids());
                LOG.info("Watching {} shares of project {}; changes from now on are emitted", listed.size(), projectId);
                return 0;
            }
            state.flush();
        }
        Set<String> knownAtStart = state.ids();
        List<String> gone = new ArrayList<>();
        for (String id : knownAtStart) {
            if (!listed.containsKey(id)) {
                gone.add(id);
            }
        }
        List<String> deleted = confirmGone(gone, listed);

        List<Event> events = new ArrayList<>();
        for (ChangeDetector.Change change : detector.diff(listed, this::knownShare)) {
            events.add(event(change, listed.get(change.shareId())));
        }
        rewritePassphraseHashes();
        events.addAll(lookAtItems(listed, knownAtStart));
        // stable order: shares as listed (oldest first), each share's own events first, then deletions
        Map<String, Integer> position = new HashMap<>();
        listed.keySet().forEach(id -> position.put(id, position.size()));
        events.sort(Comparator.comparingInt(ev -> position.getOrDefault(ev.shareId(), Integer.MAX_VALUE)));
        for (String id : deleted) {
            events.add(deletedEvent(id));
        }
        rewindCursorsBeyond(events);
        return emit(events, false);
    }

    /** The opt-in reviewer and asset comparisons of this poll. */
    private List<Event> lookAtItems(Map<String, ObjectNode> listed, Set<String> knownAtStart) {
        List<Event> events = new ArrayList<>();
        if (config.isReviewerChanges()) {
            events.addAll(reviewers.events(listed, knownAtStart));
        }
        if (config.isAssetChanges()) {
            events.addAll(assets.events(listed, knownAtStart));
        }
        return events;
    }

    /**
     * Of the shares missing from the listing, those that Frame.io says are gone (404), oldest first. The others were
     * skipped by a shifting listing; they are added to {@code listed} as read now.
     */
    private List<String> confirmGone(List<String> missing, Map<String, ObjectNode> listed) throws InterruptedException {
        missing.sort(Comparator.<String>comparingLong(id -> codec.micros(state.get(id).share(), "created_at"))
                .thenComparing(Function.identity()));
        ReadBack readBack = readBack(accountId, missing);
        listed.putAll(readBack.found());
        return readBack.gone();
    }

    /** An event for a share-level change, and what to record once the route has processed it. */
    private Event event(ChangeDetector.Change change, ObjectNode share) {
        String id = change.shareId();
        byte[] now = change.share();
        if (change.type() == FrameioSharesEventType.created) {
            // a new share's reviewers and assets count from none: those it was created with are emitted as added
            ShareRecord created = new ShareRecord(now, config.isReviewerChanges() ? Map.of() : null,
                    config.isAssetChanges() ? Set.of() : null);
            return new Event(change.type().name(), id, EventIds.change(id, change.type(), share), toShare(share), null,
                    null, () -> commit(id, r -> r == null ? created : r));
        }
        // each event records only its own fields: an updated event that failed is found again by the next poll
        List<String> fields = change.changedFields();
        return new Event(change.type().name(), id, EventIds.change(id, change.type(), share), toShare(share), fields,
                null, () -> commit(id, r -> r == null ? null : r.withShare(codec.merge(r.share(), now, fields))));
    }

    private Event deletedEvent(String id) {
        ShareRecord last = state.get(id);
        Share body = mapper.convertValue(codec.toJson(id, last.share()), Share.class);
        return new Event(FrameioSharesEventType.deleted.name(), id, EventIds.deleted(id), body, null, null,
                () -> commit(id, r -> null));
    }

    // ---- reviewers and assets ----------------------------------------------------------------------------------

    /**
     * One kind of item compared per share: reviewers (key: user id, or e-mail for invited people; label: e-mail) or
     * assets (key: asset id). Each keeps its own round-robin cursor.
     */
    private final class Items<T> {
        final SharesOperation operation;
        final FrameioSharesEventType added;
        final FrameioSharesEventType removed;
        final Function<String, SharesCall<Page<T>>> listCall;
        final Function<T, String> key;
        final Function<T, String> label;
        final Function<ShareRecord, Map<String, String>> known;
        final BiFunction<ShareRecord, Map<String, String>, ShareRecord> with;
        final BiFunction<String, String, Object> removedItem;
        /** The next share to look at (round-robin over share ids): "" starts from the first. */
        String cursor = "";
        final List<String> lookedAt = new ArrayList<>();

        Items(SharesOperation operation, FrameioSharesEventType added, FrameioSharesEventType removed,
              Function<String, SharesCall<Page<T>>> listCall, Function<T, String> key, Function<T, String> label,
              Function<ShareRecord, Map<String, String>> known, BiFunction<ShareRecord, Map<String, String>, ShareRecord> with,
              BiFunction<String, String, Object> removedItem) {
            this.operation = operation;
            this.added = added;
            this.removed = removed;
            this.listCall = listCall;
            this.key = key;
            this.label = label;
            this.known = known;
            this.with = with;
            this.removedItem = removedItem;
        }

        /**
         * Shares to look at this poll, round-robin from the cursor: known before the poll and still there. For
         * reviewers: secure shares, and any share not looked at yet (a public share keeps the reviewers it had when
         * secure, and they count again if it turns secure).
         */
        List<String> candidates(Map<String, ObjectNode> listed, Set<String> knownAtStart) {
            List<String> ids = new ArrayList<>();
            for (Map.Entry<String, ObjectNode> e : listed.entrySet()) {
                String id = e.getKey();
                if (knownAtStart.contains(id) && (operation != SharesOperation.LIST_REVIEWERS
                                                  || "secure".equals(e.getValue().path("access").asText())
                                                  || known.apply(state.get(id)) == null)) {
                    ids.add(id);
                }
            }
            return roundRobin(ids, cursor);
        }

        List<Event> events(Map<String, ObjectNode> listed, Set<String> knownAtStart) {
            List<Event> events = new ArrayList<>();
            CallGate gate = gate(operation);
            lookedAt.clear();
            for (String id : candidates(listed, knownAtStart)) {
                if (!isRunAllowed() || !gate.tryAcquire()) {
                    break;
                }
                cursor = id + '\u0000'; // the next id after this one
                lookedAt.add(id);
                List<T> items;
                try {
                    items = readAll(listCall.apply(id));
                } catch (FrameioException | InterruptedException e) {
                    LOG.debug("Reading the {} of share {} failed ({}); looking again later", operation, id, e.getMessage());
                    continue;
                }
                Map<String, T> now = new TreeMap<>();
                Map<String, String> labels = new TreeMap<>();
                for (T item : items) {
                    String k = key.apply(item);
                    if (k != null) {
                        now.put(k, item);
                        labels.put(k, label.apply(item));
                    }
                }
                Map<String, String> before = known.apply(state.get(id));
                if (before == null) {
                    commit(id, r -> r == null ? null : with.apply(r, labels)); // first look: the baseline, no event
                    continue;
                }
                Map<String, String> add = new TreeMap<>(labels);
                add.keySet().removeAll(before.keySet());
                Map<String, String> drop = new TreeMap<>(before);
                drop.keySet().removeAll(labels.keySet());
                Share body = toShare(listed.get(id));
                if (!add.isEmpty()) {
                    List<Object> addedItems = new ArrayList<>();
                    add.keySet().forEach(k -> addedItems.add(now.get(k)));
                    events.add(new Event(added.name(), id, EventIds.items(id, added, listed.get(id), add.keySet()), body,
                            null, List.copyOf(addedItems), () -> change(id, m -> m.putAll(add))));
                }
                if (!drop.isEmpty()) {
                    List<Object> removedItems = new ArrayList<>();
                    drop.forEach((k, l) -> removedItems.add(removedItem.apply(k, l)));
                    events.add(new Event(removed.name(), id, EventIds.items(id, removed, listed.get(id), drop.keySet()),
                            body, null, List.copyOf(removedItems),
                            () -> change(id, m -> m.keySet().removeAll(drop.keySet()))));
                }
            }
            return events;
        }

        /** Records a processed event: the share's items as last emitted, changed. */
        private void change(String id, java.util.function.Consumer<Map<String, String>> edit) {
            commit(id, r -> {
                if (r == null || known.apply(r) == null) {
                    return r;
                }
                Map<String, String> items = new TreeMap<>(known.apply(r));
                edit.accept(items);
                return with.apply(r, items);
            });
        }

        /** Cut off by maxMessagesPerPoll: the cursor goes back to the first share whose events did not go out. */
        void rewind(List<Event> cut) {
            Set<String> shares = new HashSet<>();
            for (Event e : cut) {
                if (e.type().equals(added.name()) || e.type().equals(removed.name())) {
                    shares.add(e.shareId());
                }
            }
            lookedAt.stream().filter(shares::contains).findFirst().ifPresent(id -> cursor = id);
        }
    }

    private Items<ShareReviewer> reviewerItems() {
        return new Items<>(SharesOperation.LIST_REVIEWERS, FrameioSharesEventType.reviewersAdded,
                FrameioSharesEventType.reviewersRemoved,
                id -> SharesCall.listReviewers(accountId, id, ListOptions.pageSize(PAGE)),
                r -> r.getId() != null ? r.getId() : r.getEmail(), ShareReviewer::getEmail, ShareRecord::reviewers,
                ShareRecord::withReviewers, (key, email) -> {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    fields.put("id", key.equals(email) ? null : key); // invited people have no user id
                    fields.put("email", email);
                    return mapper.convertValue(fields, ShareReviewer.class);
                });
    }

    private Items<ShareAsset> assetItems() {
        return new Items<>(SharesOperation.LIST_SHARE_ASSETS, FrameioSharesEventType.assetsAdded,
                FrameioSharesEventType.assetsRemoved,
                id -> SharesCall.listShareAssets(accountId, id, ListOptions.pageSize(PAGE)),
                ShareAsset::getId, a -> null, r -> {
                    if (r.assets() == null) {
                        return null;
                    }
                    Map<String, String> ids = new TreeMap<>();
                    r.assets().forEach(a -> ids.put(a, null));
                    return ids;
                }, (r, ids) -> r.withAssets(ids.keySet()),
                (key, label) -> mapper.convertValue(Map.of("id", key), ShareAsset.class));
    }

    /** Every item of a list call; the first page's allowance is already taken. */
    private <E> List<E> readAll(SharesCall<Page<E>> first) throws InterruptedException {
        List<E> items = new ArrayList<>();
        SharesCall<Page<E>> call = first;
        PageGuard guard = pageGuard(first.operation());
        while (true) {
            Page<E> page = client().sendAndWait(call).body();
            items.addAll(page.data());
            guard.next(page.nextCursor());
            if (page.nextCursor() == null) {
                return items;
            }
            awaitAllowance(call.operation());
            call = call.withOptions(call.options().withAfter(page.nextCursor()));
        }
    }

    /** Item events cut off by maxMessagesPerPoll must be looked for again. */
    private void rewindCursorsBeyond(List<Event> events) {
        int max = getMaxMessagesPerPoll();
        if (max > 0 && events.size() > max) {
            List<Event> cut = events.subList(max, events.size());
            reviewers.rewind(cut);
            assets.rewind(cut);
        }
    }

    // ---- state ---------------------------------------------------------------------------------------------------

    /** Records one processed event (or a baseline look) and writes its bucket at once. */
    private void commit(String id, UnaryOperator<ShareRecord> change) {
        ShareRecord after = change.apply(state.get(id));
        if (after == null) {
            state.remove(id);
        } else {
            state.put(id, after);
        }
        state.flush();
    }

    /** Replaces passphrase hashes of the old fast form, found unchanged by the diff, by the slow form. */
    private void rewritePassphraseHashes() {
        Map<String, byte[]> migrations = detector.drainPassphraseMigrations();
        migrations.forEach((id, stored) -> {
            ShareRecord r = state.get(id);
            if (r != null) {
                state.put(id, r.withShare(codec.withStoredPassphrase(r.share(), stored)));
            }
        });
        if (!migrations.isEmpty()) {
            state.flush();
            LOG.debug("Rewrote the passphrase hashes of {} shares in the slow form", migrations.size());
        }
    }

    /** The share as last emitted, encoded, or null. */
    private byte[] knownShare(String id) {
        byte[] raw = state.raw(id);
        return raw == null ? null : ShareRecord.shareOf(raw);
    }

    private Share toShare(ObjectNode share) {
        return mapper.convertValue(share, Share.class);
    }
}
