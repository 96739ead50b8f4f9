package io.github.camelframeio.camel.component.frameio.shares.client;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

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

    private final CloseableHttpAsyncClient http;
    private final boolean owned;

    private FrameioTransport(CloseableHttpAsyncClient http, boolean owned) {
        this.http = http;
        this.owned = owned;
    }

    /** A transport with its own connection pool and I/O threads. */
    public static FrameioTransport create(Duration connectTimeout, Duration responseTimeout, int maxConnections,
                                          String userAgent) {
        PoolingAsyncClientConnectionManager connections = PoolingAsyncClientConnectionManagerBuilder.create()
                .setMaxConnTotal(maxConnections)
                .setMaxConnPerRoute(maxConnections)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(responseTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .setVersionPolicy(HttpVersionPolicy.FORCE_HTTP_1)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(Math.min(2, Runtime.getRuntime().availableProcessors()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .setUserAgent(userAgent)
                .build();
        client.start();
        return new FrameioTransport(client, true);
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
