package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Frame.io's official OpenAPI document for the V4 Shares API, as this jar ships it: the verbatim subset of
 * {@code https://api.frame.io/v4/openapi.json} with the twelve Shares operations, the webhook operations, the audit
 * log and the 68 schemas they reference. Not one byte is edited; where a reader needs the document's quirks
 * smoothed (validation), {@link OpenApiSchemas} does it in memory.
 */
public final class FrameioContract {

    /** Where the document lies on the classpath. */
    public static final String RESOURCE = "/io/github/camelframeio/frameio/contract/openapi-shares.json";

    private FrameioContract() {
    }

    /** The document's bytes, exactly as shipped. */
    public static byte[] bytes() {
        return Holder.BYTES.clone();
    }

    /** The document as text (UTF-8). */
    public static String text() {
        return new String(Holder.BYTES, StandardCharsets.UTF_8);
    }

    /** The SHA-256 of the shipped bytes, in lower-case hex. */
    public static String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Holder.BYTES));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy of the parsed document (callers may change it). */
    public static JsonNode document() {
        return Holder.DOCUMENT.deepCopy();
    }

    /** A copy of one named schema of {@code components.schemas}, or null. */
    public static JsonNode schema(String name) {
        JsonNode schema = Holder.DOCUMENT.path("components").path("schemas").get(name);
        return schema == null ? null : schema.deepCopy();
    }

    /** The parsed document, shared and read-only by convention: for this package only. */
    static JsonNode shared() {
        return Holder.DOCUMENT;
    }

    /** Loaded on first use, so that a class of this module that does not need the document does not pay for it. */
    private static final class Holder {
        static final byte[] BYTES = load();
        static final JsonNode DOCUMENT = parse(BYTES);

        private static byte[] load() {
            try (InputStream in = FrameioContract.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The Frame.io contract is not on the classpath: " + RESOURCE);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the Frame.io contract " + RESOURCE, e);
            }
        }

        private static JsonNode parse(byte[] bytes) {
            try {
                return new ObjectMapper().readTree(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("The Frame.io contract " + RESOURCE + " is not JSON", e);
            }
        }
    }
}
