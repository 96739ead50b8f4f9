package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

/**
 * A successful answer: the typed body and what the transport knew about it.
 *
 * @param <T>        the body type
 * @param operation  the operation called
 * @param statusCode the HTTP status (201 for create, 204 for answers without a body, else 200)
 * @param body       the typed body; null for 204
 * @param rateLimit  the budget Frame.io reported, or null when it sent none (204 answers)
 * @param requestId  Frame.io's {@code x-request-id}, or null
 */
public record FrameioResponse<T>(SharesOperation operation, int statusCode, T body, RateLimitInfo rateLimit,
        String requestId) {
}
