package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;
import io.github.camelframeio.frameio.client.model.AddReviewersRequest;
import io.github.camelframeio.frameio.client.model.AssetChange;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.RemoveReviewersRequest;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareReviewer;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;
import io.github.camelframeio.frameio.client.model.Webhook;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * A Java client of the Frame.io V4 Shares API: one typed method per operation, listings that page themselves, and
 * reviewer and asset requests of any size. Built with {@link #builder()}; thread-safe; close it when done.
 * <p>
 * Every call goes through one chain of steps: a retry policy that reads the operation table (what may be
 * repeated, what is looked up), rate-limit pacing, a bearer token renewed once on 401, and the HTTP exchange.
 * Answers are typed; failures are {@link FrameioException}s with status and Frame.io's details. Methods return
 * futures that complete on the client's callback executor, never on the HTTP I/O threads; {@link #blocking()} is the
 * same client for code that waits.
 *
 * <pre>{@code
 * try (FrameioSharesClient frameio = FrameioSharesClient.builder().accessToken(token).build()) {
 *     Share share = frameio.blocking().createShare(accountId, projectId,
 *             CreateShareRequest.of("Dailies", ShareAccess.SECURE).assetIds(folderId));
 * }
 * }</pre>
 */
public final class FrameioSharesClient implements AutoCloseable {

    /** Frame.io's API. */
    public static final String DEFAULT_BASE_URL = "https://api.frame.io";
    /** Adobe IMS for North America, which Frame.io's documentation uses. */
    public static final String DEFAULT_IMS_URL = "https://ims-na1.adobelogin.com";

    private static final Logger LOG = LoggerFactory.getLogger(FrameioSharesClient.class);

    private final URI baseUri;
    private final AccessTokenProvider tokens;
    private final FrameioTransport transport;
    private final boolean ownsTransport;
    private final ObjectMapper mapper;
    private final Executor callbacks;
    private final RateLimitBudgets budgets;
    private final List<AutoCloseable> owned;
    private final CallStep.Chain chain;
    private final FrameioSharesBlockingClient blocking;
    private final int maxPages;

    FrameioSharesClient(FrameioSharesClientBuilder.Parts parts) {
        this.baseUri = parts.baseUri();
        this.tokens = parts.tokens();
        this.transport = parts.transport();
        this.ownsTransport = parts.ownsTransport();
        this.mapper = parts.mapper();
        this.callbacks = parts.callbacks();
        this.budgets = parts.budgets();
        this.owned = parts.owned();
        this.maxPages = parts.maxPages();
        ServerClock clock = new ServerClock();
        Reconciler reconciler = new Reconciler(this, parts.scheduler(), parts.reconcileWindow(), clock);
        this.chain = CallStep.of(List.of(new RetryStep(parts.retryPolicy(), parts.scheduler(), reconciler, this, clock),
                new PacingStep(budgets, tokens), new AuthenticationStep(tokens),
                new TransportStep(baseUri, transport, mapper)));
        this.blocking = new FrameioSharesBlockingClient(this);
    }

    /** A view of {@code shared} whose futures complete on {@code callbacks}; it owns nothing. */
    private FrameioSharesClient(FrameioSharesClient shared, Executor callbacks) {
        this.baseUri = shared.baseUri;
        this.tokens = shared.tokens;
        this.transport = shared.transport;
        this.ownsTransport = false;
        this.mapper = shared.mapper;
        this.callbacks = callbacks;
        this.budgets = shared.budgets;
        this.owned = List.of();
        this.maxPages = shared.maxPages;
        this.chain = shared.chain;
        this.blocking = new FrameioSharesBlockingClient(this);
    }

    /**
     * The same client (connections, credentials, budgets, retries) with its futures completed on {@code executor}
     * instead of the client's callback pool; {@code Runnable::run} completes them on the thread that has the answer
     * (an HTTP I/O thread), for callers that only hand the answer to a waiting thread. The view owns nothing: closing
     * it does nothing, closing this client closes both.
     */
    public FrameioSharesClient withCallbackExecutor(Executor executor) {
        return new FrameioSharesClient(this, java.util.Objects.requireNonNull(executor, "executor"));
    }

    public static FrameioSharesClientBuilder builder() {
        return new FrameioSharesClientBuilder();
    }

    /** The same client for code that waits: the same methods, returning the answers' bodies. */
    public FrameioSharesBlockingClient blocking() {
        return blocking;
    }

    /** The most pages one listing reads ({@link PageGuard}). */
    public int maxPages() {
        return maxPages;
    }

    /** The API base URL, without a trailing slash. */
    public String baseUrl() {
        return baseUri.toString();
    }

    public AccessTokenProvider tokenProvider() {
        return tokens;
    }

    /** The mapper of the wire format (what the client reads answers with). */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    /** How many calls wait for rate-limit budget right now. */
    public int waitingForBudget() {
        return budgets.waiting();
    }

    // ---- the twelve operations ---------------------------------------------------------------------------------

    /** {@code shares.index}: one page of a project's shares; see {@link #shares} to read them all. */
    public CompletableFuture<FrameioResponse<Page<Share>>> listShares(String accountId, String projectId,
                                                                      ListOptions options) {
        return send(SharesCall.listShares(accountId, projectId, options));
    }

    /** {@code shares.show}. */
    public CompletableFuture<FrameioResponse<Share>> getShare(String accountId, String shareId) {
        return send(SharesCall.getShare(accountId, shareId));
    }

    /** {@code shares.create}: never repeated; when its outcome is unknown, the created share is looked up. */
    public CompletableFuture<FrameioResponse<Share>> createShare(String accountId, String projectId,
                                                                 CreateShareRequest request) {
        return send(SharesCall.createShare(accountId, projectId, data(request.fields())));
    }

    /** {@code shares.create} with the {@code data} object as JSON (what a request's fields become on the wire). */
    public CompletableFuture<FrameioResponse<Share>> createShare(String accountId, String projectId, ObjectNode data) {
        return send(SharesCall.createShare(accountId, projectId, data));
    }

    /** {@code shares.update}: only the fields the request sets are sent. */
    public CompletableFuture<FrameioResponse<Share>> updateShare(String accountId, String shareId,
                                                                 UpdateShareRequest request) {
        return send(SharesCall.updateShare(accountId, shareId, data(request.fields())));
    }

    /** {@code shares.update} with the {@code data} object as JSON. */
    public CompletableFuture<FrameioResponse<Share>> updateShare(String accountId, String shareId, ObjectNode data) {
        return send(SharesCall.updateShare(accountId, shareId, data));
    }

    /** {@code shares.delete}. */
    public CompletableFuture<FrameioResponse<Void>> deleteShare(String accountId, String shareId) {
        return send(SharesCall.deleteShare(accountId, shareId));
    }

    /** {@code shares.list_assets}: one page of a share's assets, recursively flat; see {@link #shareAssets}. */
    public CompletableFuture<FrameioResponse<Page<ShareAsset>>> listShareAssets(String accountId, String shareId,
                                                                                ListOptions options) {
        return send(SharesCall.listShareAssets(accountId, shareId, options));
    }

    /** {@code shares.add_asset}: one asset; see {@link #addAssets} for several. */
    public CompletableFuture<FrameioResponse<AssetChange>> addAsset(String accountId, String shareId, String assetId) {
        return send(SharesCall.addAsset(accountId, shareId, assetId));
    }

    /** {@code shares.remove_asset}: one asset; see {@link #removeAssets} for several. */
    public CompletableFuture<FrameioResponse<AssetChange>> removeAsset(String accountId, String shareId,
                                                                       String assetId) {
        return send(SharesCall.removeAsset(accountId, shareId, assetId));
    }

    /** {@code shares.list_reviewers}: every reviewer (the answer is not paged). */
    public CompletableFuture<FrameioResponse<Page<ShareReviewer>>> listReviewers(String accountId, String shareId,
                                                                                 ListOptions options) {
        return send(SharesCall.listReviewers(accountId, shareId, options));
    }

    /**
     * {@code shares.add_reviewers}: one call of one type and at most 10 identifiers; see
     * {@link #addReviewers(String, String, Reviewers, String, Boolean)} for any number. Never repeated (a repeat would
     * e-mail everyone again): an unknown outcome fails as {@link FrameioOutcomeUnknownException}.
     */
    public CompletableFuture<FrameioResponse<Void>> addReviewers(String accountId, String shareId,
                                                                 AddReviewersRequest request) {
        return send(SharesCall.addReviewers(accountId, shareId, request.type(), request.identifiers(),
                request.message(), request.notifyByEmail()));
    }

    /** {@code shares.remove_reviewers}: one call of one type and at most 10 identifiers. */
    public CompletableFuture<FrameioResponse<Void>> removeReviewers(String accountId, String shareId,
                                                                    RemoveReviewersRequest request) {
        return send(SharesCall.removeReviewers(accountId, shareId, request.type(), request.identifiers()));
    }

    /** {@code shares.list_activities}: one page of a share's activity, newest first; see {@link #shareActivities}. */
    public CompletableFuture<FrameioResponse<Page<ShareActivity>>> listShareActivities(String accountId,
                                                                                       String shareId,
                                                                                       ListOptions options) {
        return send(SharesCall.listShareActivities(accountId, shareId, options));
    }

    /** List shares, each as Frame.io sent it (every field, absent told from null), for comparing shares. */
    public CompletableFuture<FrameioResponse<Page<ObjectNode>>> listSharesJson(String accountId, String projectId,
                                                                               ListOptions options) {
        return send(SharesCall.listSharesJson(accountId, projectId, options));
    }

    /** Show a share as Frame.io sent it (see {@link #listSharesJson}). */
    public CompletableFuture<FrameioResponse<ObjectNode>> getShareJson(String accountId, String shareId) {
        return send(SharesCall.getShareJson(accountId, shareId));
    }

    // ---- the five webhook operations (an account admin's credentials) -----------------------------------------

    /** {@code webhooks.index}: one page of a workspace's webhooks; see {@link #webhooks} to read them all. */
    public CompletableFuture<FrameioResponse<Page<Webhook>>> listWebhooks(String accountId, String workspaceId,
                                                                          ListOptions options) {
        return send(SharesCall.listWebhooks(accountId, workspaceId, options));
    }

    /**
     * {@code webhooks.create}: the answer's {@link Webhook#getSecret()} is the signing secret, sent this once. Never
     * repeated (a second webhook would post every event twice); an unknown outcome fails as
     * {@link FrameioOutcomeUnknownException}: look the webhook up by URL, and delete it, since its secret is lost.
     */
    public CompletableFuture<FrameioResponse<Webhook>> createWebhook(String accountId, String workspaceId,
                                                                     String name, String url, List<String> events) {
        return send(SharesCall.createWebhook(accountId, workspaceId, name, url, events));
    }

    /** {@code webhooks.show}. */
    public CompletableFuture<FrameioResponse<Webhook>> getWebhook(String accountId, String webhookId) {
        return send(SharesCall.getWebhook(accountId, webhookId));
    }

    /** {@code webhooks.update}: {@code data} may set {@code name}, {@code url}, {@code events} and {@code active}. */
    public CompletableFuture<FrameioResponse<Webhook>> updateWebhook(String accountId, String webhookId,
                                                                     ObjectNode data) {
        return send(SharesCall.updateWebhook(accountId, webhookId, data));
    }

    /** {@code webhooks.delete}. */
    public CompletableFuture<FrameioResponse<Void>> deleteWebhook(String accountId, String webhookId) {
        return send(SharesCall.deleteWebhook(accountId, webhookId));
    }

    // ---- listings ----------------------------------------------------------------------------------------------

    /** Every share of a project, read as needed. */
    public Paged<Share> shares(String accountId, String projectId, ListOptions options) {
        return new Paged<>(this, SharesCall.listShares(accountId, projectId, options));
    }

    /** Every asset of a share, read as needed. */
    public Paged<ShareAsset> shareAssets(String accountId, String shareId, ListOptions options) {
        return new Paged<>(this, SharesCall.listShareAssets(accountId, shareId, options));
    }

    /** Every reviewer of a share. */
    public Paged<ShareReviewer> reviewers(String accountId, String shareId, ListOptions options) {
        return new Paged<>(this, SharesCall.listReviewers(accountId, shareId, options));
    }

    /** A share's activity, newest first, read as needed. */
    public Paged<ShareActivity> shareActivities(String accountId, String shareId, ListOptions options) {
        return new Paged<>(this, SharesCall.listShareActivities(accountId, shareId, options));
    }

    /** Every webhook of a workspace, read as needed. */
    public Paged<Webhook> webhooks(String accountId, String workspaceId, ListOptions options) {
        return new Paged<>(this, SharesCall.listWebhooks(accountId, workspaceId, options));
    }

    /** Any list call, read as needed. */
    public <E> Paged<E> paged(SharesCall<Page<E>> call) {
        return new Paged<>(this, call);
    }

    // ---- requests of several calls -----------------------------------------------------------------------------

    /** Adds each asset (once), one call after the other; every id is checked before the first call. */
    public CompletableFuture<BatchResult<AssetChange>> addAssets(String accountId, String shareId,
                                                                 List<String> assetIds) {
        return assets(accountId, shareId, assetIds, true);
    }

    /** Removes each asset (once), one call after the other; every id is checked before the first call. */
    public CompletableFuture<BatchResult<AssetChange>> removeAssets(String accountId, String shareId,
                                                                    List<String> assetIds) {
        return assets(accountId, shareId, assetIds, false);
    }

    private CompletableFuture<BatchResult<AssetChange>> assets(String accountId, String shareId, List<String> assetIds,
                                                              boolean add) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(assetIds));
        List<SharesCall<AssetChange>> calls = new ArrayList<>();
        for (String id : ids) {
            calls.add(add ? SharesCall.addAsset(accountId, shareId, id) : SharesCall.removeAsset(accountId, shareId, id));
        }
        return Batches.sequence(this, calls, ids, (add ? "addAsset" : "removeAsset") + " of " + ids.size() + " assets");
    }

    /**
     * Adds reviewers of any number and types: one call per type and 10 identifiers, one after the other, every
     * call checked before the first is sent.
     *
     * @param notifyByEmail null for Frame.io's default (e-mails are sent)
     */
    public CompletableFuture<BatchResult<Void>> addReviewers(String accountId, String shareId, Reviewers reviewers,
                                                             String message, Boolean notifyByEmail) {
        List<SharesCall<Void>> calls = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Reviewers.Batch batch : reviewers.batches()) {
            calls.add(SharesCall.addReviewers(accountId, shareId, batch.type(), batch.identifiers(), message,
                    notifyByEmail));
            labels.add(batch.label());
        }
        return Batches.sequence(this, calls, labels, "addReviewers in " + calls.size() + " calls");
    }

    /** Removes reviewers of any number and types (not share lists), in calls of one type and 10 identifiers. */
    public CompletableFuture<BatchResult<Void>> removeReviewers(String accountId, String shareId, Reviewers reviewers) {
        List<SharesCall<Void>> calls = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (Reviewers.Batch batch : reviewers.batches()) {
            calls.add(SharesCall.removeReviewers(accountId, shareId, batch.type(), batch.identifiers()));
            labels.add(batch.label());
        }
        return Batches.sequence(this, calls, labels, "removeReviewers in " + calls.size() + " calls");
    }

    // ---- any call ----------------------------------------------------------------------------------------------

    /**
     * Sends one call through the chain (retries, pacing, authentication, transport). The future completes on the
     * client's callback executor with the typed answer, or with a {@link FrameioException}.
     */
    public <T> CompletableFuture<FrameioResponse<T>> send(SharesCall<T> call) {
        CompletableFuture<FrameioResponse<T>> result = new CompletableFuture<>();
        start(call).whenComplete((response, error) -> callbacks.execute(() -> complete(result, response, error)));
        return result;
    }

    /**
     * Sends one call and waits for it on the calling thread, without handing the answer to the callback executor:
     * a thread of that executor may wait here (a streaming split reads its next page on one) without waiting for
     * itself.
     */
    public <T> FrameioResponse<T> sendAndWait(SharesCall<T> call) {
        CompletableFuture<FrameioResponse<T>> result = new CompletableFuture<>();
        start(call).whenComplete((response, error) -> complete(result, response, error));
        return await(result);
    }

    private <T> CompletableFuture<FrameioResponse<T>> start(SharesCall<T> call) {
        try {
            return chain.proceed(CallStep.Attempt.first(call));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static <T> void complete(CompletableFuture<T> result, T value, Throwable error) {
        if (error != null) {
            result.completeExceptionally(unwrap(error));
        } else {
            result.complete(value);
        }
    }

    /** The fields of a typed request as the {@code data} object of the wire format. */
    ObjectNode data(Map<String, Object> fields) {
        return mapper.valueToTree(fields);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** Waits for a call and rethrows its failure as the client's own exception (not wrapped). */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Frame.io", e);
        }
    }

    /** The cause of a {@link CompletionException} or {@link ExecutionException}. */
    public static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    @Override
    public void close() {
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                LOG.debug("Closing {}: {}", resource, e.toString());
            }
        }
        if (ownsTransport) {
            transport.close();
        }
    }

    @Override
    public String toString() {
        return "FrameioSharesClient[" + baseUri + ", " + tokens + "]";
    }
}
