package io.github.camelframeio.camel.component.frameio.shares.webhook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;

/**
 * Whether a delivery comes from Frame.io, checked before anything else is done with it: its size, its timestamp
 * ({@code X-Frameio-Request-Timestamp}, epoch seconds, within 5 minutes of the local clock, so a recorded delivery
 * cannot be replayed later) and its signature ({@code X-Frameio-Signature: v0=<hex HMAC-SHA256(secret, "v0:" +
 * timestamp + ":" + body)>}, compared in constant time). A pure function of its inputs and the clock.
 */
final class DeliveryCheck {

    static final String TIMESTAMP = "X-Frameio-Request-Timestamp";
    static final String SIGNATURE = "X-Frameio-Signature";
    /** Frame.io's guide: reject timestamps more than 5 minutes from local time. */
    static final long MAX_SKEW_SECONDS = 300;

    private final Clock clock;
    private final int maxBodySize;

    DeliveryCheck(Clock clock, int maxBodySize) {
        this.clock = clock;
        this.maxBodySize = maxBodySize;
    }

    /**
     * Why the delivery is refused, or null when it is genuine. The reason names the check, never the signature or
     * the secret.
     */
    String refusal(byte[] secret, String timestamp, String signature, byte[] body, long declaredLength) {
        if (declaredLength > maxBodySize || (body != null && body.length > maxBodySize)) {
            return "body larger than webhookMaxBodySize (" + maxBodySize + " bytes)";
        }
        if (secret == null) {
            return "no signing secret is known yet";
        }
        if (timestamp == null || timestamp.isBlank()) {
            return "no " + TIMESTAMP + " header";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return TIMESTAMP + " is not epoch seconds";
        }
        long skew = clock.instant().getEpochSecond() - seconds;
        if (Math.abs(skew) > MAX_SKEW_SECONDS) {
            return TIMESTAMP + " is " + Math.abs(skew) + " s " + (skew > 0 ? "old" : "ahead")
                   + " (more than 5 minutes from the local clock: a replay, or a clock out of sync)";
        }
        if (signature == null || !signature.startsWith("v0=")) {
            return "no v0 " + SIGNATURE + " header";
        }
        byte[] expected = ("v0=" + HexFormat.of().formatHex(hmac(secret, timestamp.trim(), body == null
                ? new byte[0] : body))).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            return "signature does not match (another secret, or the body was changed)";
        }
        return null;
    }

    static byte[] hmac(byte[] secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is in every Java 17", e);
        }
    }
}
