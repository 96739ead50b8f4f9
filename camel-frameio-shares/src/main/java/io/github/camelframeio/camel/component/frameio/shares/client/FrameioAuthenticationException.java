package io.github.camelframeio.camel.component.frameio.shares.client;

/**
 * Adobe IMS refused to issue an access token (wrong client id or secret, a used or expired refresh token, ...) or
 * could not be reached. Carries IMS's error code, never a secret.
 */
public class FrameioAuthenticationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String error;

    public FrameioAuthenticationException(int statusCode, String error, String message) {
        super(message);
        this.statusCode = statusCode;
        this.error = error;
    }

    public FrameioAuthenticationException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = 0;
        this.error = null;
    }

    /** The IMS answer's status, 0 when IMS was not reached. */
    public int getStatusCode() {
        return statusCode;
    }

    /** IMS's error code, e.g. {@code invalid_grant}; may be null. */
    public String getError() {
        return error;
    }
}
