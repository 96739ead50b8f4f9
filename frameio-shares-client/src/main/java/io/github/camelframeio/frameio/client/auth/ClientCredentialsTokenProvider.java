package io.github.camelframeio.frameio.client.auth;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Adobe IMS server-to-server (OAuth client credentials): tokens act as the credential's technical account.
 * Works for accounts administered through the Adobe Admin Console, and needs the scope {@code frame.s2s.all}.
 */
public final class ClientCredentialsTokenProvider extends CachingTokenProvider {

    /** The scopes Frame.io's server-to-server credentials need. */
    public static final String DEFAULT_SCOPES = "openid,AdobeID,frame.s2s.all";

    private final ImsTokenClient ims;
    private final String clientId;
    private final String clientSecret;
    private final String scopes;

    public ClientCredentialsTokenProvider(ImsTokenClient ims, String clientId, String clientSecret, String scopes,
                                          Clock clock) {
        super(clock);
        this.ims = Objects.requireNonNull(ims, "ims");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.clientSecret = Objects.requireNonNull(clientSecret, "clientSecret");
        this.scopes = scopes == null || scopes.isBlank() ? DEFAULT_SCOPES : scopes;
    }

    @Override
    protected CompletableFuture<ImsToken> fetch() {
        return ims.clientCredentials(clientId, clientSecret, scopes);
    }

    @Override
    public String credentialId() {
        return "s2s:" + clientId;
    }

    @Override
    public String toString() {
        return "ClientCredentialsTokenProvider[" + clientId + ", " + scopes + "]";
    }
}
