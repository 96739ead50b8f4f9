package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import io.github.camelframeio.frameio.client.FrameioResponse;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.Listing;
import io.github.camelframeio.frameio.client.RateLimitInfo;
import io.github.camelframeio.frameio.client.SharesCall;
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
import java.util.function.Consumer;

/**
 * Performs the endpoint's operation (or the one of the CamelFrameioSharesOperation header) asynchronously: no
 * thread waits while a call is in flight. Every input is resolved and checked before the first call of an
 * exchange is sent.
 */
public class FrameioSharesProducer extends DefaultAsyncProducer {

    private final FrameioSharesEndpoint endpoint;
    private final FrameioSharesConfiguration config;

    public FrameioSharesProducer(FrameioSharesEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
        this.config = endpoint.getConfiguration();
    }

    private FrameioSharesProducerHealthCheck healthCheck;
    private WritableHealthCheckRepository healthCheckRepository;

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        endpoint.getClient(); // refuses incomplete credentials and unsafe URLs when the route starts
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
        if (healthCheckRepository != null && healthCheck != null) {
            healthCheckRepository.removeHealthCheck(healthCheck);
            healthCheck = null;
        }
        super.doStop();
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        CompletableFuture<Void> work;
        try {
            work = start(exchange, endpoint.getClient());
        } catch (RuntimeException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        work.whenComplete((ignored, error) -> {
            if (error != null) {
                exchange.setException(FrameioSharesClient.unwrap(error));
            }
            callback.done(false);
        });
        return false;
    }

    private CompletableFuture<Void> start(Exchange exchange, FrameioSharesClient client) {
        Message in = exchange.getMessage();
        FrameioSharesOperation operation = operation(in);
        return switch (operation) {
            case listShares -> list(in, client, SharesCall.listShares(accountId(in), projectId(in), page(in), config.getSort()));
            case getShare -> share(in, client.send(SharesCall.getShare(accountId(in), shareId(in))));
            case createShare -> share(in, client.send(SharesCall.createShare(accountId(in), projectId(in),
                    RequestBodies.shareData(in, client.objectMapper(), true))));
            case updateShare -> share(in, client.send(SharesCall.updateShare(accountId(in), shareId(in),
                    RequestBodies.shareData(in, client.objectMapper(), false))));
            case deleteShare -> deleteShare(in, client);
            case addAsset -> assets(in, client, true);
            case removeAsset -> assets(in, client, false);
            case listShareAssets -> list(in, client, SharesCall.listShareAssets(accountId(in), shareId(in), page(in),
                    config.getSort(), config.getInclude()));
            case addReviewers -> reviewers(in, client, true);
            case listReviewers -> list(in, client, SharesCall.listReviewers(accountId(in), shareId(in), page(in),
                    config.getSort()));
            case removeReviewers -> reviewers(in, client, false);
            case listShareActivities -> list(in, client, SharesCall.listShareActivities(accountId(in), shareId(in),
                    page(in), config.getInclude()));
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
        return client.send(SharesCall.deleteShare(accountId(in), shareId)).thenAccept(response -> {
            in.setHeader(FrameioSharesConstants.SHARE_ID, shareId);
            setMeta(in, response.rateLimit(), response.requestId());
        });
    }

    /** One call per asset, one after the other; the body becomes the share after the last change. */
    private CompletableFuture<Void> assets(Message in, FrameioSharesClient client, boolean add) {
        String op = add ? "addAsset" : "removeAsset";
        String accountId = accountId(in);
        String shareId = shareId(in);
        List<String> ids = RequestBodies.assetIds(in, config.getAssetId(), op);
        List<SharesCall<AssetChange>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(add ? SharesCall.addAsset(accountId, shareId, id) : SharesCall.removeAsset(accountId, shareId, id));
        }
        List<String> done = new ArrayList<>();
        return sequence(client, calls, ids, response -> {
            done.add(response.body().getAssetId());
            in.setHeader(FrameioSharesConstants.ASSET_IDS, List.copyOf(done));
            setShare(in, response.body().getShare());
            setMeta(in, response.rateLimit(), response.requestId());
        }, op + " of " + ids.size() + " assets");
    }

    /** One call per batch of at most 10 reviewers of one type, one after the other; the body is left as it was. */
    private CompletableFuture<Void> reviewers(Message in, FrameioSharesClient client, boolean add) {
        String accountId = accountId(in);
        String shareId = shareId(in);
        RequestBodies.Reviewers reviewers = RequestBodies.reviewers(in, client.objectMapper(), config, add);
        List<SharesCall<Void>> calls = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (RequestBodies.ReviewerBatch batch : reviewers.batches()) {
            calls.add(add
                    ? SharesCall.addReviewers(accountId, shareId, batch.type(), batch.identifiers(), reviewers.message(),
                            reviewers.notifyByEmail())
                    : SharesCall.removeReviewers(accountId, shareId, batch.type(), batch.identifiers()));
            labels.add(batch.type().wireName() + " " + batch.identifiers());
        }
        in.setHeader(FrameioSharesConstants.SHARE_ID, shareId);
        return sequence(client, calls, labels, response -> setMeta(in, response.rateLimit(), response.requestId()),
                (add ? "addReviewers" : "removeReviewers") + " in " + calls.size() + " calls");
    }

    private <E> CompletableFuture<Void> list(Message in, FrameioSharesClient client, SharesCall<Page<E>> call) {
        int max = maxResults();
        if (config.isStreaming()) {
            SharesCall<Page<E>> first = call.withPage(call.page().pageSize(max > 0
                    ? Math.min(call.page().pageSize(), max) : call.page().pageSize()));
            return client.send(first).thenAccept(response -> {
                Page<E> page = response.body();
                in.setBody(client.iterate(call, page, max));
                setHeaderIfSet(in, FrameioSharesConstants.TOTAL_COUNT, page.totalCount());
                in.removeHeader(FrameioSharesConstants.NEXT_CURSOR);
                setMeta(in, response.rateLimit(), response.requestId());
            });
        }
        return client.collect(call, max).thenAccept((Listing<E> listing) -> {
            in.setBody(listing.items());
            setHeaderIfSet(in, FrameioSharesConstants.TOTAL_COUNT, listing.totalCount());
            if (listing.nextCursor() != null) {
                in.setHeader(FrameioSharesConstants.NEXT_CURSOR, listing.nextCursor());
            } else {
                in.removeHeader(FrameioSharesConstants.NEXT_CURSOR);
            }
            setMeta(in, listing.rateLimit(), null);
        });
    }

    /**
     * Runs the calls one after the other. When one fails after others succeeded, the failure is wrapped in a
     * {@link FrameioSharesBatchException} that names what was done and what was not (onException still matches the
     * Frame.io exception, its cause).
     */
    private <T> CompletableFuture<Void> sequence(FrameioSharesClient client, List<SharesCall<T>> calls,
                                                 List<String> labels, Consumer<FrameioResponse<T>> onEach,
                                                 String what) {
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        List<String> completed = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            SharesCall<T> call = calls.get(i);
            String label = labels.get(i);
            chain = chain.thenCompose(ignored -> client.send(call)).thenAccept(response -> {
                onEach.accept(response);
                completed.add(label);
            });
        }
        if (calls.size() == 1) {
            return chain;
        }
        return chain.handle((ignored, error) -> {
            if (error == null) {
                return null;
            }
            Throwable cause = FrameioSharesClient.unwrap(error);
            List<String> notDone = new ArrayList<>(labels.subList(completed.size(), labels.size()));
            String failed = notDone.remove(0);
            throw new FrameioSharesBatchException(what, completed, failed, notDone, cause);
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

    private SharesCall.PageRequest page(Message in) {
        String cursor = in.getHeader(FrameioSharesConstants.CURSOR, String.class);
        return new SharesCall.PageRequest(config.getPageSize(), cursor, config.isIncludeTotalCount());
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
