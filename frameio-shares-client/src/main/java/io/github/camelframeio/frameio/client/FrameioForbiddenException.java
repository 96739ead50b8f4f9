package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;

/**
 * Frame.io answered 403 Forbidden: the user lacks permission (also answered when the account is locked, or a feature is not in the plan).
 */
public class FrameioForbiddenException extends FrameioApiException {

    private static final long serialVersionUID = 1L;

    public FrameioForbiddenException(SharesOperation operation, List<FrameioError> errors, String requestId, RateLimitInfo rateLimit) {
        super(operation, 403, errors, requestId, rateLimit, null);
    }
}
