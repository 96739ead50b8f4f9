package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;

/**
 * Frame.io answered 409 Conflict: e.g. the asset is already in the share.
 */
public class FrameioConflictException extends FrameioApiException {

    private static final long serialVersionUID = 1L;

    public FrameioConflictException(SharesOperation operation, List<FrameioError> errors, String requestId, RateLimitInfo rateLimit) {
        super(operation, 409, errors, requestId, rateLimit, null);
    }
}
