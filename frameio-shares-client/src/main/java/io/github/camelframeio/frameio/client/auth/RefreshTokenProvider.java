package io.github.camelframeio.frameio.client.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Adobe IMS user authentication by refresh token: tokens act as the user who authorised the application (which
 * needs the {@code offline_access} scope to get a refresh token). IMS rotates the refresh token on every use; the
 * successor is saved in the {@link RefreshTokenStore} before its access token is used, so a restart continues the
 * chain instead of starting from a token that no longer works.
 * <p>
 * The store remembers which configured token a chain descends from: configure a new refresh token (after
 * authorising again) and the provider starts from it instead of the stored chain.
 */
public final class RefreshTokenProvider extends CachingTokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenProvider.class);
    private static final String FORMAT = "v1";

    private final ImsTokenClient ims;
    private final String clientId;
    private final String clientSecret;
    private final String configuredToken;
    private final String origin;
    private final RefreshTokenStore store;
    private String refreshToken;

    public RefreshTokenProvider(ImsTokenClient ims, String clientId, String clientSecret, String refreshToken,
                                RefreshTokenStore store, Clock clock) {
        super(clock);
        this.ims = Objects.requireNonNull(ims, "ims");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = clientSecret;
        this.configuredToken = Objects.requireNonNull(refreshToken, "refreshToken");
        this.origin = Fingerprint.of(refreshToken);
        this.store = store == null ? new InMemoryRefreshTokenStore() : store;
    }

    @Override
    protected synchronized CompletableFuture<ImsToken> fetch() {
        if (refreshToken == null) {
            refreshToken = startingToken();
        }
        String presented = refreshToken;
        return ims.refresh(clientId, clientSecret, presented).thenApply(token -> {
            if (token.refreshToken() != null && !token.refreshToken().equals(presented)) {
                rotate(token.refreshToken());
            }
            return token;
        });
    }

    private synchronized void rotate(String successor) {
        refreshToken = successor;
        try {
            store.save(FORMAT + ":" + origin + ":" + successor);
        } catch (RuntimeException e) {
            // the chain still works in memory; after a restart the configured token would be used again
            LOG.error("Could not save the rotated Frame.io refresh token of client {} in {}: {}. A restart will start"
                      + " from the configured refresh token, which IMS no longer accepts", clientId, store, e.toString());
        }
    }

    /** The stored successor when it descends from the configured token, else the configured token. */
    private String startingToken() {
        String saved;
        try {
            saved = store.load();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the saved Frame.io refresh token of client {} from {}: {}; using the configured one",
                    clientId, store, e.toString());
            return configuredToken;
        }
        if (saved != null) {
            String[] parts = saved.split(":", 3);
            if (parts.length == 3 && parts[0].equals(FORMAT) && parts[1].equals(origin) && !parts[2].isEmpty()) {
                LOG.debug("Continuing the saved refresh-token chain of client {}", clientId);
                return parts[2];
            }
            LOG.info("The saved refresh token of client {} descends from another configured token; starting from the"
                     + " configured one", clientId);
        }
        return configuredToken;
    }

    @Override
    public String credentialId() {
        return "user:" + clientId + ":" + origin;
    }

    @Override
    public String toString() {
        return "RefreshTokenProvider[" + clientId + ", " + store + "]";
    }
}
