package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;

/**
 * Frame.io answered 400 Bad Request: a malformed request, parameter or body.
 */
public class FrameioBadRequestException extends FrameioApiException {

    private static final long serialVersionUID = 1L;

    public FrameioBadRequestException(SharesOperation operation, List<FrameioError> errors, String requestId, RateLimitInfo rateLimit) {
        super(operation, 400, errors, requestId, rateLimit, null);
    }
}
