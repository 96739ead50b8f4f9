package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;
import io.github.camelframeio.frameio.client.auth.ClientCredentialsTokenProvider;
import io.github.camelframeio.frameio.client.auth.ImsTokenClient;
import io.github.camelframeio.frameio.client.auth.RefreshTokenProvider;
import io.github.camelframeio.frameio.client.auth.RefreshTokenStore;
import io.github.camelframeio.frameio.client.auth.StaticAccessTokenProvider;
import io.github.camelframeio.frameio.client.model.AssetChange;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;
import io.github.camelframeio.frameio.contract.Reconciliation;
import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.contract.SharesOperation;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Java client of the Frame.io V4 Shares API, usable on its own (it has no Camel dependency).
 * <p>
 * Every call goes through one pipeline: a bearer token from the {@link AccessTokenProvider}, the request, and on
 * 401 with a refreshable credential one new token and one retry; answers are typed, errors become
 * {@link FrameioApiException}s with status and details. Calls are asynchronous and never complete on the HTTP I/O
 * threads; {@link #await(CompletableFuture)} waits for one and unwraps its exception.
 *
 * <pre>{@code
 * try (FrameioSharesClient frameio = FrameioSharesClient.builder()
 *         .clientCredentials(clientId, clientSecret, null)
 *         .build()) {
 *     Share share = FrameioSharesClient.await(frameio.createShare(accountId, projectId,
 *             CreateShareRequest.of("Dailies", ShareAccess.SECURE).assetIds(folderId)));
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
    private final ScheduledExecutorService scheduler;
    private final List<AutoCloseable> owned;
    private final RetryPolicy retryPolicy;
    private final RateLimitBudgets budgets;
    private final Reconciler reconciler;

    private FrameioSharesClient(Builder b, URI baseUri, FrameioTransport transport, boolean ownsTransport,
                                AccessTokenProvider tokens, Executor callbacks, ScheduledExecutorService scheduler,
                                RateLimitBudgets budgets, List<AutoCloseable> owned) {
        this.baseUri = baseUri;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.tokens = tokens;
        this.mapper = b.mapper;
        this.callbacks = callbacks;
        this.scheduler = scheduler;
        this.budgets = budgets;
        this.owned = owned;
        this.retryPolicy = b.retryPolicy;
        this.reconciler = new Reconciler(this, scheduler, b.reconcileWindow);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API base URL, without a trailing slash. */
    public String baseUrl() {
        return baseUri.toString();
    }

    public AccessTokenProvider tokenProvider() {
        return tokens;
    }

    public ObjectMapper objectMapper() {
        return mapper;
    }

    // ---- the pipeline ------------------------------------------------------------------------------------------

    /**
     * Sends one call, paced to Frame.io's rate limits and retried by the {@link RetryPolicy}. The future completes
     * on the client's callback executor with the typed answer, or with a {@link FrameioException}.
     */
    public <T> CompletableFuture<FrameioResponse<T>> send(SharesCall<T> call) {
        CompletableFuture<FrameioResponse<T>> result = new CompletableFuture<>();
        new CallExecution<>(call).start()
                .whenComplete((response, error) -> callbacks.execute(() -> complete(result, response, error)));
        return result;
    }

    /**
     * Sends one call and waits for it, without handing the answer to the callback executor: a thread of that
     * executor may wait here (a streaming split reads its next page on one) without waiting for itself.
     */
    public <T> FrameioResponse<T> sendAndWait(SharesCall<T> call) {
        CompletableFuture<FrameioResponse<T>> result = new CompletableFuture<>();
        new CallExecution<>(call).start().whenComplete((response, error) -> complete(result, response, error));
        return await(result);
    }

    private static <T> void complete(CompletableFuture<T> result, T value, Throwable error) {
        if (error != null) {
            result.completeExceptionally(unwrap(error));
        } else {
            result.complete(value);
        }
    }

    /** How many calls wait for rate-limit budget right now. */
    public int waitingForBudget() {
        return budgets.waiting();
    }

    /**
     * One call from its first attempt to its outcome: wait for budget, send, and on failure retry, reconcile or
     * give up, each step started by the previous one's completion (no thread waits in between).
     */
    private final class CallExecution<T> {
        private final SharesCall<T> call;
        private final SharesOperation op;
        private final String accountId;
        private final CompletableFuture<FrameioResponse<T>> result = new CompletableFuture<>();
        private int attempts;
        private long ticket;
        private long firstAttemptNanos;
        private Instant attemptStarted;
        private boolean maybeProcessedEarlier;

        CallExecution(SharesCall<T> call) {
            this.call = call;
            this.op = call.operation();
            this.accountId = call.pathParam("account_id");
        }

        CompletableFuture<FrameioResponse<T>> start() {
            next();
            return result;
        }

        private void next() {
            budgets.acquire(accountId, tokens.credentialId(), op).whenComplete((granted, error) -> {
                if (error != null) {
                    result.completeExceptionally(error);
                } else {
                    ticket = granted;
                    send();
                }
            });
        }

        private void send() {
            attempts++;
            if (attempts == 1) {
                firstAttemptNanos = System.nanoTime();
            }
            attemptStarted = Instant.now();
            attempt(call, true, attempts).whenComplete((response, error) -> {
                Throwable cause = error == null ? null : unwrap(error);
                FrameioApiException api = cause instanceof FrameioApiException e ? e : null;
                budgets.completed(accountId, tokens.credentialId(), op, ticket,
                        response != null ? response.rateLimit() : api != null ? api.getRateLimit() : null,
                        api != null && api.getStatusCode() == 429);
                if (error == null) {
                    if (op == SharesOperation.CREATE_SHARE && response.body() instanceof Share share) {
                        reconciler.created(share.getId());
                    }
                    result.complete(response);
                } else {
                    failed(cause);
                }
            });
        }

        private void failed(Throwable error) {
            if (error instanceof FrameioApiException api) {
                int status = api.getStatusCode();
                if (status == 429) {
                    Long retryAfter = api.getRetryAfterMillis();
                    if (retryAfter != null && retryAfter > retryPolicy.maxRetryAfter().toMillis()) {
                        result.completeExceptionally(api); // waiting that long would stall the route
                        return;
                    }
                    long backoff = retryPolicy.backoffMillis(retryPolicy.initialBackoff(), attempts);
                    retryLater(Math.max(backoff, retryAfter == null ? 0 : retryAfter), api);
                    return;
                }
                if (maybeProcessedEarlier && status == op.reconciliation().doneStatus()) {
                    alreadyDone(status); // an earlier attempt did it (delete share, remove asset: 404; add asset: 409)
                    return;
                }
                if (status >= 500) {
                    maybeProcessed(api, retryPolicy.serverErrorBackoff());
                    return;
                }
                result.completeExceptionally(api);
            } else if (error instanceof FrameioTransportException transport) {
                if (!transport.isMaybeProcessed()) {
                    if (transport.isRetryable()) {
                        retryLater(retryPolicy.backoffMillis(retryPolicy.initialBackoff(), attempts), transport);
                    } else {
                        result.completeExceptionally(transport);
                    }
                } else {
                    maybeProcessed(transport, retryPolicy.initialBackoff());
                }
            } else {
                result.completeExceptionally(error);
            }
        }

        /** A failure after which Frame.io may have carried the call out. */
        private void maybeProcessed(FrameioException failure, Duration firstBackoff) {
            maybeProcessedEarlier = true;
            if (op.isRepeatSafe()) {
                retryLater(retryPolicy.backoffMillis(firstBackoff, attempts), failure);
            } else if (op.reconciliation() == Reconciliation.LOOK_UP_CREATED) {
                reconciler.findCreated(call, attemptStarted).whenComplete((share, error) -> {
                    if (share != null) {
                        @SuppressWarnings("unchecked")
                        T body = (T) share;
                        result.complete(new FrameioResponse<>(op, 201, body, null, null));
                    } else {
                        result.completeExceptionally(new FrameioOutcomeUnknownException(op, failure, error != null
                                ? "looking it up failed too: " + unwrap(error).getMessage()
                                : "no share named '" + call.body().path("data").path("name").asText() + "' appeared"));
                    }
                });
            } else {
                result.completeExceptionally(new FrameioOutcomeUnknownException(op, failure, null));
            }
        }

        /** A retry met the state the first attempt was to produce: report success with the share as it is now. */
        private void alreadyDone(int status) {
            LOG.debug("{}: {} on attempt {} after an attempt whose outcome was unknown: it was done", op, status, attempts);
            if (op == SharesOperation.DELETE_SHARE) {
                result.complete(new FrameioResponse<>(op, 204, null, null, null));
                return;
            }
            String assetId = op == SharesOperation.ADD_ASSET ? call.body().path("data").path("asset_id").asText()
                    : call.pathParam("asset_id");
            FrameioSharesClient.this.send(SharesCall.getShare(accountId, call.pathParam("share_id")))
                    .whenComplete((share, error) -> {
                if (error != null) {
                    result.completeExceptionally(unwrap(error));
                } else {
                    @SuppressWarnings("unchecked")
                    T body = (T) new AssetChange(assetId, share.body());
                    result.complete(new FrameioResponse<>(op, 200, body, share.rateLimit(), share.requestId()));
                }
            });
        }

        private void retryLater(long delayMillis, FrameioException failure) {
            long elapsedMillis = (System.nanoTime() - firstAttemptNanos) / 1_000_000;
            Duration overall = retryPolicy.overallTimeout();
            if (attempts > retryPolicy.maxRetries()
                || (!overall.isZero() && elapsedMillis + delayMillis > overall.toMillis())) {
                LOG.debug("{}: giving up after {} attempts in {} ms: {}", op, attempts, elapsedMillis, failure.getDetail());
                result.completeExceptionally(failure);
                return;
            }
            LOG.debug("{}: attempt {} failed ({} {}); retrying in {} ms", op, attempts, failure.getStatusCode(),
                    failure.getDetail(), delayMillis);
            scheduler.schedule(this::next, delayMillis, TimeUnit.MILLISECONDS);
        }
    }

    /** One request, and on 401 with a refreshable credential one new token and one repeat. */
    private <T> CompletableFuture<FrameioResponse<T>> attempt(SharesCall<T> call, boolean mayRefresh, int attemptNo) {
        return tokens.accessToken().thenCompose(token -> {
            long started = System.nanoTime();
            return transport.execute(request(call, token))
                    .handle((raw, error) -> {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        if (error != null) {
                            Throwable cause = unwrap(error);
                            LOG.debug("{} {} {} attempt {}: no answer after {} ms: {}", call.operation(),
                                    call.operation().method(), call.path(), attemptNo, millis, cause.toString());
                            throw transportFailure(call, cause);
                        }
                        LOG.debug("{} {} {} attempt {} -> {} in {} ms", call.operation(), call.operation().method(),
                                call.path(), attemptNo, raw.status(), millis);
                        return raw;
                    })
                    .thenCompose(raw -> {
                        if (raw.status() == 401 && mayRefresh && tokens.invalidate(token)) {
                            LOG.debug("{}: 401, repeating once with a new token", call.operation());
                            return attempt(call, false, attemptNo);
                        }
                        return CompletableFuture.completedFuture(read(call, raw));
                    });
        });
    }

    private SimpleHttpRequest request(SharesCall<?> call, String token) {
        StringBuilder uri = new StringBuilder(baseUri.toString()).append(call.path());
        if (!call.query().isEmpty()) {
            StringJoiner query = new StringJoiner("&", "?", "");
            call.query().forEach((k, v) -> query.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
            uri.append(query);
        }
        SimpleHttpRequest request = SimpleHttpRequest.create(call.operation().method(), URI.create(uri.toString()));
        request.setHeader("Authorization", "Bearer " + token);
        request.setHeader("Accept", "application/json");
        if (call.body() != null) {
            request.setBody(json(call.body()), ContentType.APPLICATION_JSON);
        }
        return request;
    }

    private <T> FrameioResponse<T> read(SharesCall<T> call, FrameioTransport.RawResponse raw) {
        RateLimitInfo rateLimit = RateLimitInfo.fromHeaders(raw.header("x-ratelimit-limit"),
                raw.header("x-ratelimit-remaining"), raw.header("x-ratelimit-window")).orElse(null);
        String requestId = raw.header("x-request-id");
        if (raw.status() >= 200 && raw.status() < 300) {
            T body = null;
            if (raw.body().length > 0 || call.operation().successStatus() != 204) {
                try {
                    body = call.read(mapper, mapper.readTree(raw.body()));
                } catch (IOException | IllegalArgumentException e) {
                    throw new FrameioTransportException(call.operation(), "Frame.io answered " + call.operation()
                            + " with " + raw.status() + " and a body that is not the expected JSON: " + e.getMessage(),
                            e, true);
                }
            }
            return new FrameioResponse<>(call.operation(), raw.status(), body, rateLimit, requestId);
        }
        throw FrameioApiException.of(call.operation(), raw.status(), errors(raw), requestId, rateLimit)
                .withRetryAfter(raw.header("retry-after"), System.currentTimeMillis());
    }

    private List<FrameioError> errors(FrameioTransport.RawResponse raw) {
        List<FrameioError> errors = new ArrayList<>();
        try {
            for (JsonNode e : mapper.readTree(raw.body()).path("errors")) {
                errors.add(new FrameioError(e.path("detail").asText(""), e.path("source").path("pointer").asText(null),
                        e.path("title").asText(null)));
            }
        } catch (IOException e) {
            // not JSON, e.g. a gateway's HTML page: keep a short, single-line excerpt
        }
        if (errors.isEmpty() && raw.body().length > 0) {
            String text = new String(raw.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
            errors.add(new FrameioError(text.length() > 200 ? text.substring(0, 200) + "..." : text, null, null));
        }
        return errors;
    }

    private static FrameioTransportException transportFailure(SharesCall<?> call, Throwable cause) {
        if (cause instanceof FrameioTransportException e) {
            return e;
        }
        return FrameioTransportException.classify(call.operation(), cause);
    }

    private String json(JsonNode node) {
        try {
            return mapper.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- typed operations --------------------------------------------------------------------------------------

    public CompletableFuture<Page<Share>> listShares(String accountId, String projectId, SharesCall.PageRequest page,
                                                     String sort) {
        return body(send(SharesCall.listShares(accountId, projectId, page, sort)));
    }

    public CompletableFuture<Share> getShare(String accountId, String shareId) {
        return body(send(SharesCall.getShare(accountId, shareId)));
    }

    public CompletableFuture<Share> createShare(String accountId, String projectId, CreateShareRequest request) {
        return body(send(SharesCall.createShare(accountId, projectId, toData(request.fields()))));
    }

    public CompletableFuture<Share> updateShare(String accountId, String shareId, UpdateShareRequest request) {
        return body(send(SharesCall.updateShare(accountId, shareId, toData(request.fields()))));
    }

    public CompletableFuture<Void> deleteShare(String accountId, String shareId) {
        return body(send(SharesCall.deleteShare(accountId, shareId)));
    }

    public CompletableFuture<AssetChange> addAsset(String accountId, String shareId, String assetId) {
        return body(send(SharesCall.addAsset(accountId, shareId, assetId)));
    }

    public CompletableFuture<AssetChange> removeAsset(String accountId, String shareId, String assetId) {
        return body(send(SharesCall.removeAsset(accountId, shareId, assetId)));
    }

    /** The fields of a typed request as the {@code data} object of the wire format. */
    public ObjectNode toData(Map<String, Object> fields) {
        return mapper.valueToTree(fields);
    }

    private static <T> CompletableFuture<T> body(CompletableFuture<FrameioResponse<T>> response) {
        return response.thenApply(FrameioResponse::body);
    }

    // ---- paging ------------------------------------------------------------------------------------------------

    /**
     * Reads pages from the call's page on until the listing ends or {@code maxResults} items are read (0: no
     * limit). Pages are sized so that none has to be cut: the result's cursor continues exactly after its last item.
     */
    public <E> CompletableFuture<Listing<E>> collect(SharesCall<Page<E>> first, int maxResults) {
        Objects.requireNonNull(first.page(), "a list call");
        CompletableFuture<Listing<E>> result = new CompletableFuture<>();
        collectFrom(first, maxResults, new ArrayList<>(), 0, result);
        return result;
    }

    private <E> void collectFrom(SharesCall<Page<E>> call, int max, List<E> items, int pages,
                                 CompletableFuture<Listing<E>> result) {
        SharesCall<Page<E>> sized = call.withPage(call.page().pageSize(pageSizeFor(call.page().pageSize(), max, items.size())));
        send(sized).whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
                return;
            }
            Page<E> page = response.body();
            items.addAll(page.data());
            boolean more = page.nextCursor() != null && (max <= 0 || items.size() < max) && !page.data().isEmpty();
            if (more) {
                collectFrom(call.withPage(call.page().after(page.nextCursor())), max, items, pages + 1, result);
            } else {
                result.complete(new Listing<>(items, page.nextCursor(), page.totalCount(), pages + 1,
                        response.rateLimit()));
            }
        });
    }

    private static int pageSizeFor(int pageSize, int max, int read) {
        return max <= 0 ? pageSize : Math.max(1, Math.min(pageSize, max - read));
    }

    /**
     * Iterates the listing lazily from {@code firstPage} (already read for {@code call}), reading the next page
     * only when the previous one is used up, so that a listing of any size needs the memory of one page. Reading a
     * page blocks the iterating thread; a failure surfaces as the {@link FrameioApiException} (or transport
     * exception) from {@code hasNext()}.
     */
    public <E> Iterator<E> iterate(SharesCall<Page<E>> call, Page<E> firstPage, int maxResults) {
        return new PagingIterator<>(call, firstPage, maxResults);
    }

    private final class PagingIterator<E> implements Iterator<E> {
        private final SharesCall<Page<E>> call;
        private final int max;
        private Iterator<E> current;
        private String next;
        private int returned;

        PagingIterator(SharesCall<Page<E>> call, Page<E> first, int max) {
            this.call = call;
            this.max = max;
            this.current = first.data().iterator();
            this.next = first.data().isEmpty() ? null : first.nextCursor();
        }

        @Override
        public boolean hasNext() {
            if (max > 0 && returned >= max) {
                return false;
            }
            while (!current.hasNext() && next != null) {
                Page<E> page = sendAndWait(call.withPage(call.page().after(next)
                        .pageSize(pageSizeFor(call.page().pageSize(), max, returned)))).body();
                current = page.data().iterator();
                next = page.data().isEmpty() ? null : page.nextCursor();
            }
            return current.hasNext();
        }

        @Override
        public E next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            returned++;
            return current.next();
        }
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

    /**
     * Settings of a client. Exactly one way of authenticating is needed: {@link #accessToken(String)},
     * {@link #clientCredentials(String, String, String)}, {@link #refreshToken(String, String, String,
     * RefreshTokenStore)} or {@link #tokenProvider(AccessTokenProvider)}.
     */
    public static final class Builder {
        private String baseUrl = DEFAULT_BASE_URL;
        private String imsUrl = DEFAULT_IMS_URL;
        private String accessToken;
        private String clientId;
        private String clientSecret;
        private String scopes;
        private String refreshToken;
        private RefreshTokenStore refreshTokenStore;
        private AccessTokenProvider tokenProvider;
        private CloseableHttpAsyncClient httpClient;
        private FrameioTransport transport;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(60);
        private int maxConnections = 20;
        private String proxyHost;
        private int proxyPort;
        private String proxyUsername;
        private String proxyPassword;
        private SSLContext sslContext;
        private Executor callbackExecutor;
        private ScheduledExecutorService scheduler;
        private RateLimitBudgets budgets;
        private boolean pacing = true;
        private RetryPolicy retryPolicy = RetryPolicy.DEFAULT;
        private Duration reconcileWindow = Duration.ofSeconds(10);
        private ObjectMapper mapper = FrameioJson.newObjectMapper();
        private Clock clock = Clock.systemUTC();
        private String userAgent = "frameio-shares-client";

        private Builder() {
        }

        /** Frame.io's API URL, default {@value #DEFAULT_BASE_URL}; https, or http to a loopback address. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** Adobe IMS URL, default {@value #DEFAULT_IMS_URL}; https, or http to a loopback address. */
        public Builder imsUrl(String imsUrl) {
            this.imsUrl = imsUrl;
            return this;
        }

        /** A fixed access token. */
        public Builder accessToken(String token) {
            this.accessToken = token;
            return this;
        }

        /** Server-to-server (OAuth client credentials); {@code scopes} null for {@code openid,AdobeID,frame.s2s.all}. */
        public Builder clientCredentials(String clientId, String clientSecret, String scopes) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.scopes = scopes;
            return this;
        }

        /** A user's refresh token; {@code clientSecret} may be null (public clients); {@code store} keeps rotations. */
        public Builder refreshToken(String clientId, String clientSecret, String refreshToken, RefreshTokenStore store) {
            this.clientId = clientId;
            this.clientSecret = clientSecret;
            this.refreshToken = refreshToken;
            this.refreshTokenStore = store;
            return this;
        }

        /** Any other way of obtaining tokens. */
        public Builder tokenProvider(AccessTokenProvider provider) {
            this.tokenProvider = provider;
            return this;
        }

        /** An HTTP client the caller configured and started (and will close). */
        public Builder httpClient(CloseableHttpAsyncClient client) {
            this.httpClient = client;
            return this;
        }

        /** A transport to share between clients (the caller closes it). */
        public Builder transport(FrameioTransport shared) {
            this.transport = shared;
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = timeout;
            return this;
        }

        /** Connections kept to Frame.io and IMS at most (the pool is shared by every call of the client). */
        public Builder maxConnections(int max) {
            this.maxConnections = max;
            return this;
        }

        /** An HTTP proxy for Frame.io and IMS; user and password may be null. */
        public Builder proxy(String host, int port, String username, String password) {
            this.proxyHost = host;
            this.proxyPort = port;
            this.proxyUsername = username;
            this.proxyPassword = password;
            return this;
        }

        /** The TLS settings (trust store, key store, protocols) for Frame.io and IMS; null for the JVM's defaults. */
        public Builder sslContext(SSLContext context) {
            this.sslContext = context;
            return this;
        }

        /** When failed calls are repeated; {@link RetryPolicy#DEFAULT} unless set. */
        public Builder retryPolicy(RetryPolicy policy) {
            this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
            return this;
        }

        /** How long a create share with an unknown outcome is looked for before giving up (default 10 s). */
        public Builder reconcileWindow(Duration window) {
            this.reconcileWindow = window;
            return this;
        }

        /** Whether calls wait for rate-limit budget before they are sent (default true). */
        public Builder pacing(boolean enabled) {
            this.pacing = enabled;
            return this;
        }

        /** Rate-limit budgets shared with other clients of the same credentials. */
        public Builder budgets(RateLimitBudgets shared) {
            this.budgets = shared;
            return this;
        }

        /** Where retries and budget waits are scheduled; default one thread of the client's own. */
        public Builder scheduler(ScheduledExecutorService executor) {
            this.scheduler = executor;
            return this;
        }

        /** Where answers are handed over (never the HTTP I/O threads); default a small pool of the client's own. */
        public Builder callbackExecutor(Executor executor) {
            this.callbackExecutor = executor;
            return this;
        }

        public Builder objectMapper(ObjectMapper objectMapper) {
            this.mapper = objectMapper;
            return this;
        }

        /** The clock of token expiry, for tests. */
        public Builder clock(Clock tokenClock) {
            this.clock = tokenClock;
            return this;
        }

        public Builder userAgent(String agent) {
            this.userAgent = agent;
            return this;
        }

        public FrameioSharesClient build() {
            URI base = FrameioUrls.requireSafe(baseUrl, "baseUrl");
            RequestValidator.prepareInBackground(); // once per JVM, so that the first request need not wait for it
            if (proxyHost != null && !proxyHost.isBlank() && (proxyPort < 1 || proxyPort > 65535)) {
                throw new FrameioInvalidRequestException("proxyPort must be between 1 and 65535 with proxyHost");
            }
            if (maxConnections < 1) {
                throw new FrameioInvalidRequestException("maxConnections must be 1 or more, got " + maxConnections);
            }
            List<AutoCloseable> owned = new ArrayList<>();
            boolean ownsTransport = transport == null;
            FrameioTransport http = transport != null ? transport
                    : httpClient != null ? FrameioTransport.wrap(httpClient)
                    : FrameioTransport.create(new FrameioTransport.Settings(connectTimeout, responseTimeout,
                            maxConnections, userAgent, proxyHost, proxyPort, proxyUsername, proxyPassword, sslContext));
            try {
                AccessTokenProvider provider = provider(http);
                Executor callbacks = callbackExecutor;
                if (callbacks == null) {
                    ExecutorService pool = defaultCallbackExecutor();
                    owned.add(pool::shutdown);
                    callbacks = pool;
                }
                ScheduledExecutorService timer = scheduler;
                if (timer == null) {
                    ScheduledThreadPoolExecutor own = new ScheduledThreadPoolExecutor(1, daemon("frameio-shares-scheduler"));
                    own.setRemoveOnCancelPolicy(true);
                    owned.add(own::shutdownNow);
                    timer = own;
                }
                RateLimitBudgets paced = budgets;
                if (!pacing) {
                    paced = RateLimitBudgets.unlimited();
                } else if (paced == null) {
                    paced = new RateLimitBudgets(timer);
                    owned.add(0, paced); // fail waiting calls before the scheduler goes
                }
                return new FrameioSharesClient(this, base, http, ownsTransport, provider, callbacks, timer, paced, owned);
            } catch (RuntimeException e) {
                if (ownsTransport) {
                    http.close();
                }
                throw e;
            }
        }

        private AccessTokenProvider provider(FrameioTransport http) {
            int ways = (tokenProvider != null ? 1 : 0) + (notBlank(accessToken) ? 1 : 0)
                       + (notBlank(refreshToken) ? 1 : 0) + (notBlank(clientSecret) && !notBlank(refreshToken) ? 1 : 0);
            if (ways > 1) {
                throw new FrameioInvalidRequestException("Choose one way of authenticating: accessToken, clientId with"
                        + " clientSecret (server-to-server), clientId with refreshToken (user), or tokenProvider");
            }
            if (tokenProvider != null) {
                return tokenProvider;
            }
            if (notBlank(accessToken)) {
                return new StaticAccessTokenProvider(accessToken);
            }
            if (notBlank(refreshToken) || notBlank(clientSecret)) {
                if (!notBlank(clientId)) {
                    throw new FrameioInvalidRequestException("clientId is required with "
                            + (notBlank(refreshToken) ? "refreshToken" : "clientSecret"));
                }
                ImsTokenClient ims = new ImsTokenClient(FrameioUrls.requireSafe(imsUrl, "imsUrl"), http, mapper);
                return notBlank(refreshToken)
                        ? new RefreshTokenProvider(ims, clientId, clientSecret, refreshToken, refreshTokenStore, clock)
                        : new ClientCredentialsTokenProvider(ims, clientId, clientSecret, scopes, clock);
            }
            throw new FrameioInvalidRequestException(notBlank(clientId)
                    ? "clientId needs clientSecret (server-to-server) or refreshToken (user)"
                    : "No credentials: set accessToken, clientId with clientSecret, clientId with refreshToken, or a"
                      + " tokenProvider");
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }

        private static ExecutorService defaultCallbackExecutor() {
            ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    daemon("frameio-shares-callback"));
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }

        private static ThreadFactory daemon(String name) {
            AtomicInteger n = new AtomicInteger();
            return r -> {
                Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
        }
    }
}
