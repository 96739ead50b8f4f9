package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;

/**
 * Frame.io answered 401 Unauthorized: the token is missing, invalid or expired, or cannot use Frame.io V4.
 */
public class FrameioUnauthorizedException extends FrameioApiException {

    private static final long serialVersionUID = 1L;

    public FrameioUnauthorizedException(SharesOperation operation, List<FrameioError> errors, String requestId, RateLimitInfo rateLimit) {
        super(operation, 401, errors, requestId, rateLimit, "A 401 after a fresh token usually means: a server-to-server credential without the frame.s2s.all scope, an Adobe ID not linked to a Frame.io V4 account, or an organisation without Frame.io V4 in the Adobe Admin Console");
    }
}
