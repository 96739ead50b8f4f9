package io.github.camelframeio.frameio.client.auth;

import java.util.concurrent.CompletableFuture;

/**
 * Supplies the bearer token of every Frame.io call. Implement it for any way of obtaining tokens the component
 * does not cover (a vault, a sidecar, another OAuth flow) and register it as the {@code tokenProvider} bean.
 */
public interface AccessTokenProvider {

    /** A token to use now; may fetch or refresh one. */
    CompletableFuture<String> accessToken();

    /**
     * Frame.io refused {@code token} with 401. Returns true when the provider has forgotten it and can obtain a
     * different one (the call is then retried once), false when it cannot (a static token).
     */
    default boolean invalidate(String token) {
        return false;
    }

    /**
     * A stable, non-secret name of the credential, e.g. {@code s2s:<client id>}, used to keep one rate-limit budget
     * per credential. Must not contain or reveal a token or secret.
     */
    String credentialId();
}
