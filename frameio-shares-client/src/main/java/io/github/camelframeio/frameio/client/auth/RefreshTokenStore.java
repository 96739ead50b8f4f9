package io.github.camelframeio.frameio.client.auth;

/**
 * Keeps the latest refresh token of a user credential across restarts. Adobe IMS rotates refresh tokens: each use
 * returns a new one and the old one stops working, so the successor must be saved before it is used, or a restart
 * would start from a dead token.
 * <p>
 * The value is opaque (it holds the token and the fingerprint of the configured token it descends from) and secret:
 * store it where only the application can read it.
 */
public interface RefreshTokenStore {

    /** The saved value, or null when nothing was saved yet. */
    String load();

    /** Saves the value, replacing the previous one; must be durable when it returns. */
    void save(String value);
}
