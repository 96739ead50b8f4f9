package io.github.camelframeio.camel.component.frameio.shares.webhook;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeliveryCheckTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final byte[] SECRET = "s3cr3t-of-the-webhook".getBytes(StandardCharsets.UTF_8);
    private static final byte[] BODY = "{\"type\":\"share.updated\",\"resource\":{\"id\":\"x\",\"type\":\"share\"}}"
            .getBytes(StandardCharsets.UTF_8);
    private final DeliveryCheck check = new DeliveryCheck(Clock.fixed(NOW, ZoneOffset.UTC), 65_536);

    /** Frame.io's recipe, written out independently of the class under test. */
    private static String sign(byte[] secret, long ts, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret, "HmacSHA256"));
        byte[] prefix = ("v0:" + ts + ":").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(body, 0, message, prefix.length, body.length);
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(message));
    }

    @Test
    void aDeliverySignedWithTheSecretNowIsGenuine() throws Exception {
        long ts = NOW.getEpochSecond();
        assertNull(check.refusal(SECRET, Long.toString(ts), sign(SECRET, ts, BODY), BODY, BODY.length));
    }

    @Test
    void timestampsUpToFiveMinutesEitherWayAreAcceptedAndNoFurther() throws Exception {
        for (long skew : new long[] {-300, 300}) {
            long ts = NOW.getEpochSecond() + skew;
            assertNull(check.refusal(SECRET, Long.toString(ts), sign(SECRET, ts, BODY), BODY, -1), "skew " + skew);
        }
        for (long skew : new long[] {-301, 301, -86_400}) {
            long ts = NOW.getEpochSecond() + skew;
            String why = check.refusal(SECRET, Long.toString(ts), sign(SECRET, ts, BODY), BODY, -1);
            assertNotNull(why, "skew " + skew);
            assertTrue(why.contains("5 minutes"), why);
        }
    }

    @Test
    void anotherSecretAChangedBodyOrAMovedTimestampIsRefused() throws Exception {
        long ts = NOW.getEpochSecond();
        byte[] other = "another-secret".getBytes(StandardCharsets.UTF_8);
        assertNotNull(check.refusal(SECRET, Long.toString(ts), sign(other, ts, BODY), BODY, -1));
        byte[] changed = BODY.clone();
        changed[10] ^= 1;
        assertNotNull(check.refusal(SECRET, Long.toString(ts), sign(SECRET, ts, BODY), changed, -1));
        assertNotNull(check.refusal(SECRET, Long.toString(ts - 1), sign(SECRET, ts, BODY), BODY, -1));
    }

    @Test
    void missingOrMalformedHeadersAreRefused() throws Exception {
        long ts = NOW.getEpochSecond();
        String good = sign(SECRET, ts, BODY);
        assertNotNull(check.refusal(SECRET, null, good, BODY, -1));
        assertNotNull(check.refusal(SECRET, "yesterday", good, BODY, -1));
        assertNotNull(check.refusal(SECRET, Long.toString(ts), null, BODY, -1));
        assertNotNull(check.refusal(SECRET, Long.toString(ts), good.substring(3), BODY, -1)); // no "v0="
        assertNotNull(check.refusal(SECRET, Long.toString(ts), "v1=" + good.substring(3), BODY, -1));
        assertNotNull(check.refusal(null, Long.toString(ts), good, BODY, -1)); // not registered yet
    }

    @Test
    void aBodyOverTheLimitIsRefusedByItsDeclaredLengthOrItsSize() throws Exception {
        DeliveryCheck small = new DeliveryCheck(Clock.fixed(NOW, ZoneOffset.UTC), 1024);
        long ts = NOW.getEpochSecond();
        byte[] big = new byte[1025];
        String why = small.refusal(SECRET, Long.toString(ts), sign(SECRET, ts, big), big, -1);
        assertNotNull(why);
        assertTrue(why.contains("webhookMaxBodySize"), why);
        assertNotNull(small.refusal(SECRET, Long.toString(ts), sign(SECRET, ts, BODY), BODY, 1025));
        byte[] fits = new byte[1024];
        assertNull(small.refusal(SECRET, Long.toString(ts), sign(SECRET, ts, fits), fits, 1024));
    }

    @Test
    void noReasonGivesAwayTheSignatureOrTheSecret() throws Exception {
        long ts = NOW.getEpochSecond();
        String expected = sign(SECRET, ts, BODY);
        String why = check.refusal(SECRET, Long.toString(ts), "v0=" + "0".repeat(64), BODY, -1);
        assertFalse(why.contains(expected.substring(3)), why);
        assertFalse(why.contains(new String(SECRET, StandardCharsets.UTF_8)), why);
        assertEquals("signature does not match (another secret, or the body was changed)", why);
    }
}
