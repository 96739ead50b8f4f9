package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;

/**
 * Frame.io answered 404 Not Found: the account, project, share or asset does not exist (or the user cannot see it).
 */
public class FrameioNotFoundException extends FrameioApiException {

    private static final long serialVersionUID = 1L;

    public FrameioNotFoundException(SharesOperation operation, List<FrameioError> errors, String requestId, RateLimitInfo rateLimit) {
        super(operation, 404, errors, requestId, rateLimit, null);
    }
}
