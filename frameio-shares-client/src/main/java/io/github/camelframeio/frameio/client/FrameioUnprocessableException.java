package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.FrameioError;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.List;

/**
 * Frame.io answered 422 Unprocessable Content: the request breaks a rule of the schema; the errors name the fields.
 */
public class FrameioUnprocessableException extends FrameioApiException {

    private static final long serialVersionUID = 1L;

    public FrameioUnprocessableException(SharesOperation operation, List<FrameioError> errors, String requestId, RateLimitInfo rateLimit) {
        super(operation, 422, errors, requestId, rateLimit, null);
    }
}
