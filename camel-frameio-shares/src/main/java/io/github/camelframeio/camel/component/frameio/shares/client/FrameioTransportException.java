package io.github.camelframeio.camel.component.frameio.shares.client;

/**
 * A Shares call got no usable answer: the connection was refused, reset or timed out, or the answer could not be
 * read. {@link #isMaybeProcessed()} tells whether Frame.io may have carried the request out anyway.
 */
public class FrameioTransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final SharesOperation operation;
    private final boolean maybeProcessed;

    public FrameioTransportException(SharesOperation operation, String message, Throwable cause, boolean maybeProcessed) {
        super(message, cause);
        this.operation = operation;
        this.maybeProcessed = maybeProcessed;
    }

    public SharesOperation getOperation() {
        return operation;
    }

    /**
     * False only when the request provably never reached Frame.io (the connection was refused); true when it may
     * have been processed (a reset, a timeout, an unreadable answer).
     */
    public boolean isMaybeProcessed() {
        return maybeProcessed;
    }
}
