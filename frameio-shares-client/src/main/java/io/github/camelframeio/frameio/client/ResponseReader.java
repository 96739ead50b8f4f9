package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.model.FrameioError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an answer as received into the call's typed answer, or into the typed exception of its status with
 * Frame.io's details, request id and rate-limit headers.
 */
final class ResponseReader {

    private static final int EXCERPT = 200;

    private final ObjectMapper mapper;

    ResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    <T> FrameioResponse<T> read(SharesCall<T> call, FrameioTransport.RawResponse raw) {
        RateLimitInfo rateLimit = RateLimitInfo.fromHeaders(raw.header("x-ratelimit-limit"),
                raw.header("x-ratelimit-remaining"), raw.header("x-ratelimit-window")).orElse(null);
        String requestId = raw.header("x-request-id");
        if (raw.status() >= 200 && raw.status() < 300) {
            T body = null;
            if (raw.body().length > 0 || call.operation().hasResponseBody()) {
                try {
                    body = call.read(mapper, raw.body());
                } catch (IOException | RuntimeException e) {
                    throw new FrameioTransportException(call.operation(), "Frame.io answered " + call.operation()
                            + " with " + raw.status() + " and a body that is not the expected JSON: " + e.getMessage(),
                            e, true);
                }
            }
            return new FrameioResponse<>(call.operation(), raw.status(), body, rateLimit, requestId);
        }
        throw FrameioApiException.of(call.operation(), raw.status(), errors(raw), requestId, rateLimit)
                .withRetryAfter(raw.header("retry-after"), System.currentTimeMillis());
    }

    /** Frame.io's {@code errors}, or a short single-line excerpt of a body that is not JSON (a gateway's page). */
    private List<FrameioError> errors(FrameioTransport.RawResponse raw) {
        List<FrameioError> errors = new ArrayList<>();
        try {
            for (JsonNode e : mapper.readTree(raw.body()).path("errors")) {
                errors.add(new FrameioError(e.path("detail").asText(""), e.path("source").path("pointer").asText(null),
                        e.path("title").asText(null)));
            }
        } catch (IOException e) {
            // not JSON: the excerpt below
        }
        if (errors.isEmpty() && raw.body().length > 0) {
            String text = new String(raw.body(), StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
            errors.add(new FrameioError(text.length() > EXCERPT ? text.substring(0, EXCERPT) + "..." : text, null, null));
        }
        return errors;
    }
}
