package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.StreamReadFeature;

import io.github.camelframeio.frameio.simulator.http.HttpResponse;

import java.io.IOException;
import java.util.List;

/**
 * JSON reading and writing shared by every simulator endpoint.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Parses a request body; a malformed one is a 400, as Frame.io's parser answers. */
    public static JsonNode parseBody(byte[] body) {
        if (body.length == 0) {
            throw ApiException.badRequest("Request body is empty; a JSON object is required");
        }
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw ApiException.badRequest("Malformed JSON in request body");
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse response(int status, JsonNode node) {
        return HttpResponse.json(status, bytes(node));
    }

    /** {@code {"data": node}} */
    public static ObjectNode data(JsonNode node) {
        ObjectNode envelope = object();
        envelope.set("data", node);
        return envelope;
    }

    public static ObjectNode errorBody(List<ApiException.Error> errors) {
        ObjectNode body = object();
        ArrayNode array = body.putArray("errors");
        for (ApiException.Error error : errors) {
            ObjectNode e = array.addObject();
            e.put("detail", error.detail());
            if (error.pointer() != null) {
                e.putObject("source").put("pointer", error.pointer());
            }
            if (error.title() != null) {
                e.put("title", error.title());
            }
        }
        return body;
    }

    public static HttpResponse error(ApiException e) {
        return response(e.status(), errorBody(e.errors()));
    }
}
