package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.simulator.admin.FaultInjector;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;
import io.github.camelframeio.frameio.simulator.admin.RequestLog;
import io.github.camelframeio.frameio.simulator.api.Json;
import io.github.camelframeio.frameio.simulator.api.RateLimiter;
import io.github.camelframeio.frameio.simulator.api.Render;
import io.github.camelframeio.frameio.simulator.api.ShareRequests;
import io.github.camelframeio.frameio.simulator.api.SharesApi;
import io.github.camelframeio.frameio.simulator.api.WebhooksApi;
import io.github.camelframeio.frameio.simulator.auth.TokenService;
import io.github.camelframeio.frameio.simulator.http.HttpServer;
import io.github.camelframeio.frameio.simulator.http.ServerLimits;
import io.github.camelframeio.frameio.simulator.state.Fixtures;
import io.github.camelframeio.frameio.simulator.state.Ids;
import io.github.camelframeio.frameio.simulator.state.SimClock;
import io.github.camelframeio.frameio.simulator.state.SimulatorState;
import io.github.camelframeio.frameio.simulator.state.StoredShare;
import io.github.camelframeio.frameio.simulator.state.StoredWebhook;
import io.github.camelframeio.frameio.simulator.state.WebhookStore;
import io.github.camelframeio.frameio.simulator.webhook.WebhookDeliverer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Frame.io V4 Shares API and Adobe IMS simulator on a local port.
 * <p>
 * Start one in a test with {@code FrameioSimulator sim = FrameioSimulator.start();} (a free port, default fixtures),
 * point a client at {@link #baseUrl()} with the credentials of {@link #fixtures()}, and {@link #close()} it when
 * done. The same server runs standalone with {@code java -jar frameio-shares-simulator.jar}. See the module's
 * README for every endpoint, fixture and choice where Frame.io's behaviour is undocumented.
 */
public final class FrameioSimulator implements AutoCloseable {

    private final Fixtures fixtureData;
    private final SimulatorState state;
    private final TokenService tokens;
    private final RateLimiter limiter;
    private final FaultInjector faultInjector;
    private final RequestLog requestLog;
    private final HttpServer server;
    private final String baseUrl;
    private final SimulatorFixtures fixtures;
    private final WebhookStore webhooks;
    private final WebhookDeliverer deliverer;

    private FrameioSimulator(Builder config) throws IOException {
        SimClock clock = new SimClock(config.clock);
        this.fixtureData = Fixtures.create(config.seed);
        this.state = new SimulatorState(fixtureData, clock, config.seed, config.viewTouchesUpdatedAt);
        this.tokens = new TokenService(fixtureData, clock, config.seed, config.accessTokenTtl, config.refreshTokenTtl);
        this.limiter = new RateLimiter(config.rateLimits, config.rateLimitScale);
        this.faultInjector = new FaultInjector(config.seed);
        this.requestLog = new RequestLog(config.recentRequests);
        this.webhooks = new WebhookStore(new Ids(config.seed ^ 0x57454248L), clock);
        this.deliverer = new WebhookDeliverer(webhooks, fixtureData, clock, config.webhookRetryScale,
                config.webhookTimeout, config.seed);
        state.events(deliverer);
        Dispatcher dispatcher = new Dispatcher(new SharesApi(state, config.customBrandedShares),
                new WebhooksApi(webhooks, fixtureData), tokens, limiter,
                faultInjector, requestLog, new AdminApi(this), config.retryAfter, config.requestLogOut, config.seed,
                config.observers);
        ServerLimits limits = new ServerLimits(config.maxThreads, config.idleTimeout, config.requestHeaderTimeout,
                config.requestBodyTimeout, ServerLimits.DEFAULTS.maxRequestHeaderSize(), config.maxRequestBodySize);
        try {
            this.server = HttpServer.start(InetAddress.getByName(config.host), config.port, limits, dispatcher::handle);
        } catch (IOException | RuntimeException e) {
            deliverer.close();
            throw e;
        }
        String host = server.address().isAnyLocalAddress() ? "127.0.0.1" : hostLiteral(server.address());
        this.baseUrl = "http://" + host + ":" + server.port();
        this.fixtures = SimulatorFixtures.of(fixtureData, baseUrl);
    }

    /** Starts a simulator with the defaults on a free loopback port. */
    public static FrameioSimulator start() {
        return builder().start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The API base URL, e.g. {@code http://127.0.0.1:40123}; API paths start with {@code /v4}. */
    public String baseUrl() {
        return baseUrl;
    }

    /** The Adobe IMS base URL (the same server; token endpoint {@code /ims/token/v3}). */
    public String imsUrl() {
        return baseUrl;
    }

    public int port() {
        return server.port();
    }

    public SimulatorFixtures fixtures() {
        return fixtures;
    }

    /**
     * Back to the fixtures: no shares, activity or webhooks, all issued tokens forgotten, rate limits, log, faults,
     * webhook faults and deliveries cleared (attempts still scheduled are not sent). Generated ids and tokens go on
     * from where they were, so none repeats one from before the reset.
     */
    public void reset() {
        state.reset();
        webhooks.clear();
        deliverer.reset();
        tokens.reset();
        limiter.reset();
        requestLog.clear();
        faultInjector.clear();
    }

    /** Everything that reached the API since start or the last reset. */
    public RequestLog requests() {
        return requestLog;
    }

    /** Replaces the active fault rules. */
    public void faults(List<FaultRule> rules) {
        faultInjector.set(rules);
    }

    public void faults(FaultRule... rules) {
        faults(Arrays.asList(rules));
    }

    public void clearFaults() {
        faultInjector.clear();
    }

    /** Expires every access token issued so far (not the static fixture token); returns how many. */
    public int expireAccessTokens() {
        return tokens.expireAccessTokens();
    }

    /** Changes the lifetime of access tokens issued from now on. */
    public void accessTokenTtl(Duration ttl) {
        tokens.setAccessTokenTtl(ttl);
    }

    /** How many shares exist, in all projects. */
    public int shareCount() {
        return state.shareCount();
    }

    /** The ids of every share, in all projects. */
    public java.util.Set<String> shareIds() {
        return state.shareIds();
    }

    /** Whether a share exists. */
    public boolean hasShare(String shareId) {
        return state.share(shareId) != null;
    }

    /** The share as the API would show it, or null. */
    public JsonNode share(String shareId) {
        StoredShare share = state.share(shareId);
        return share == null ? null : Render.share(share);
    }

    /** A web-app edit of a share: the given fields change and {@code updated_at} moves. */
    public JsonNode editShare(String shareId, Map<String, ?> fields) {
        return Render.share(
                state.update(shareId, ShareRequests.webAppEdit(Json.MAPPER.valueToTree(fields))));
    }

    /** Someone opens the share link: {@code last_viewed_at} moves and a {@code share_viewed} activity appears. */
    public void viewShare(String shareId) {
        state.view(shareId, state.ids().uuid());
    }

    /** A web-app deletion; returns whether the share existed. */
    public boolean deleteShare(String shareId) {
        return state.delete(shareId) != null;
    }

    /** Creates {@code count} shares in a project at once, without limits. */
    public int bulkCreateShares(String projectId, int count) {
        return state.bulkCreate(projectId, count, "public", "Bulk share");
    }

    // ---- webhooks ------------------------------------------------------------------------------------------------

    /** The ids of every webhook, in creation order. */
    public List<String> webhookIds() {
        return webhooks.all().stream().map(StoredWebhook::id).toList();
    }

    /** The webhook as {@code webhooks.show} would show it (without its secret), or null. */
    public JsonNode webhook(String webhookId) {
        StoredWebhook w = webhooks.get(webhookId);
        return w == null ? null : Render.webhook(w, false, false, fixtureData);
    }

    /** Replaces the webhook delivery faults ({@link WebhookFaults#NONE}: none); decisions restart from its seed. */
    public void webhookFaults(WebhookFaults faults) {
        deliverer.faults(faults);
    }

    /** The webhook delivery faults in force. */
    public WebhookFaults webhookFaults() {
        return deliverer.faults();
    }

    /**
     * Every webhook delivery attempt since start, the last reset or {@link #clearWebhookDeliveries()}, in the order
     * their outcome was known, with the deliveries a fault dropped (attempt 0).
     */
    public List<WebhookDelivery> webhookDeliveries() {
        return deliverer.deliveries();
    }

    public void clearWebhookDeliveries() {
        deliverer.clearDeliveries();
    }

    /**
     * Waits until at least {@code count} attempts were sent (dropped deliveries do not count) and returns every sent
     * attempt so far.
     *
     * @throws IllegalStateException when fewer arrive within {@code timeout}
     */
    public List<WebhookDelivery> awaitWebhookDeliveries(int count, Duration timeout) {
        return deliverer.await(WebhookDelivery::sent, count, timeout);
    }

    /** Waits until at least {@code count} records match {@code filter}; returns the matching ones. */
    public List<WebhookDelivery> awaitWebhookDeliveries(Predicate<WebhookDelivery> filter, int count,
                                                        Duration timeout) {
        return deliverer.await(filter, count, timeout);
    }

    /** How many webhook deliveries are not finished (waiting, held, in flight or to be retried). */
    public int pendingWebhookDeliveries() {
        return deliverer.pending();
    }

    /**
     * Waits until every webhook delivery is finished: answered 2xx, failed its fifth attempt, or stopped because its
     * webhook was deleted or switched off.
     *
     * @throws IllegalStateException when some are still pending after {@code timeout}
     */
    public void awaitWebhooksIdle(Duration timeout) {
        deliverer.awaitIdle(timeout);
    }

    /** The wait after failed attempt {@code attempt} (1 to 4) before jitter, at the configured retry scale. */
    public Duration webhookRetryDelay(int attempt) {
        if (attempt < 1 || attempt >= WebhookDeliverer.ATTEMPTS) {
            throw new IllegalArgumentException("attempt must be between 1 and " + (WebhookDeliverer.ATTEMPTS - 1));
        }
        return Duration.ofMillis(deliverer.baseRetryMillis(attempt));
    }

    SimulatorState state() {
        return state;
    }

    FaultInjector faultInjector() {
        return faultInjector;
    }

    /** Stops the server and closes every connection. */
    @Override
    public void close() {
        server.close();
        deliverer.close();
    }

    public void stop() {
        close();
    }

    private static String hostLiteral(InetAddress address) {
        String host = address.getHostAddress();
        return host.contains(":") ? "[" + host + "]" : host;
    }

    @Override
    public String toString() {
        return "FrameioSimulator[" + baseUrl + "]";
    }

    /**
     * Settings of a simulator; every one has a default, so {@code FrameioSimulator.builder().start()} works.
     */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private long seed = 1;
        private boolean rateLimits = true;
        private double rateLimitScale = 1.0;
        private boolean retryAfter;
        private Duration accessTokenTtl = Duration.ofSeconds(86_399);
        private Duration refreshTokenTtl = Duration.ofDays(14);
        private boolean viewTouchesUpdatedAt;
        private boolean customBrandedShares = true;
        private int recentRequests = 200;
        private Clock clock = Clock.systemUTC();
        private PrintStream requestLogOut;
        private final List<ExchangeObserver> observers = new ArrayList<>();
        private int maxThreads = ServerLimits.DEFAULTS.maxThreads();
        private Duration idleTimeout = ServerLimits.DEFAULTS.idleTimeout();
        private Duration requestHeaderTimeout = ServerLimits.DEFAULTS.requestHeaderTimeout();
        private Duration requestBodyTimeout = ServerLimits.DEFAULTS.requestBodyTimeout();
        private int maxRequestBodySize = ServerLimits.DEFAULTS.maxRequestBodySize();
        private double webhookRetryScale = 1.0;
        private Duration webhookTimeout = Duration.ofSeconds(5);

        private Builder() {
        }

        /** Address to bind, default {@code 127.0.0.1}; {@code 0.0.0.0} listens on every interface. */
        public Builder host(String host) {
            this.host = host;
            return this;
        }

        /** Port to bind, default 0 (a free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** Seed of every generated id, token and secret, default 1: the same seed gives the same fixtures. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether rate limits are enforced (default true); the headers are sent either way. */
        public Builder rateLimits(boolean enabled) {
            this.rateLimits = enabled;
            return this;
        }

        /** Multiplies the 60 s rate-limit window: 0.01 turns 10 calls per minute into 10 per 600 ms. */
        public Builder rateLimitScale(double scale) {
            if (!(scale > 0)) {
                throw new IllegalArgumentException("rateLimitScale must be positive");
            }
            this.rateLimitScale = scale;
            return this;
        }

        /** Whether 429 answers carry a {@code Retry-After} header (Frame.io documents none), default false. */
        public Builder retryAfter(boolean enabled) {
            this.retryAfter = enabled;
            return this;
        }

        /** Lifetime of issued access tokens, default 86,399 s (Adobe IMS server-to-server). */
        public Builder accessTokenTtl(Duration ttl) {
            this.accessTokenTtl = requirePositive(ttl, "accessTokenTtl");
            return this;
        }

        /** Lifetime of rotated refresh tokens, default 14 days. */
        public Builder refreshTokenTtl(Duration ttl) {
            this.refreshTokenTtl = requirePositive(ttl, "refreshTokenTtl");
            return this;
        }

        /** Whether a share view also moves {@code updated_at} (default false: only {@code last_viewed_at}). */
        public Builder viewTouchesUpdatedAt(boolean enabled) {
            this.viewTouchesUpdatedAt = enabled;
            return this;
        }

        /** Whether the account has the custom_branded_shares feature that share descriptions need (default true). */
        public Builder customBrandedShares(boolean enabled) {
            this.customBrandedShares = enabled;
            return this;
        }

        /** How many recent requests {@code /_sim/requests} keeps, default 200. */
        public Builder recentRequests(int count) {
            this.recentRequests = count;
            return this;
        }

        /** The clock of timestamps and token expiry (not of rate limits), default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Prints one line per API request to {@code out} (null: silent, the default). */
        public Builder logRequests(PrintStream out) {
            this.requestLogOut = out;
            return this;
        }

        /** Adds an observer of every API and IMS exchange (e.g. a contract check in tests). */
        public Builder observe(ExchangeObserver observer) {
            this.observers.add(observer);
            return this;
        }

        /** The most threads the HTTP server runs, default 64; a fault's delay holds one while it waits. */
        public Builder maxThreads(int count) {
            if (count < 4) {
                throw new IllegalArgumentException("maxThreads must be at least 4");
            }
            this.maxThreads = count;
            return this;
        }

        /** How long a connection may stay silent before the server closes it, default 60 s. */
        public Builder idleTimeout(Duration timeout) {
            this.idleTimeout = requirePositive(timeout, "idleTimeout");
            return this;
        }

        /** How long a request head may take to arrive from its first byte, default 10 s; then the connection closes. */
        public Builder requestHeaderTimeout(Duration timeout) {
            this.requestHeaderTimeout = requirePositive(timeout, "requestHeaderTimeout");
            return this;
        }

        /** How long a request body may take to arrive once its head is in, default 30 s; then 408. */
        public Builder requestBodyTimeout(Duration timeout) {
            this.requestBodyTimeout = requirePositive(timeout, "requestBodyTimeout");
            return this;
        }

        /** The largest request body in bytes, default 1 MiB; a larger one answers 413. */
        public Builder maxRequestBodySize(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("maxRequestBodySize must not be negative");
            }
            this.maxRequestBodySize = bytes;
            return this;
        }

        /**
         * Multiplies the waits between webhook delivery attempts (15 s, 30 s, 60 s, 120 s, each plus up to 25%
         * jitter): default 1.0, Frame.io's timing; 0.001 makes the five attempts of a failing delivery take about a
         * quarter of a second.
         */
        public Builder webhookRetryScale(double scale) {
            if (!(scale > 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("webhookRetryScale must be a positive number, was " + scale);
            }
            this.webhookRetryScale = scale;
            return this;
        }

        /** How long a webhook receiver may take to answer before the attempt counts as failed, default 5 s. */
        public Builder webhookTimeout(Duration timeout) {
            this.webhookTimeout = requirePositive(timeout, "webhookTimeout");
            return this;
        }

        public FrameioSimulator start() {
            try {
                return new FrameioSimulator(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the Frame.io simulator on " + host + ":" + port, e);
            }
        }

        private static Duration requirePositive(Duration ttl, String name) {
            if (ttl == null || ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return ttl;
        }
    }
}
