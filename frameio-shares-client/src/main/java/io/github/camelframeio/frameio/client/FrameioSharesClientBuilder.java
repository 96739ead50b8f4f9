package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;
import io.github.camelframeio.frameio.client.auth.ClientCredentialsTokenProvider;
import io.github.camelframeio.frameio.client.auth.ImsTokenClient;
import io.github.camelframeio.frameio.client.auth.RefreshTokenProvider;
import io.github.camelframeio.frameio.client.auth.RefreshTokenStore;
import io.github.camelframeio.frameio.client.auth.StaticAccessTokenProvider;
import io.github.camelframeio.frameio.contract.RequestValidator;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * Settings of a {@link FrameioSharesClient}. Exactly one way of authenticating is needed: {@link #accessToken(String)},
 * {@link #clientCredentials(String, String, String)}, {@link #refreshToken(String, String, String, RefreshTokenStore)}
 * or {@link #tokenProvider(AccessTokenProvider)}. Everything else has a default.
 */
public final class FrameioSharesClientBuilder {

    /** What a built client is made of. */
    record Parts(URI baseUri, FrameioTransport transport, boolean ownsTransport, AccessTokenProvider tokens,
                 ObjectMapper mapper, Executor callbacks, ScheduledExecutorService scheduler, RateLimitBudgets budgets,
                 RetryPolicy retryPolicy, Duration reconcileWindow, int maxPages, List<AutoCloseable> owned) {
    }

    private String baseUrl = FrameioSharesClient.DEFAULT_BASE_URL;
    private String imsUrl = FrameioSharesClient.DEFAULT_IMS_URL;
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
    private ResponseLimits limits = ResponseLimits.DEFAULT;
    private int maxPages = PageGuard.DEFAULT_MAX_PAGES;

    FrameioSharesClientBuilder() {
    }

    /** Frame.io's API URL, default {@value FrameioSharesClient#DEFAULT_BASE_URL}; https, or http to a loopback address. */
    public FrameioSharesClientBuilder baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return this;
    }

    /** Adobe IMS URL, default {@value FrameioSharesClient#DEFAULT_IMS_URL}; https, or http to a loopback address. */
    public FrameioSharesClientBuilder imsUrl(String imsUrl) {
        this.imsUrl = imsUrl;
        return this;
    }

    /** A fixed access token. */
    public FrameioSharesClientBuilder accessToken(String token) {
        this.accessToken = token;
        return this;
    }

    /** Server-to-server (OAuth client credentials); {@code scopes} null for {@code openid,AdobeID,frame.s2s.all}. */
    public FrameioSharesClientBuilder clientCredentials(String clientId, String clientSecret, String scopes) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scopes = scopes;
        return this;
    }

    /** A user's refresh token; {@code clientSecret} may be null (public clients); {@code store} keeps rotations. */
    public FrameioSharesClientBuilder refreshToken(String clientId, String clientSecret, String refreshToken, RefreshTokenStore store) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.refreshTokenStore = store;
        return this;
    }

    /** Any other way of obtaining tokens. */
    public FrameioSharesClientBuilder tokenProvider(AccessTokenProvider provider) {
        this.tokenProvider = provider;
        return this;
    }

    /** An HTTP client the caller configured and started (and will close). */
    public FrameioSharesClientBuilder httpClient(CloseableHttpAsyncClient client) {
        this.httpClient = client;
        return this;
    }

    /** A transport to share between clients (the caller closes it). */
    public FrameioSharesClientBuilder transport(FrameioTransport shared) {
        this.transport = shared;
        return this;
    }

    /** How long a connection may take to open (default 10 s; must be positive). */
    public FrameioSharesClientBuilder connectTimeout(Duration timeout) {
        FrameioTransport.requirePositive("connectTimeout", timeout);
        this.connectTimeout = timeout;
        return this;
    }

    /**
     * How long the connection may stay silent once a request is sent (default 60 s; must be positive). An answer
     * that keeps dripping is ended by the retry policy's {@code overallTimeout}, which bounds the whole call.
     */
    public FrameioSharesClientBuilder responseTimeout(Duration timeout) {
        FrameioTransport.requirePositive("responseTimeout", timeout);
        this.responseTimeout = timeout;
        return this;
    }

    /** How large an answer may be (default {@link ResponseLimits#DEFAULT}: 8 MiB of body, 64 KiB per header line). */
    public FrameioSharesClientBuilder responseLimits(ResponseLimits limits) {
        this.limits = Objects.requireNonNull(limits, "responseLimits");
        return this;
    }

    /** Connections kept to Frame.io and IMS at most (the pool is shared by every call of the client). */
    public FrameioSharesClientBuilder maxConnections(int max) {
        this.maxConnections = max;
        return this;
    }

    /** An HTTP proxy for Frame.io and IMS; user and password may be null. */
    public FrameioSharesClientBuilder proxy(String host, int port, String username, String password) {
        this.proxyHost = host;
        this.proxyPort = port;
        this.proxyUsername = username;
        this.proxyPassword = password;
        return this;
    }

    /** The TLS settings (trust store, key store, protocols) for Frame.io and IMS; null for the JVM's defaults. */
    public FrameioSharesClientBuilder sslContext(SSLContext context) {
        this.sslContext = context;
        return this;
    }

    /** When failed calls are repeated; {@link RetryPolicy#DEFAULT} unless set. */
    public FrameioSharesClientBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return this;
    }

    /** How long a create share with an unknown outcome is looked for before giving up (default 10 s). */
    public FrameioSharesClientBuilder reconcileWindow(Duration window) {
        if (window == null || window.isNegative()) {
            throw new FrameioInvalidRequestException("reconcileWindow must be zero (look once) or more, got " + window);
        }
        this.reconcileWindow = window;
        return this;
    }

    /**
     * The most pages one listing reads (default {@link PageGuard#DEFAULT_MAX_PAGES}); past it, or at a cursor
     * answered twice, the listing fails with {@link FrameioPagingException} instead of paging on forever.
     */
    public FrameioSharesClientBuilder maxPages(int max) {
        if (max < 1) {
            throw new FrameioInvalidRequestException("maxPages must be 1 or more, got " + max);
        }
        this.maxPages = max;
        return this;
    }

    /** Whether calls wait for rate-limit budget before they are sent (default true). */
    public FrameioSharesClientBuilder pacing(boolean enabled) {
        this.pacing = enabled;
        return this;
    }

    /** Rate-limit budgets shared with other clients of the same credentials. */
    public FrameioSharesClientBuilder budgets(RateLimitBudgets shared) {
        this.budgets = shared;
        return this;
    }

    /** Where retries and budget waits are scheduled; default one thread of the client's own. */
    public FrameioSharesClientBuilder scheduler(ScheduledExecutorService executor) {
        this.scheduler = executor;
        return this;
    }

    /** Where answers are handed over (never the HTTP I/O threads); default a small pool of the client's own. */
    public FrameioSharesClientBuilder callbackExecutor(Executor executor) {
        this.callbackExecutor = executor;
        return this;
    }

    public FrameioSharesClientBuilder objectMapper(ObjectMapper objectMapper) {
        this.mapper = objectMapper;
        return this;
    }

    /** The clock of token expiry, for tests. */
    public FrameioSharesClientBuilder clock(Clock tokenClock) {
        this.clock = tokenClock;
        return this;
    }

    public FrameioSharesClientBuilder userAgent(String agent) {
        this.userAgent = agent;
        return this;
    }

    public FrameioSharesClient build() {
        URI base = FrameioUrls.requireSafe(baseUrl, "baseUrl");
        RequestValidator.prepareInBackground(); // once per JVM, so that the first request need not wait for it
        if (proxyHost != null && !proxyHost.isBlank() && (proxyPort < 1 || proxyPort > 65535)) {
            throw new FrameioInvalidRequestException("proxyPort must be between 1 and 65535 with proxyHost");
        }
        List<AutoCloseable> owned = new ArrayList<>();
        boolean ownsTransport = transport == null;
        FrameioTransport http = transport != null ? transport
                : httpClient != null ? FrameioTransport.wrap(httpClient, limits)
                : FrameioTransport.create(new FrameioTransport.Settings(connectTimeout, responseTimeout,
                        maxConnections, userAgent, proxyHost, proxyPort, proxyUsername, proxyPassword, sslContext,
                        limits));
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
            return new FrameioSharesClient(new Parts(base, http, ownsTransport, provider, mapper, callbacks, timer, paced,
                    retryPolicy, reconcileWindow, maxPages, owned));
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
