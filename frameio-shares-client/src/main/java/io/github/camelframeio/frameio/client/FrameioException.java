package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

/**
 * Any failure of a Frame.io call after it was accepted for sending: an error answer, no usable answer, an outcome
 * that cannot be known, or a token Adobe IMS refused. Every one carries the operation, the HTTP status (0 when
 * there was no answer) and a detail; none carries a token, secret or request body.
 */
public abstract class FrameioException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected FrameioException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The operation that failed; null for a token request. */
    public abstract SharesOperation getOperation();

    /** The HTTP status of the answer, or 0 when there was none (connection refused, reset, timed out). */
    public abstract int getStatusCode();

    /** Frame.io's first error detail, or what went wrong on the way. */
    public abstract String getDetail();
}
