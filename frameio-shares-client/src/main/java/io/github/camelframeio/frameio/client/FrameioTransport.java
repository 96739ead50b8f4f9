package io.github.camelframeio.frameio.client;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/**
 * The HTTP layer: Apache HttpClient 5 (async, HTTP/1.1, pooled), with its own retries, redirects and cookies
 * turned off, because the client decides what may be repeated and must never follow a redirect with a token.
 */
public final class FrameioTransport implements AutoCloseable {

    /** An answer as received. */
    public record RawResponse(int status, Map<String, String> headers, byte[] body) {

        /** A header by lower-case name, or null. */
        public String header(String name) {
            return headers.get(name);
        }
    }

    /**
     * Connection settings.
     *
     * @param connectTimeout  how long a connection may take to open
     * @param responseTimeout how long an answer may take once a request is sent
     * @param maxConnections  the pool's size
     * @param userAgent       the User-Agent header
     * @param proxyHost       an HTTP proxy, or null
     * @param proxyPort       the proxy's port
     * @param proxyUsername   the proxy user, or null
     * @param proxyPassword   the proxy password, or null
     * @param sslContext      TLS settings, or null for the JVM's defaults
     * @param limits          how large an answer may be
     */
    public record Settings(Duration connectTimeout, Duration responseTimeout, int maxConnections, String userAgent,
            String proxyHost, int proxyPort, String proxyUsername, String proxyPassword, SSLContext sslContext,
            ResponseLimits limits) {

        public Settings {
            requirePositive("connectTimeout", connectTimeout);
            requirePositive("responseTimeout", responseTimeout);
            if (maxConnections < 1) {
                throw new FrameioInvalidRequestException("maxConnections must be 1 or more, got " + maxConnections);
            }
            limits = limits == null ? ResponseLimits.DEFAULT : limits;
        }

        @Override
        public String toString() {
            return "Settings[connect=" + connectTimeout + ", response=" + responseTimeout + ", max=" + maxConnections
                   + (proxyHost == null ? "" : ", proxy=" + proxyHost + ":" + proxyPort) + ", " + limits + "]";
        }
    }

    /** A timeout of zero would wait forever, a negative one cannot be meant: both are refused, naming the option. */
    static void requirePositive(String option, Duration timeout) {
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new FrameioInvalidRequestException(option + " must be a positive duration (a zero timeout would"
                    + " wait forever), got " + (timeout == null ? "none" : timeout.toMillis() + " ms"));
        }
    }

    private final CloseableHttpAsyncClient http;
    private final boolean owned;
    private final ResponseLimits limits;

    private FrameioTransport(CloseableHttpAsyncClient http, boolean owned, ResponseLimits limits) {
        this.http = http;
        this.owned = owned;
        this.limits = limits;
    }

    /** A transport with its own connection pool and I/O threads. */
    public static FrameioTransport create(Settings settings) {
        PoolingAsyncClientConnectionManagerBuilder pool = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build());
        if (settings.sslContext() != null) {
            pool.setTlsStrategy(ClientTlsStrategyBuilder.create().setSslContext(settings.sslContext()).build());
        }
        HttpAsyncClientBuilder builder = HttpAsyncClients.custom()
                .setConnectionManager(pool.build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.connectTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.min(2, Runtime.getRuntime().availableProcessors()))
                        // the reactor checks timeouts once per select interval (1 s by default): keep it well below them
                        .setSelectInterval(TimeValue.ofMilliseconds(selectIntervalMillis(settings)))
                        .build())
                // header lines and counts are bounded while they are parsed (a 50 MB header line fails at the limit)
                .setHttp1Config(Http1Config.custom()
                        .setMaxLineLength(settings.limits().maxHeaderBytes())
                        .setMaxHeaderCount(settings.limits().maxHeaderCount())
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(settings.userAgent());
        if (settings.proxyHost() != null && !settings.proxyHost().isBlank()) {
            HttpHost proxy = new HttpHost(settings.proxyHost(), settings.proxyPort());
            builder.setProxy(proxy);
            if (settings.proxyUsername() != null && !settings.proxyUsername().isBlank()) {
                char[] password = settings.proxyPassword() == null ? new char[0] : settings.proxyPassword().toCharArray();
                builder.setDefaultCredentialsProvider(CredentialsProviderBuilder.create()
                        .add(new AuthScope(proxy), settings.proxyUsername(), password).build());
            }
        }
        CloseableHttpAsyncClient client = builder.build();
        client.start();
        return new FrameioTransport(client, true, settings.limits());
    }

    private static long selectIntervalMillis(Settings settings) {
        long shortest = Math.min(settings.connectTimeout().toMillis(), settings.responseTimeout().toMillis());
        return Math.max(10, Math.min(1000, shortest / 4));
    }

    /** A transport over a client the caller configured, started and will close; answers read within the defaults. */
    public static FrameioTransport wrap(CloseableHttpAsyncClient client) {
        return wrap(client, ResponseLimits.DEFAULT);
    }

    /**
     * A transport over a client the caller configured, started and will close, reading answers within
     * {@code limits} (header limits are the client's own: see {@code Http1Config}).
     */
    public static FrameioTransport wrap(CloseableHttpAsyncClient client, ResponseLimits limits) {
        return new FrameioTransport(client, false, limits);
    }

    /**
     * Sends the request; the future completes on an I/O thread. The answer is read as it arrives, up to the
     * limits: one over them fails with {@link ResponseLimits.AnswerTooLarge} and its connection is closed, never
     * reused. Cancelling the future aborts the exchange and closes its connection.
     */
    public CompletableFuture<RawResponse> execute(SimpleHttpRequest request) {
        InFlight result = new InFlight();
        result.exchange = http.execute(SimpleRequestProducer.create(request), new BoundedResponseConsumer(limits),
                new FutureCallback<RawResponse>() {
            @Override
            public void completed(RawResponse response) {
                result.complete(response);
            }

            @Override
            public void failed(Exception e) {
                result.completeExceptionally(e);
            }

            @Override
            public void cancelled() {
                result.cancel(false);
            }
        });
        if (result.isCancelled()) {
            result.exchange.cancel(true); // cancelled before the exchange was known
        }
        return result;
    }

    /** A request in flight: cancelling it aborts the HTTP exchange (a deadline ends a dripping answer this way). */
    private static final class InFlight extends CompletableFuture<RawResponse> {
        private volatile Future<RawResponse> exchange;

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Future<RawResponse> running = exchange;
            if (running != null) {
                running.cancel(true);
            }
            return cancelled;
        }
    }

    @Override
    public void close() {
        if (owned) {
            http.close(CloseMode.GRACEFUL);
        }
    }
}
