package io.github.camelframeio.frameio.client;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

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
     */
    public record Settings(Duration connectTimeout, Duration responseTimeout, int maxConnections, String userAgent,
            String proxyHost, int proxyPort, String proxyUsername, String proxyPassword, SSLContext sslContext) {

        @Override
        public String toString() {
            return "Settings[connect=" + connectTimeout + ", response=" + responseTimeout + ", max=" + maxConnections
                   + (proxyHost == null ? "" : ", proxy=" + proxyHost + ":" + proxyPort) + "]";
        }
    }

    private final CloseableHttpAsyncClient http;
    private final boolean owned;

    private FrameioTransport(CloseableHttpAsyncClient http, boolean owned) {
        this.http = http;
        this.owned = owned;
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
        return new FrameioTransport(client, true);
    }

    private static long selectIntervalMillis(Settings settings) {
        long shortest = Math.min(settings.connectTimeout().toMillis(), settings.responseTimeout().toMillis());
        return Math.max(10, Math.min(1000, shortest / 4));
    }

    /** A transport over a client the caller configured, started and will close. */
    public static FrameioTransport wrap(CloseableHttpAsyncClient client) {
        return new FrameioTransport(client, false);
    }

    /** Sends the request; the future completes on an I/O thread. */
    public CompletableFuture<RawResponse> execute(SimpleHttpRequest request) {
        CompletableFuture<RawResponse> result = new CompletableFuture<>();
        http.execute(request, new FutureCallback<SimpleHttpResponse>() {
            @Override
            public void completed(SimpleHttpResponse response) {
                Map<String, String> headers = new HashMap<>();
                for (Header h : response.getHeaders()) {
                    headers.putIfAbsent(h.getName().toLowerCase(Locale.ROOT), h.getValue());
                }
                byte[] body = response.getBodyBytes();
                result.complete(new RawResponse(response.getCode(), headers, body == null ? new byte[0] : body));
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
        return result;
    }

    @Override
    public void close() {
        if (owned) {
            http.close(CloseMode.GRACEFUL);
        }
    }
}
