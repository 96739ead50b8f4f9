package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.FrameioSharesClientBuilder;
import io.github.camelframeio.frameio.client.RateLimitBudgets;
import io.github.camelframeio.frameio.client.ResponseLimits;
import io.github.camelframeio.frameio.client.RetryPolicy;
import io.github.camelframeio.frameio.client.auth.FileRefreshTokenStore;
import io.github.camelframeio.frameio.client.auth.Fingerprint;
import io.github.camelframeio.frameio.client.auth.RefreshTokenStore;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.support.jsse.SSLContextParameters;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The frameio-shares component: automates Frame.io V4 shares.
 * <p>
 * Endpoints with the same connection and credential options share one {@link FrameioSharesClient}, so that a
 * rotating refresh token is refreshed by one client only, and connections are pooled across routes.
 */
@Component("frameio-shares")
public class FrameioSharesComponent extends HealthCheckComponent implements SSLContextParametersAware {

    @Metadata(label = "advanced")
    private FrameioSharesConfiguration configuration = new FrameioSharesConfiguration();
    @Metadata(label = "security", defaultValue = "false")
    private boolean useGlobalSslContextParameters;

    private final Map<String, FrameioSharesClient> clients = new ConcurrentHashMap<>();
    private volatile ExecutorService callbackExecutor;
    private volatile ScheduledExecutorService scheduler;
    private volatile RateLimitBudgets budgets;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FrameioSharesConfiguration config = configuration.copy();
        config.setOperation(operation(remaining));
        // with camel-webhook, every endpoint can be named by webhook: (only shareChanges accepts, the others say so)
        FrameioSharesEndpoint endpoint = webhookAvailable() ? WebhookEndpoints.create(uri, this, config)
                : new FrameioSharesEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * Creates the webhook-capable endpoint. A class of its own, so that nothing else here names that endpoint's class:
     * the JVM (and Spring, introspecting this component) loads it, and camel-webhook with it, only when it is used.
     */
    private static final class WebhookEndpoints {
        static FrameioSharesEndpoint create(String uri, FrameioSharesComponent component, FrameioSharesConfiguration config) {
            return new FrameioSharesWebhookEndpoint(uri, component, config);
        }
    }

    /** Whether camel-webhook (an optional dependency, for push) is on the classpath. */
    private boolean webhookAvailable() {
        return getCamelContext().getClassResolver()
                       .resolveClass("org.apache.camel.component.webhook.WebhookCapableEndpoint") != null;
    }

    private static FrameioSharesOperation operation(String name) {
        for (FrameioSharesOperation operation : FrameioSharesOperation.values()) {
            if (operation.name().equals(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown frameio-shares operation '" + name + "'; use one of "
                                           + Arrays.toString(FrameioSharesOperation.values()));
    }

    public FrameioSharesConfiguration getConfiguration() {
        return configuration;
    }

    /**
     * The component's default options, shared by every endpoint.
     */
    public void setConfiguration(FrameioSharesConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    /**
     * Use the global SSL context parameters (camel.ssl.*) for the connections to Frame.io and Adobe IMS.
     */
    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    /** The client for an endpoint's options: the configured bean, or one built once per distinct connection. */
    FrameioSharesClient client(FrameioSharesConfiguration config) {
        if (config.getClient() != null) {
            return config.getClient();
        }
        return clients.computeIfAbsent(clientKey(config), key -> newClient(config));
    }

    private FrameioSharesClient newClient(FrameioSharesConfiguration config) {
        RefreshTokenStore store = config.getRefreshTokenStore();
        if (store == null && config.getRefreshTokenFile() != null && !config.getRefreshTokenFile().isBlank()) {
            store = new FileRefreshTokenStore(Path.of(config.getRefreshTokenFile()));
        }
        SSLContextParameters tls = config.getSslContextParameters();
        if (tls == null && useGlobalSslContextParameters) {
            tls = retrieveGlobalSslContextParameters();
        }
        FrameioSharesClientBuilder builder = FrameioSharesClient.builder()
                .baseUrl(config.getBaseUrl())
                .imsUrl(config.getImsUrl())
                .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                .responseTimeout(Duration.ofMillis(config.getResponseTimeout()))
                .maxConnections(config.getMaxConnections())
                .responseLimits(ResponseLimits.DEFAULT.withMaxBodyBytes(config.getMaxResponseSize()))
                .maxPages(config.getMaxPages())
                .proxy(config.getProxyHost(), config.getProxyPort(), config.getProxyUsername(), config.getProxyPassword())
                .sslContext(sslContext(tls))
                .retryPolicy(new RetryPolicy(config.getMaxRetries(), Duration.ofMillis(config.getInitialBackoff()),
                        Duration.ofMillis(config.getServerErrorBackoff()), Duration.ofMillis(config.getMaxBackoff()),
                        Duration.ofMillis(config.getMaxRetryAfter()), Duration.ofMillis(config.getOverallTimeout())))
                .reconcileWindow(Duration.ofMillis(config.getReconcileWindow()))
                .pacing(config.isRateLimitPacing())
                .budgets(budgets())
                .scheduler(scheduler())
                .callbackExecutor(callbackExecutor())
                .userAgent("camel-frameio-shares (Apache Camel " + getCamelContext().getVersion() + ")");
        // the builder refuses contradictory or incomplete credentials, naming the options
        builder.accessToken(config.getAccessToken()).tokenProvider(config.getTokenProvider());
        if (config.getRefreshToken() != null && !config.getRefreshToken().isBlank()) {
            builder.refreshToken(config.getClientId(), config.getClientSecret(), config.getRefreshToken(), store);
        } else {
            builder.clientCredentials(config.getClientId(), config.getClientSecret(), config.getScopes());
        }
        return builder.build();
    }

    private javax.net.ssl.SSLContext sslContext(SSLContextParameters tls) {
        if (tls == null) {
            return null;
        }
        try {
            return tls.createSSLContext(getCamelContext());
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalArgumentException("sslContextParameters cannot make an SSL context: " + e.getMessage(), e);
        }
    }

    /**
     * Identifies a connection, credential and call policy without keeping any secret in the clear. Rate-limit
     * budgets are shared by all clients of the component, whatever their key.
     */
    private static String clientKey(FrameioSharesConfiguration c) {
        return String.join("|", c.getBaseUrl(), c.getImsUrl(), fingerprint(c.getAccessToken()), String.valueOf(c.getClientId()),
                fingerprint(c.getClientSecret()), String.valueOf(c.getScopes()), fingerprint(c.getRefreshToken()),
                String.valueOf(c.getRefreshTokenFile()), identity(c.getRefreshTokenStore()), identity(c.getTokenProvider()),
                Integer.toString(c.getConnectTimeout()), Integer.toString(c.getResponseTimeout()),
                Integer.toString(c.getMaxConnections()), identity(c.getSslContextParameters()), String.valueOf(c.getProxyHost()),
                Integer.toString(c.getProxyPort()), String.valueOf(c.getProxyUsername()), fingerprint(c.getProxyPassword()),
                Boolean.toString(c.isRateLimitPacing()), Integer.toString(c.getMaxRetries()), Long.toString(c.getInitialBackoff()),
                Long.toString(c.getServerErrorBackoff()), Long.toString(c.getMaxBackoff()), Long.toString(c.getMaxRetryAfter()),
                Long.toString(c.getOverallTimeout()), Long.toString(c.getReconcileWindow()),
                Integer.toString(c.getMaxResponseSize()), Integer.toString(c.getMaxPages()));
    }

    private synchronized ScheduledExecutorService scheduler() {
        if (scheduler == null) {
            scheduler = getCamelContext().getExecutorServiceManager()
                    .newSingleThreadScheduledExecutor(this, "FrameioSharesScheduler");
        }
        return scheduler;
    }

    /** One model of Frame.io's rate limits for every endpoint of the component. */
    private synchronized RateLimitBudgets budgets() {
        if (budgets == null) {
            budgets = new RateLimitBudgets(scheduler());
        }
        return budgets;
    }

    private static String fingerprint(String secret) {
        return secret == null ? "-" : Fingerprint.of(secret);
    }

    private static String identity(Object bean) {
        return bean == null ? "-" : bean.getClass().getName() + "@" + System.identityHashCode(bean);
    }

    private ExecutorService callbackExecutor() {
        ExecutorService executor = callbackExecutor;
        if (executor == null) {
            synchronized (this) {
                if (callbackExecutor == null) {
                    // routes continue here after each call, never on the HTTP I/O threads
                    callbackExecutor = getCamelContext().getExecutorServiceManager()
                            .newDefaultThreadPool(this, "FrameioShares");
                }
                executor = callbackExecutor;
            }
        }
        return executor;
    }

    @Override
    protected void doStop() throws Exception {
        if (budgets != null) {
            budgets.close();
            budgets = null;
        }
        clients.values().forEach(FrameioSharesClient::close);
        clients.clear();
        if (scheduler != null) {
            getCamelContext().getExecutorServiceManager().shutdownNow(scheduler);
            scheduler = null;
        }
        if (callbackExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(callbackExecutor);
            callbackExecutor = null;
        }
        super.doStop();
    }
}
