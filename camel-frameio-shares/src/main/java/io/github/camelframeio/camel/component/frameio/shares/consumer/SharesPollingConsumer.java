package io.github.camelframeio.camel.component.frameio.shares.consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesEndpoint;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateException;
import io.github.camelframeio.camel.component.frameio.shares.state.DirectoryStateRepository;
import io.github.camelframeio.camel.component.frameio.shares.state.FencedStateRepository;
import io.github.camelframeio.frameio.client.FrameioException;
import io.github.camelframeio.frameio.client.FrameioNotFoundException;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.ListOptions;
import io.github.camelframeio.frameio.client.PageGuard;
import io.github.camelframeio.frameio.client.SharesCall;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.contract.SharesOperation;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledBatchPollingConsumer;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the two frameio-shares consumers have in common: their state repository, their call allowances, and a batch
 * loop that commits each event to the state only once the route has processed its exchange.
 */
public abstract class SharesPollingConsumer extends ScheduledBatchPollingConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(SharesPollingConsumer.class);
    /** Items per page of every listing a consumer reads: the most Frame.io allows, the fewest calls. */
    static final int PAGE = 100;

    /** One change to emit (eventId: see {@link EventIds}), and what to record once the route has processed it. */
    record Event(String type, String shareId, String eventId, Object body, List<String> changedFields, List<?> changedItems,
                 Runnable commit) {
    }

    protected final FrameioSharesEndpoint endpoint;
    protected final FrameioSharesConfiguration config;
    private final StateRepository<String, String> repository;
    private final boolean ownsRepository;
    private final Map<SharesOperation, CallGate> gates = new EnumMap<>(SharesOperation.class);

    protected SharesPollingConsumer(FrameioSharesEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
        StateRepository<String, String> given = configuredRepository(config);
        this.ownsRepository = given != null;
        this.repository = ownsRepository ? given : NO_REPOSITORY;
        setMaxMessagesPerPoll(config.getMaxMessagesPerPoll());
    }

    /** The state store the options name (stateRepository, or a directory's), or null: the state is in memory. */
    public static StateRepository<String, String> configuredRepository(FrameioSharesConfiguration config) {
        StateRepository<String, String> given = config.getStateRepository();
        if (given == null && config.getStateDirectory() != null && !config.getStateDirectory().isBlank()) {
            given = new DirectoryStateRepository(Path.of(config.getStateDirectory()));
        }
        return given;
    }

    /** Without a stateRepository the state lives in memory only, held by the endpoint: nothing to write. */
    private static final StateRepository<String, String> NO_REPOSITORY = new StateRepository<>() {
        @Override
        public void setState(String key, String value) {
        }

        @Override
        public String getState(String key) {
            return null;
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    };

    /** The consumer's state under {@code key}: read from the stateRepository, or the endpoint's in-memory one. */
    <V> BucketedState<V> openState(String key, BucketedState.ValueFormat<V> format) {
        if (!ownsRepository) {
            return endpoint.retainedState(key, () -> new BucketedState<>(NO_REPOSITORY, false, key, format));
        }
        // a shared store is claimed first: from now on a consumer that claimed it before cannot write, and what it
        // wrote up to now is what this one reads (anything it held pending is not ours to write)
        StateRepository<String, String> store = repository instanceof FencedStateRepository fenced
                ? fenced.claim(key) : repository;
        BucketedState<V> state = new BucketedState<>(store, key, format);
        state.load();
        if (state.hasLosses()) {
            LOG.warn("{}", state.lossError(recoveryAdvice()).getMessage());
        } else if (state.isLegacy()) {
            LOG.info("The state under key '{}' in {} was written by an older version: it is rewritten in the current"
                     + " format by the first poll", key, state.store());
        }
        return state;
    }

    /** Whether lost state is given up and re-baselined (stateRecovery=rebaseline) rather than reported. */
    protected boolean rebaselineLostState() {
        return "rebaseline".equals(config.getStateRecovery());
    }

    private String recoveryAdvice() {
        return rebaselineLostState()
                ? "stateRecovery=rebaseline: the next poll records the shares of those keys as they are then, without"
                  + " emitting what changed in them meanwhile."
                : "The shares stored under those keys are held back (no events for them; the others flow) until the"
                  + " keys read back whole (restore them) or the consumer is restarted with stateRecovery=rebaseline.";
    }

    /**
     * The start of every poll, before anything is emitted: writes what a failed write left pending (throws, and the
     * poll emits nothing, while the store still refuses) and reads lost keys again in case they were restored. A
     * consumer whose write was refused by a later claim (fenced) throws here for good, until it is restarted.
     */
    protected void settle(BucketedState<?> state) {
        if (state.fenced() != null) {
            throw state.fenced(); // no longer the leader: nothing is read or emitted until the consumer starts again
        }
        if (state.hasPendingWrites()) {
            state.flush();
            LOG.info("Wrote the consumer state that was pending (a write that had failed, or a rewrite in the current"
                     + " format) to {}", state.store());
        }
        if (state.hasLosses() && state.retryLost() > 0 && !state.hasLosses()) {
            LOG.info("The lost keys of the state '{}' read back whole again: no share is held back", state.prefix());
        }
    }

    /**
     * Re-baselines the lost part of the state (stateRecovery=rebaseline): gives up the lost keys, lets
     * {@code record} put what each held-back share is now, writes it, and says so. Emits nothing.
     */
    protected <V> void rebaseline(BucketedState<V> state, Collection<String> current, java.util.function.Consumer<String> record) {
        List<String> held = new ArrayList<>();
        for (String id : current) {
            if (state.isLost(id)) {
                held.add(id);
            }
        }
        List<String> keys = state.recover();
        held.forEach(record);
        state.flush();
        LOG.warn("stateRecovery=rebaseline: the lost state keys {} of {} are given up; {} share(s) stored under them"
                 + " are recorded as they are now and nothing is emitted for them: what changed in them, and shares"
                 + " deleted, while their state was lost are not reported", keys.size() > 10
                         ? keys.subList(0, 10) + " (and " + (keys.size() - 10) + " more)" : keys, state.store(),
                held.size());
    }

    /** The end of a poll that held shares back: the error (naming the keys) that fails the poll. */
    protected void failIfHeldBack(BucketedState<?> state, int heldBack) {
        if (state.hasLosses()) {
            throw state.lossError(heldBack + " share(s) listed now are held back (no events for them; the other"
                                  + " shares' events were emitted) until the keys read back whole or the consumer is"
                                  + " restarted with stateRecovery=rebaseline.");
        }
    }

    protected FrameioSharesClient client() {
        return endpoint.getClient();
    }

    /** The consumer's allowance for an operation (reviewerCallsPerMinute or consumerCallsPerMinute). */
    protected CallGate gate(SharesOperation operation) {
        return gates.computeIfAbsent(operation, op -> new CallGate(op == SharesOperation.LIST_REVIEWERS
                ? config.getReviewerCallsPerMinute() : config.getConsumerCallsPerMinute()));
    }

    /** Waits for the consumer's allowance of one call of {@code operation}; throws if the consumer stops meanwhile. */
    protected void awaitAllowance(SharesOperation operation) throws InterruptedException {
        if (!gate(operation).acquire(this::isRunAllowed)) {
            throw new IllegalStateException("frameio-shares consumer stopping");
        }
    }

    /** Sends a call the poll cannot do without, waiting for the consumer's allowance first. */
    protected <T> T call(SharesCall<T> call) throws InterruptedException {
        awaitAllowance(call.operation());
        return client().sendAndWait(call).body();
    }

    /**
     * Every share of a project as Frame.io sent it, oldest first, each once: a share seen twice (the pages shifted)
     * keeps its latest place and state. Throws if any page fails.
     */
    protected Map<String, ObjectNode> listProjectShares(String accountId, String projectId) throws InterruptedException {
        Map<String, ObjectNode> shares = new LinkedHashMap<>();
        String cursor = null;
        PageGuard guard = pageGuard(SharesOperation.LIST_SHARES);
        do {
            Page<ObjectNode> page = call(SharesCall.listSharesJson(accountId, projectId,
                    ListOptions.pageSize(PAGE).withAfter(cursor).withSort("created_at_asc")));
            for (ObjectNode share : page.data()) {
                String id = share.path("id").asText(null);
                if (id != null) {
                    shares.remove(id);
                    shares.put(id, share);
                }
            }
            cursor = page.nextCursor();
            guard.next(cursor);
        } while (cursor != null);
        return shares;
    }

    /** A guard for one listing: a repeated cursor or more than maxPages pages fails the poll, typed. */
    protected PageGuard pageGuard(SharesOperation operation) {
        return new PageGuard(operation, config.getMaxPages());
    }

    /**
     * What reading back the shares missing from a listing found: those still there (a shifting listing skipped
     * them), as read now, and those Frame.io says are gone (404). A share whose read fails otherwise is in neither:
     * nothing is decided about it this poll.
     */
    record ReadBack(Map<String, ObjectNode> found, List<String> gone) {
    }

    /** Reads back, in the given order, shares that a listing did not show; see {@link ReadBack}. */
    protected ReadBack readBack(String accountId, List<String> missing) throws InterruptedException {
        Map<String, ObjectNode> found = new LinkedHashMap<>();
        List<String> gone = new ArrayList<>();
        for (String id : missing) {
            try {
                found.put(id, call(SharesCall.getShareJson(accountId, id)));
            } catch (FrameioNotFoundException e) {
                gone.add(id);
            } catch (FrameioException e) {
                LOG.debug("Share {} is missing from the listing and reading it failed ({}); deciding next poll", id,
                        e.getMessage());
            }
        }
        return new ReadBack(found, gone);
    }

    /** The ids in order, starting at {@code cursor} (the first id at or after it) and wrapping round. */
    static List<String> roundRobin(Collection<String> ids, String cursor) {
        TreeSet<String> sorted = new TreeSet<>(ids);
        List<String> order = new ArrayList<>(sorted.tailSet(cursor, true));
        order.addAll(sorted.headSet(cursor, false));
        return order;
    }

    @Override
    protected void doStart() throws Exception {
        client(); // refuses incomplete credentials when the route starts
        if (ownsRepository) {
            ServiceHelper.startService(repository);
        }
        loadState();
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        if (ownsRepository) {
            ServiceHelper.stopService(repository);
        }
    }

    /** Reads the consumer's state from the repository (at start, and so after each restart). */
    protected abstract void loadState();

    /** The key prefix of the consumer's state: the stateKey option, or one made of the operation and ids. */
    protected String stateKey(String... ids) {
        if (config.getStateKey() != null && !config.getStateKey().isBlank()) {
            return config.getStateKey();
        }
        return "frameio-shares." + config.getOperation() + "." + String.join(".", ids);
    }

    /**
     * Emits the events in order, each in its own exchange, and commits each one whose exchange the route processed.
     * When {@code perShare}, a failed exchange also holds back the later events of its share (they come again, in
     * order, on the next poll).
     */
    protected int emit(List<Event> events, boolean perShare) {
        int max = getMaxMessagesPerPoll();
        List<Event> batch = max > 0 && events.size() > max ? events.subList(0, max) : events;
        if (batch.size() < events.size()) {
            LOG.debug("Emitting {} of {} events (maxMessagesPerPoll); the rest come with the next polls", batch.size(),
                    events.size());
        }
        return processBatch(new ArrayDeque<>(batch), perShare);
    }

    @Override
    public int processBatch(Queue<Object> exchanges) {
        return processBatch(exchanges, false);
    }

    private int processBatch(Queue<?> events, boolean perShare) {
        int total = events.size();
        Set<String> failedShares = new HashSet<>();
        int processed = 0;
        for (int index = 0; index < total && isBatchAllowed(); index++) {
            Event event = (Event) events.poll();
            pendingExchanges = total - index - 1;
            if (perShare && failedShares.contains(event.shareId())) {
                continue;
            }
            Exchange exchange = exchange(event);
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, index);
            exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, total);
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, index == total - 1);
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            if (exchange.getException() == null && !exchange.isRollbackOnly()) {
                processed++;
                try {
                    event.commit().run();
                } catch (FrameioSharesStateException e) {
                    // recorded in memory, not in the store: the poll fails, and the next one writes it before
                    // emitting anything new (a crash meanwhile may emit this event again)
                    releaseExchange(exchange, false);
                    pendingExchanges = 0;
                    throw e;
                }
            } else {
                failedShares.add(event.shareId());
                if (exchange.getException() != null) {
                    getExceptionHandler().handleException("Error processing a " + event.type() + " event of share "
                                                          + event.shareId() + "; it comes again with the next poll",
                            exchange, exchange.getException());
                }
            }
            releaseExchange(exchange, false);
        }
        pendingExchanges = 0;
        return processed;
    }

    private Exchange exchange(Event event) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setHeader(FrameioSharesConstants.EVENT_TYPE, event.type());
        message.setHeader(FrameioSharesConstants.SHARE_ID, event.shareId());
        message.setHeader(FrameioSharesConstants.EVENT_ID, event.eventId());
        if (event.changedFields() != null) {
            message.setHeader(FrameioSharesConstants.CHANGED_FIELDS, event.changedFields());
        }
        if (event.changedItems() != null) {
            message.setHeader(FrameioSharesConstants.CHANGED_ITEMS, event.changedItems());
        }
        message.setBody(event.body());
        return exchange;
    }
}
