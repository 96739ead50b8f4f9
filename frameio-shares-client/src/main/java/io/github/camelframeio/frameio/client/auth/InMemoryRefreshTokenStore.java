package io.github.camelframeio.frameio.client.auth;

/**
 * Keeps the rotated refresh token in memory only: a restart starts again from the configured token, which may no
 * longer work. Use {@link FileRefreshTokenStore} (option {@code refreshTokenFile}) or your own store in production.
 */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private volatile String value;

    @Override
    public String load() {
        return value;
    }

    @Override
    public void save(String value) {
        this.value = value;
    }

    @Override
    public String toString() {
        return "InMemoryRefreshTokenStore";
    }
}
