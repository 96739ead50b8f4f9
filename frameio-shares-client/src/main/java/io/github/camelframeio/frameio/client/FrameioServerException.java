package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;

/**
 * Frame.io (or something in front of it) answered with a 5xx status.
 */
public class FrameioServerException extends FrameioApiException {

    private static final long serialVersionUID = 1L;

    public FrameioServerException(SharesOperation operation, int status, List<FrameioError> errors, String requestId,
                                  RateLimitInfo rateLimit) {
        super(operation, status, errors, requestId, rateLimit, null);
    }
}
