package io.github.camelframeio.frameio.client.auth;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * One fixed access token (e.g. a developer token, or one obtained elsewhere). It cannot be refreshed: when it
 * expires, calls fail with 401.
 */
public final class StaticAccessTokenProvider implements AccessTokenProvider {

    private final String token;
    private final String credentialId;

    public StaticAccessTokenProvider(String token) {
        this.token = Objects.requireNonNull(token, "accessToken");
        this.credentialId = "static:" + Fingerprint.of(token);
    }

    @Override
    public CompletableFuture<String> accessToken() {
        return CompletableFuture.completedFuture(token);
    }

    @Override
    public String credentialId() {
        return credentialId;
    }

    @Override
    public String toString() {
        return "StaticAccessTokenProvider[" + credentialId + "]";
    }
}
