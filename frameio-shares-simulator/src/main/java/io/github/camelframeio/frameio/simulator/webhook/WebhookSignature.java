package io.github.camelframeio.frameio.simulator.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Frame.io's webhook signature: {@code v0=} and the lower-case hex of HMAC-SHA256, keyed with the webhook's secret,
 * of {@code "v0:" + timestamp + ":" + body}, the timestamp in epoch seconds as sent in
 * {@code X-Frameio-Request-Timestamp}.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestampSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(("v0:" + timestampSeconds + ":").getBytes(StandardCharsets.UTF_8));
            mac.update(body);
            return "v0=" + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
