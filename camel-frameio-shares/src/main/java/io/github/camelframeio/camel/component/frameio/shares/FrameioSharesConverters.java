package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.frameio.client.model.FrameioObject;

import org.apache.camel.Converter;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Type converters from the component's models to JSON, Frame.io's own field names: a Share, ShareReviewer,
 * ShareAsset or ShareActivity body becomes JSON wherever a route needs text or bytes (a file, a JMS or Kafka
 * message, {@code convertBodyTo(String.class)}, a Kamelet's output). A share's passphrase is left out, so that
 * logging a body never shows it; read it with {@code Share.getPassphrase()} where it is needed.
 */
@Converter(generateLoader = true)
public final class FrameioSharesConverters {

    private static final ObjectMapper MAPPER = FrameioJson.newObjectMapper();

    private FrameioSharesConverters() {
    }

    /** The JSON of a Frame.io resource, without a share's passphrase. */
    @Converter
    public static String toJson(FrameioObject resource) {
        ObjectNode node = MAPPER.valueToTree(resource);
        node.remove("passphrase");
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Frame.io resource that Jackson cannot write: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON of a Frame.io resource as UTF-8 bytes. */
    @Converter
    public static byte[] toJsonBytes(FrameioObject resource) {
        return toJson(resource).getBytes(StandardCharsets.UTF_8);
    }

    /** The JSON of a Frame.io resource as a stream of UTF-8 bytes (what file and HTTP producers write). */
    @Converter
    public static InputStream toJsonStream(FrameioObject resource) {
        return new ByteArrayInputStream(toJsonBytes(resource));
    }
}
