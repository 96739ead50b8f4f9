package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;

/**
 * Frame.io answered 429 Too Many Requests: the rate limit of the operation is spent.
 */
public class FrameioRateLimitException extends FrameioApiException {

    private static final long serialVersionUID = 1L;

    public FrameioRateLimitException(SharesOperation operation, List<FrameioError> errors, String requestId, RateLimitInfo rateLimit) {
        super(operation, 429, errors, requestId, rateLimit, null);
    }
}
