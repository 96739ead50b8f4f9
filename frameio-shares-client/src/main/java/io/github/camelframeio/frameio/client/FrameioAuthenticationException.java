package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

/**
 * Adobe IMS refused to issue an access token (wrong client id or secret, a used or expired refresh token, ...) or
 * could not be reached. Carries IMS's error code, never a secret.
 */
public class FrameioAuthenticationException extends FrameioException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String error;

    public FrameioAuthenticationException(int statusCode, String error, String message) {
        super(message, null);
        this.statusCode = statusCode;
        this.error = error;
    }

    public FrameioAuthenticationException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
        this.error = null;
    }

    /** The IMS answer's status, 0 when IMS was not reached. */
    @Override
    public int getStatusCode() {
        return statusCode;
    }

    /** Null: the failure was obtaining a token, before any Shares call. */
    @Override
    public SharesOperation getOperation() {
        return null;
    }

    @Override
    public String getDetail() {
        return error != null ? error : getMessage();
    }

    /** IMS's error code, e.g. {@code invalid_grant}; may be null. */
    public String getError() {
        return error;
    }
}
