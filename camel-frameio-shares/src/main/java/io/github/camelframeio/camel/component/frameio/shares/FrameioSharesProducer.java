package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.BatchResult;
import io.github.camelframeio.frameio.client.FrameioBatchException;
import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import io.github.camelframeio.frameio.client.FrameioResponse;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.ListOptions;
import io.github.camelframeio.frameio.client.Listing;
import io.github.camelframeio.frameio.client.Paged;
import io.github.camelframeio.frameio.client.RateLimitInfo;
import io.github.camelframeio.frameio.client.model.AssetChange;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.Share;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.WritableHealthCheckRepository;
import org.apache.camel.support.DefaultAsyncProducer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Performs the endpoint's operation (or the one of the CamelFrameioSharesOperation header). By default
 * asynchronously: no thread waits while a call is in flight, and the route continues on the component's callback
 * threads; with {@code synchronous=true} the route's own thread waits and continues. Every input is resolved and
 * checked before the first call of an exchange is sent.
 */
public class FrameioSharesProducer extends DefaultAsyncProducer {

    private final FrameioSharesEndpoint endpoint;
    private final FrameioSharesConfiguration config;

    public FrameioSharesProducer(FrameioSharesEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
    }

    private static final int PROCESSING = 0;
    private static final int RETURNED = 1;
    private static final int COMPLETED_WHILE_PROCESSING = 2;

    private volatile FrameioSharesClient client;
    /** The client completing its futures on the thread with the answer, for synchronous=true (made once). */
    private volatile FrameioSharesClient synchronousClient;
    private FrameioSharesProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // refuses incomplete credentials and unsafe URLs when the route starts; kept, so that an exchange does not
        // look its client up again (the lookup fingerprints the credentials)
        client = endpoint.getClient();
        healthCheckRepository = HealthCheckHelper.getHealthCheckRepository(endpoint.getCamelContext(), "producers",
                WritableHealthCheckRepository.class);
        if (healthCheckRepository != null) {
            healthCheck = new FrameioSharesProducerHealthCheck(endpoint, endpoint.getId());
            healthCheck.setEnabled(endpoint.getComponent().isHealthCheckProducerEnabled());
            healthCheckRepository.addHealthCheck(healthCheck);
        }
    }

    @Override
    protected void doStop() throws Exception {
        client = null;
        synchronousClient = null;
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> work;
        FrameioSharesClient frameio = client != null ? client : endpoint.getClient();
        try {
            work = start(exchange, config.isSynchronous() ? synchronousView(frameio) : frameio);
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        if (config.isSynchronous()) {
            // the answer is read on the I/O thread and handed to this one, which waits for it
            try {
                FrameioSharesClient.await(work);
            } catch (RuntimeException e) {
                exchange.setException(e);
            }
            callback.done(true);
            return true;
        }
        // an answer may arrive before this method returns (then whenComplete runs here): Camel then wants
        // done(true) and true, never done(false) on the caller's thread
        AtomicInteger state = new AtomicInteger(PROCESSING);
        work.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(FrameioSharesClient.unwrap(error));
            }
            if (!state.compareAndSet(PROCESSING, COMPLETED_WHILE_PROCESSING)) {
                callback.done(false);
            }
        });
        if (state.compareAndSet(PROCESSING, RETURNED)) {
            return false;
        }
        callback.done(true);
        return true;
    }

    private FrameioSharesClient synchronousView(FrameioSharesClient frameio) {
        FrameioSharesClient view = synchronousClient;
        if (view == null || frameio != client) {
            view = frameio.withCallbackExecutor(Runnable::run);
            if (frameio == client) {
                synchronousClient = view;
            }
        }
        return view;
    }

    private CompletableFuture<Void> start(Exchange exchange, FrameioSharesClient client) {
        Message in = exchange.getMessage();
        FrameioSharesOperation operation = operation(in);
        return switch (operation) {
            case listShares -> list(in, client.shares(accountId(in), projectId(in), options(in, false, true)));
            case getShare -> share(in, client.getShare(accountId(in), shareId(in)));
            case createShare -> share(in, client.createShare(accountId(in), projectId(in),
                    RequestBodies.shareData(in, client.objectMapper(), true)));
            case updateShare -> share(in, client.updateShare(accountId(in), shareId(in),
                    RequestBodies.shareData(in, client.objectMapper(), false)));
            case deleteShare -> deleteShare(in, client);
            case addAsset -> assets(in, client, true);
            case removeAsset -> assets(in, client, false);
            case listShareAssets -> list(in, client.shareAssets(accountId(in), shareId(in), options(in, true, true)));
            case addReviewers -> reviewers(in, client, true);
            case listReviewers -> list(in, client.reviewers(accountId(in), shareId(in), options(in, false, true)));
            case removeReviewers -> reviewers(in, client, false);
            case listShareActivities -> list(in, client.shareActivities(accountId(in), shareId(in), options(in, true, false)));
            case shareChanges, shareActivity -> throw new FrameioInvalidRequestException(operation
                    + " is a consumer operation (from(...)); header " + FrameioSharesConstants.OPERATION
                    + " takes a producer operation");
        };
    }

    private FrameioSharesOperation operation(Message in) {
        Object header = in.getHeader(FrameioSharesConstants.OPERATION);
        if (header == null) {
            return config.getOperation();
        }
        if (header instanceof FrameioSharesOperation op) {
            return op;
        }
        for (FrameioSharesOperation op : FrameioSharesOperation.values()) {
            if (op.name().equals(header.toString())) {
                return op;
            }
        }
        throw new FrameioInvalidRequestException("Unknown operation '" + header + "' in header "
                                                 + FrameioSharesConstants.OPERATION + "; use one of "
                                                 + List.of(FrameioSharesOperation.values()));
    }

    // ---- operations --------------------------------------------------------------------------------------------

    private CompletableFuture<Void> share(Message in, CompletableFuture<FrameioResponse<Share>> call) {
        return call.thenAccept(response -> {
            setShare(in, response.body());
            setMeta(in, response.rateLimit(), response.requestId());
        });
    }

    private CompletableFuture<Void> deleteShare(Message in, FrameioSharesClient client) {
        String shareId = shareId(in);
        return client.deleteShare(accountId(in), shareId).thenAccept(response -> {
            in.setHeader(FrameioSharesConstants.SHARE_ID, shareId);
            setMeta(in, response.rateLimit(), response.requestId());
        });
    }

    /** One call per asset, one after the other; the body becomes the share after the last change. */
    private CompletableFuture<Void> assets(Message in, FrameioSharesClient client, boolean add) {
        String accountId = accountId(in);
        String shareId = shareId(in);
        List<String> ids = RequestBodies.assetIds(in, config.getAssetId(), add ? "addAsset" : "removeAsset");
        CompletableFuture<BatchResult<AssetChange>> calls = add ? client.addAssets(accountId, shareId, ids)
                : client.removeAssets(accountId, shareId, ids);
        return batch(calls, result -> {
            List<String> done = new ArrayList<>();
            for (FrameioResponse<?> response : result) {
                AssetChange change = (AssetChange) response.body();
                done.add(change.getAssetId());
                setShare(in, change.getShare());
                setMeta(in, response.rateLimit(), response.requestId());
            }
            in.setHeader(FrameioSharesConstants.ASSET_IDS, List.copyOf(done));
        });
    }

    /** One call per batch of at most 10 reviewers of one type, one after the other; the body is left as it was. */
    private CompletableFuture<Void> reviewers(Message in, FrameioSharesClient client, boolean add) {
        String accountId = accountId(in);
        String shareId = shareId(in);
        RequestBodies.ReviewerRequest request = RequestBodies.reviewers(in, client.objectMapper(), config, add);
        in.setHeader(FrameioSharesConstants.SHARE_ID, shareId);
        CompletableFuture<BatchResult<Void>> calls = add
                ? client.addReviewers(accountId, shareId, request.reviewers(), request.message(), request.notifyByEmail())
                : client.removeReviewers(accountId, shareId, request.reviewers());
        return batch(calls, result -> result.forEach(response -> setMeta(in, response.rateLimit(), response.requestId())));
    }

    /**
     * The outcome of a multi-call request: {@code onAnswers} sees the answers of the calls that succeeded, also when
     * a later one failed; that failure reaches the route as a {@link FrameioSharesBatchException}.
     */
    private static <T> CompletableFuture<Void> batch(CompletableFuture<BatchResult<T>> calls,
                                                     Consumer<List<? extends FrameioResponse<?>>> onAnswers) {
        return calls.handle((result, error) -> {
            if (error == null) {
                onAnswers.accept(result.responses());
                return null;
            }
            Throwable cause = FrameioSharesClient.unwrap(error);
            if (cause instanceof FrameioBatchException batch) {
                onAnswers.accept(batch.getCompletedResponses());
                throw new FrameioSharesBatchException(batch);
            }
            throw cause instanceof RuntimeException e ? e : new CompletionException(cause);
        });
    }

    private <E> CompletableFuture<Void> list(Message in, Paged<E> listing) {
        int max = maxResults();
        if (config.isStreaming()) {
            return listing.firstPage().thenAccept(response -> {
                Page<E> page = response.body();
                in.setBody(listing.iterator(page, max));
                setHeaderIfSet(in, FrameioSharesConstants.TOTAL_COUNT, page.totalCount());
                in.removeHeader(FrameioSharesConstants.NEXT_CURSOR);
                setMeta(in, response.rateLimit(), response.requestId());
            });
        }
        return listing.collect(max).thenAccept((Listing<E> result) -> {
            in.setBody(result.items());
            setHeaderIfSet(in, FrameioSharesConstants.TOTAL_COUNT, result.totalCount());
            if (result.nextCursor() != null) {
                in.setHeader(FrameioSharesConstants.NEXT_CURSOR, result.nextCursor());
            } else {
                in.removeHeader(FrameioSharesConstants.NEXT_CURSOR);
            }
            setMeta(in, result.rateLimit(), null);
        });
    }

    // ---- inputs and outputs ------------------------------------------------------------------------------------

    private String accountId(Message in) {
        return required(in, FrameioSharesConstants.ACCOUNT_ID, config.getAccountId(), "accountId");
    }

    private String projectId(Message in) {
        return required(in, FrameioSharesConstants.PROJECT_ID, config.getProjectId(), "projectId");
    }

    private String shareId(Message in) {
        return required(in, FrameioSharesConstants.SHARE_ID, config.getShareId(), "shareId");
    }

    private static String required(Message in, String header, String option, String name) {
        String value = in.getHeader(header, option, String.class);
        if (value == null || value.isBlank()) {
            throw new FrameioInvalidRequestException(name + " is required: set the " + name + " option or the " + header
                                                     + " header");
        }
        return value.trim();
    }

    /**
     * The list options of the endpoint and the exchange's cursor; {@code include} and {@code sort} only where the
     * operation has them. A streamed listing with maxResults reads its first page no larger than that.
     */
    private ListOptions options(Message in, boolean include, boolean sort) {
        int max = maxResults();
        int pageSize = config.isStreaming() && max > 0 ? Math.min(config.getPageSize(), max) : config.getPageSize();
        return new ListOptions(pageSize, in.getHeader(FrameioSharesConstants.CURSOR, String.class),
                config.isIncludeTotalCount(), sort ? config.getSort() : null, include ? config.getInclude() : null);
    }

    private int maxResults() {
        if (config.getMaxResults() < 0) {
            throw new FrameioInvalidRequestException("maxResults must be 0 (all) or more, got " + config.getMaxResults());
        }
        return config.getMaxResults();
    }

    private static void setShare(Message in, Share share) {
        in.setBody(share);
        in.setHeader(FrameioSharesConstants.SHARE_ID, share.getId());
        setHeaderIfSet(in, FrameioSharesConstants.SHARE_URL, share.getShortUrl());
    }

    private static void setMeta(Message in, RateLimitInfo rateLimit, String requestId) {
        if (rateLimit != null) {
            in.setHeader(FrameioSharesConstants.RATE_LIMIT_REMAINING, rateLimit.remaining());
        }
        setHeaderIfSet(in, FrameioSharesConstants.REQUEST_ID, requestId);
    }

    private static void setHeaderIfSet(Message in, String name, Object value) {
        if (value != null) {
            in.setHeader(name, value);
        } else {
            in.removeHeader(name);
        }
    }
}
