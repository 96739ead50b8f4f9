package io.github.camelframeio.camel.component.frameio.shares.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.camel.component.frameio.shares.client.auth.AccessTokenProvider;
import io.github.camelframeio.camel.component.frameio.shares.client.auth.ClientCredentialsTokenProvider;
import io.github.camelframeio.camel.component.frameio.shares.client.auth.ImsTokenClient;
import io.github.camelframeio.camel.component.frameio.shares.client.auth.RefreshTokenProvider;
import io.github.camelframeio.camel.component.frameio.shares.client.auth.RefreshTokenStore;
import io.github.camelframeio.camel.component.frameio.shares.client.auth.StaticAccessTokenProvider;
import io.github.camelframeio.camel.component.frameio.shares.model.AssetChange;
import io.github.camelframeio.camel.component.frameio.shares.model.CreateShareRequest;
import io.github.camelframeio.camel.component.frameio.shares.model.FrameioError;
import io.github.camelframeio.camel.component.frameio.shares.model.Page;
import io.github.camelframeio.camel.component.frameio.shares.model.Share;
import io.github.camelframeio.camel.component.frameio.shares.model.UpdateShareRequest;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
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
    private final ExecutorService ownedCallbacks;

    private FrameioSharesClient(Builder b, URI baseUri, FrameioTransport transport, boolean ownsTransport,
                                AccessTokenProvider tokens, Executor callbacks, ExecutorService ownedCallbacks) {
        this.baseUri = baseUri;
        this.transport = transport;
        this.ownsTransport = ownsTransport;
        this.tokens = tokens;
        this.mapper = b.mapper;
        this.callbacks = callbacks;
        this.ownedCallbacks = ownedCallbacks;
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
     * Sends one call. The future completes on the client's callback executor with the typed answer, or with a
     * {@link FrameioApiException}, {@link FrameioTransportException} or {@code FrameioAuthenticationException}.
     */
    public <T> CompletableFuture<FrameioResponse<T>> send(SharesCall<T> call) {
        CompletableFuture<FrameioResponse<T>> result = new CompletableFuture<>();
        attempt(call, true).whenComplete((response, error) -> callbacks.execute(() -> complete(result, response, error)));
        return result;
    }

    /**
     * Sends one call and waits for it, without handing the answer to the callback executor: a thread of that
     * executor may wait here (a streaming split reads its next page on one) without waiting for itself.
     */
    public <T> FrameioResponse<T> sendAndWait(SharesCall<T> call) {
        CompletableFuture<FrameioResponse<T>> result = new CompletableFuture<>();
        attempt(call, true).whenComplete((response, error) -> complete(result, response, error));
        return await(result);
    }

    private static <T> void complete(CompletableFuture<T> result, T value, Throwable error) {
        if (error != null) {
            result.completeExceptionally(unwrap(error));
        } else {
            result.complete(value);
        }
    }

    private <T> CompletableFuture<FrameioResponse<T>> attempt(SharesCall<T> call, boolean mayRefresh) {
        return tokens.accessToken().thenCompose(token -> {
            long started = System.nanoTime();
            return transport.execute(request(call, token))
                    .handle((raw, error) -> {
                        long millis = (System.nanoTime() - started) / 1_000_000;
                        if (error != null) {
                            Throwable cause = unwrap(error);
                            LOG.debug("{} {} {} failed after {} ms: {}", call.operation(), call.operation().method(),
                                    call.path(), millis, cause.toString());
                            throw transportFailure(call, cause);
                        }
                        LOG.debug("{} {} {} -> {} in {} ms", call.operation(), call.operation().method(), call.path(),
                                raw.status(), millis);
                        return raw;
                    })
                    .thenCompose(raw -> {
                        if (raw.status() == 401 && mayRefresh && tokens.invalidate(token)) {
                            LOG.debug("{}: 401, retrying once with a new token", call.operation());
                            return attempt(call, false);
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
        throw FrameioApiException.of(call.operation(), raw.status(), errors(raw), requestId, rateLimit);
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
        boolean refused = cause instanceof ConnectException;
        return new FrameioTransportException(call.operation(), "Frame.io " + call.operation() + " got no answer: "
                + cause + (refused ? " (the request was not sent)" : " (the request may have been processed)"), cause,
                !refused);
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
        if (ownsTransport) {
            transport.close();
        }
        if (ownedCallbacks != null) {
            ownedCallbacks.shutdown();
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
        private Executor callbackExecutor;
        private ObjectMapper mapper = FrameioJson.newObjectMapper();
        private Clock clock = Clock.systemUTC();
        private String userAgent = "camel-frameio-shares";

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

        public Builder maxConnections(int max) {
            this.maxConnections = max;
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
            boolean owns = transport == null;
            FrameioTransport http = transport != null ? transport
                    : httpClient != null ? FrameioTransport.wrap(httpClient)
                    : FrameioTransport.create(connectTimeout, responseTimeout, maxConnections, userAgent);
            try {
                AccessTokenProvider provider = provider(http);
                ExecutorService owned = callbackExecutor == null ? defaultCallbackExecutor() : null;
                return new FrameioSharesClient(this, base, http, owns, provider,
                        callbackExecutor != null ? callbackExecutor : owned, owned);
            } catch (RuntimeException e) {
                if (owns) {
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
            AtomicInteger n = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    r -> {
                        Thread t = new Thread(r, "frameio-shares-callback-" + n.incrementAndGet());
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }
    }
}
