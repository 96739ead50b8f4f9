package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.frameio.client.model.FrameioObject;

import org.apache.camel.Converter;
import org.apache.camel.Exchange;
import org.apache.camel.spi.TypeConverterRegistry;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Type converters from the component's models to JSON, Frame.io's own field names: a Share, ShareReviewer,
 * ShareAsset or ShareActivity body, or a list of them, becomes JSON wherever a route needs text or bytes (a file, a
 * JMS or Kafka message, {@code convertBodyTo(String.class)}, a Kamelet's output). A share's passphrase is left out,
 * so that logging a body never shows it; read it with {@code Share.getPassphrase()} where it is needed.
 * <p>
 * The models' own annotations decide what is written (timestamps as Frame.io writes them, no null fields, no
 * passphrase), so this is the same JSON as {@code marshal().json()} or any ObjectMapper gives.
 */
@Converter(generateLoader = true)
public final class FrameioSharesConverters {

    private static final ObjectMapper MAPPER = FrameioJson.newObjectMapper();

    private FrameioSharesConverters() {
    }

    /** The JSON of a Frame.io resource, without a share's passphrase. */
    @Converter
    public static String toJson(FrameioObject resource) {
        return write(resource);
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

    /**
     * A list of Frame.io resources (the body of listShares, listShareAssets, listReviewers, listShareActivities) as a
     * JSON array, to a String, bytes or a stream. A fallback converter, since a converter from List would take every
     * list of a route: anything but a non-empty list of resources is left to the other converters (null).
     */
    @Converter(fallback = true)
    public static Object listToJson(Class<?> type, Exchange exchange, Object value, TypeConverterRegistry registry) {
        if (!(value instanceof List<?> list) || list.isEmpty() || !list.stream().allMatch(FrameioObject.class::isInstance)
            || type != String.class && type != byte[].class && type != InputStream.class) {
            return null;
        }
        String json = write(list);
        if (type == String.class) {
            return json;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return type == byte[].class ? bytes : new ByteArrayInputStream(bytes);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Frame.io resource that Jackson cannot write: " + e.getOriginalMessage(), e);
        }
    }
}
