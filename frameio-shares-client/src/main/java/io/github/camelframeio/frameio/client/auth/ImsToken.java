package io.github.camelframeio.frameio.client.auth;

/**
 * An Adobe IMS token answer.
 *
 * @param accessToken      the bearer token
 * @param refreshToken     the rotated refresh token (refresh grant only), or null
 * @param expiresInSeconds the access token's lifetime
 */
public record ImsToken(String accessToken, String refreshToken, long expiresInSeconds) {

    @Override
    public String toString() {
        return "ImsToken[expiresIn=" + expiresInSeconds + "s]";
    }
}
