package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.camel.component.frameio.shares.client.FrameioSharesClient;
import io.github.camelframeio.camel.component.frameio.shares.client.auth.FileRefreshTokenStore;
import io.github.camelframeio.camel.component.frameio.shares.client.auth.Fingerprint;
import io.github.camelframeio.camel.component.frameio.shares.client.auth.RefreshTokenStore;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;

/**
 * The frameio-shares component: automates Frame.io V4 shares.
 * <p>
 * Endpoints with the same connection and credential options share one {@link FrameioSharesClient}, so that a
 * rotating refresh token is refreshed by one client only, and connections are pooled across routes.
 */
@Component("frameio-shares")
public class FrameioSharesComponent extends HealthCheckComponent {

    @Metadata(label = "advanced")
    private FrameioSharesConfiguration configuration = new FrameioSharesConfiguration();

    private final Map<String, FrameioSharesClient> clients = new ConcurrentHashMap<>();
    private volatile ExecutorService callbackExecutor;

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        FrameioSharesConfiguration config = configuration.copy();
        config.setOperation(operation(remaining));
        FrameioSharesEndpoint endpoint = new FrameioSharesEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        return endpoint;
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
        FrameioSharesClient.Builder builder = FrameioSharesClient.builder()
                .baseUrl(config.getBaseUrl())
                .imsUrl(config.getImsUrl())
                .connectTimeout(Duration.ofMillis(config.getConnectTimeout()))
                .responseTimeout(Duration.ofMillis(config.getResponseTimeout()))
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

    /** Identifies a connection and credential without keeping any secret in the clear. */
    private static String clientKey(FrameioSharesConfiguration c) {
        return String.join("|", c.getBaseUrl(), c.getImsUrl(), fingerprint(c.getAccessToken()), String.valueOf(c.getClientId()),
                fingerprint(c.getClientSecret()), String.valueOf(c.getScopes()), fingerprint(c.getRefreshToken()),
                String.valueOf(c.getRefreshTokenFile()), identity(c.getRefreshTokenStore()), identity(c.getTokenProvider()),
                Integer.toString(c.getConnectTimeout()), Integer.toString(c.getResponseTimeout()));
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
        clients.values().forEach(FrameioSharesClient::close);
        clients.clear();
        if (callbackExecutor != null) {
            getCamelContext().getExecutorServiceManager().shutdown(callbackExecutor);
            callbackExecutor = null;
        }
        super.doStop();
    }
}
