package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesEndpoint;
import io.github.camelframeio.frameio.client.FrameioException;
import io.github.camelframeio.frameio.client.FrameioNotFoundException;
import io.github.camelframeio.frameio.client.ListOptions;
import io.github.camelframeio.frameio.client.SharesCall;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.github.camelframeio.frameio.contract.SharesOperation;

import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code from("frameio-shares:shareActivity?...")}: emits each new item of the activity feed of one share
 * ({@code shareId}) or of every share of a project ({@code projectId}), oldest first, once.
 * <p>
 * Per share it keeps a watermark: the time of the newest item emitted and the ids of the items of that instant.
 * Items are emitted in order and a failed exchange holds back the share's later items, so the watermark only ever
 * moves past processed items. With a project, the shares' feeds are read round-robin within the consumer's call
 * allowance; a share created after the consumer started has all its activity emitted, but a share whose watermark
 * was lost (its state key missing or corrupt) is not read at all until the key is back or given up (stateRecovery):
 * from none it would emit its whole feed again.
 */
public class ShareActivityConsumer extends SharesPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(ShareActivityConsumer.class);

    /** The newest instant emitted (epoch microseconds) and the ids of the items of that instant. */
    record Watermark(long micros, Set<String> ids) {

        static final Watermark NONE = new Watermark(Long.MIN_VALUE, Set.of());

        Watermark {
            ids = Collections.unmodifiableSet(new TreeSet<>(ids));
        }

        boolean isNew(long itemMicros, String id) {
            return itemMicros > micros || (itemMicros == micros && !ids.contains(id));
        }

        Watermark after(long itemMicros, String id) {
            if (itemMicros > micros) {
                return new Watermark(itemMicros, Set.of(id));
            }
            if (itemMicros == micros) {
                Set<String> more = new TreeSet<>(ids);
                more.add(id);
                return new Watermark(micros, more);
            }
            return this;
        }

        static final BucketedState.ValueFormat<Watermark> FORMAT = new BucketedState.ValueFormat<>() {
            @Override
            public void write(Bytes.Out out, Watermark w) {
                out.long64(w.micros);
                out.varint(w.ids.size());
                w.ids.forEach(out::id);
            }

            @Override
            public Watermark read(Bytes.In in) {
                long micros = in.long64();
                int n = in.varint();
                Set<String> ids = new TreeSet<>();
                for (int i = 0; i < n; i++) {
                    ids.add(in.id());
                }
                return new Watermark(micros, ids);
            }
        };
    }

    private final String accountId;
    private final String projectId;
    private final String shareId;
    private BucketedState<Watermark> state;
    private String cursor = "";

    public ShareActivityConsumer(FrameioSharesEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.accountId = config.getAccountId();
        this.shareId = config.getShareId() == null || config.getShareId().isBlank() ? null : config.getShareId();
        this.projectId = shareId == null ? config.getProjectId() : null;
    }

    @Override
    protected void loadState() {
        state = openState(stateKey(accountId, shareId != null ? shareId : projectId), Watermark.FORMAT);
    }

    @Override
    protected int poll() throws Exception {
        settle(state);
        List<String> targets = new ArrayList<>(shareId != null ? List.of(shareId)
                : listProjectShares(accountId, projectId).keySet());
        if (!state.isInitialized() && baseline(targets)) {
            return 0; // startFrom=now: the first poll only notes where each feed stands
        }
        int heldBack = 0;
        if (state.hasLosses()) {
            if (rebaselineLostState()) {
                List<String> lost = targets.stream().filter(state::isLost).toList();
                Map<String, Watermark> now = new HashMap<>();
                for (String id : lost) {
                    now.put(id, newest(id)); // where the feed stands: what came before is not emitted
                }
                rebaseline(state, lost, id -> state.put(id, now.get(id)));
            } else {
                // a share whose position was lost is not read: from none, it would emit its whole feed again
                int before = targets.size();
                targets.removeIf(state::isLost);
                heldBack = before - targets.size();
            }
        }
        int emitted = emitNewItems(targets);
        failIfHeldBack(state, heldBack);
        return emitted;
    }

    private int emitNewItems(List<String> targets) throws InterruptedException {
        Set<String> known = state.ids();
        for (String id : targets) {
            if (!known.contains(id)) {
                state.put(id, Watermark.NONE); // created since: all its activity is new
            }
        }
        if (shareId == null) {
            confirmGone(known, targets);
        }
        state.flush();

        List<Event> events = new ArrayList<>();
        CallGate gate = gate(SharesOperation.LIST_SHARE_ACTIVITIES);
        for (String id : roundRobin(targets, cursor)) {
            if (!isRunAllowed() || !gate.tryAcquire()) {
                break;
            }
            cursor = id + '\u0000';
            try {
                newItems(id, state.get(id), events);
            } catch (FrameioNotFoundException e) {
                if (shareId != null) {
                    throw e; // the one watched share is gone: say so through the consumer's health
                }
                LOG.debug("Share {} disappeared while reading its activity", id);
            } catch (FrameioException e) {
                if (shareId != null) {
                    throw e;
                }
                LOG.debug("Reading the activity of share {} failed ({}); reading it again later", id, e.getMessage());
            }
        }
        return emit(events, true);
    }

    /**
     * The first poll: startFrom=now notes each share's newest item (true: nothing to emit); beginning starts every
     * share from none.
     */
    private boolean baseline(List<String> targets) throws InterruptedException {
        boolean fromNow = !"beginning".equals(config.getStartFrom());
        for (String id : targets) {
            state.put(id, fromNow ? newest(id) : Watermark.NONE);
        }
        state.initialize();
        state.flush();
        LOG.info("Following the activity of {} share(s); {}", targets.size(),
                fromNow ? "new items from now on are emitted" : "every item is emitted");
        return fromNow;
    }

    /** Where the share's feed stands now: its newest item. */
    private Watermark newest(String id) throws InterruptedException {
        Watermark mark = Watermark.NONE;
        Page<ShareActivity> newest = call(SharesCall.listShareActivities(accountId, id, ListOptions.pageSize(PAGE)));
        for (ShareActivity item : newest.data()) {
            if (item.getInsertedAt() != null && item.getId() != null) {
                mark = mark.after(micros(item), item.getId());
            }
        }
        return mark;
    }

    /** The share's items newer than its watermark, oldest first, as events that move the watermark. */
    private void newItems(String id, Watermark mark, List<Event> events) throws InterruptedException {
        List<ShareActivity> fresh = new ArrayList<>();
        SharesCall<Page<ShareActivity>> call = SharesCall.listShareActivities(accountId, id,
                ListOptions.pageSize(PAGE).withInclude(config.getInclude()));
        boolean first = true;
        while (true) {
            if (!first) {
                awaitAllowance(SharesOperation.LIST_SHARE_ACTIVITIES);
            }
            first = false;
            Page<ShareActivity> page = client().sendAndWait(call).body();
            boolean older = false;
            for (ShareActivity item : page.data()) {
                if (item.getId() == null || item.getInsertedAt() == null) {
                    continue;
                }
                long micros = micros(item);
                if (mark.isNew(micros, item.getId())) {
                    fresh.add(item);
                } else if (micros < mark.micros()) {
                    older = true;
                }
            }
            if (older || page.nextCursor() == null) {
                break;
            }
            call = call.withOptions(call.options().withAfter(page.nextCursor()));
        }
        // the feed is newest first: emit oldest first, keeping the feed's order among items of one instant
        Collections.reverse(fresh);
        Set<String> seen = new LinkedHashSet<>();
        for (ShareActivity item : fresh) {
            if (!seen.add(item.getId())) {
                continue; // an item repeated by shifting pages
            }
            long micros = micros(item);
            String itemId = item.getId();
            String type = item.getType() != null ? item.getType().wireName() : "unknown";
            events.add(new Event(type, id, EventIds.activity(itemId), item, null, null, () -> {
                Watermark current = state.get(id);
                if (current != null) {
                    state.put(id, current.after(micros, itemId));
                    state.flush();
                }
            }));
        }
    }

    /** Forgets the shares that Frame.io says are gone; the others were skipped by a shifting listing. */
    private void confirmGone(Set<String> known, List<String> targets) throws InterruptedException {
        List<String> missing = new ArrayList<>(known);
        missing.removeAll(new java.util.HashSet<>(targets));
        ReadBack readBack = readBack(accountId, missing);
        targets.addAll(readBack.found().keySet());
        readBack.gone().forEach(state::remove);
    }

    private static long micros(ShareActivity item) {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, item.getInsertedAt().toInstant());
    }
}
