package io.github.camelframeio.camel.component.frameio.shares.webhook;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A webhook's signing secret as the state store keeps it: encrypted with AES-256-GCM under a key derived with
 * PBKDF2-HMAC-SHA512 (random salt) from the key the user configured (webhookSecretKey, or clientSecret), bound to
 * the webhook id (associated data), so that a stored value read by someone without the key, or copied onto another
 * webhook's record, gives nothing away and does not open.
 * <p>
 * Stored as {@code frameio-shares-webhook/1;<webhook id>;<iterations>;<salt>;<iv>;<ciphertext>} (base64url without
 * padding): no {@code =} or line break, which some state repositories cannot store.
 */
final class SealedSecret {

    static final String FORMAT = "frameio-shares-webhook/1";
    /** OWASP's figure for PBKDF2-HMAC-SHA512 (2023); stored with each value, so it can be raised later. */
    static final int ITERATIONS = 210_000;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();

    /** A stored value that does not open: unknown format, another key, or changed. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    /** What a stored value says: the webhook and its secret. */
    record Opened(String webhookId, String secret) {
        @Override
        public String toString() {
            return "Opened[webhookId=" + webhookId + ", secret=******]";
        }
    }

    private SealedSecret() {
    }

    static String seal(String webhookId, String secret, String key) {
        byte[] salt = new byte[16];
        byte[] iv = new byte[12];
        RANDOM.nextBytes(salt);
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, derive(key, salt, ITERATIONS), new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad(webhookId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return FORMAT + ";" + webhookId + ";" + ITERATIONS + ";" + B64.encodeToString(salt) + ";"
                   + B64.encodeToString(iv) + ";" + B64.encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM and PBKDF2WithHmacSHA512 are in every Java 17", e);
        }
    }

    /** The webhook id of a stored value, without opening it; null when it is not one. */
    static String webhookId(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(";", -1);
        return parts.length == 6 && parts[0].equals(FORMAT) ? parts[1] : null;
    }

    static Opened open(String stored, String key) throws Unreadable {
        String[] parts = stored.split(";", -1);
        if (parts.length != 6 || !parts[0].equals(FORMAT)) {
            throw new Unreadable("is not a " + FORMAT + " value");
        }
        try {
            int iterations = Integer.parseInt(parts[2]);
            if (iterations < 10_000 || iterations > 10_000_000) {
                throw new Unreadable("has an unlikely iteration count");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, derive(key, UNB64.decode(parts[3]), iterations),
                    new GCMParameterSpec(128, UNB64.decode(parts[4])));
            cipher.updateAAD(aad(parts[1]));
            return new Opened(parts[1], new String(cipher.doFinal(UNB64.decode(parts[5])), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // javax.crypto.AEADBadTagException: another key, or the value was changed; say no more than that
            throw new Unreadable("does not open with the configured key (webhookSecretKey or clientSecret changed, or"
                                 + " the value was altered)");
        }
    }

    private static SecretKey derive(String key, byte[] salt, int iterations) throws GeneralSecurityException {
        PBEKeySpec spec = new PBEKeySpec(key.toCharArray(), salt, iterations, 256);
        try {
            byte[] bytes = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            return new SecretKeySpec(bytes, "AES");
        } finally {
            spec.clearPassword();
        }
    }

    private static byte[] aad(String webhookId) {
        return ("frameio-shares-webhook:" + webhookId).getBytes(StandardCharsets.UTF_8);
    }
}
