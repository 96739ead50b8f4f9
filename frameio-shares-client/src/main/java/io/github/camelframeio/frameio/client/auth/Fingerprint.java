package io.github.camelframeio.frameio.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A short, one-way name for a secret, so that credentials can be told apart (and refresh-token chains traced to
 * the token they started from) without keeping or showing the secret.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    /** The first 16 hex digits of the SHA-256 of {@code secret}. */
    public static String of(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
