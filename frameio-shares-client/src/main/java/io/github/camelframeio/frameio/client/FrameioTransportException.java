package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

/**
 * A Shares call got no usable answer: the connection was refused, reset or timed out, or the answer could not be
 * read. {@link #isMaybeProcessed()} tells whether Frame.io may have carried the request out anyway.
 */
public class FrameioTransportException extends FrameioException {

    private static final long serialVersionUID = 1L;

    private final SharesOperation operation;
    private final boolean maybeProcessed;

    private final boolean retryable;

    public FrameioTransportException(SharesOperation operation, String message, Throwable cause, boolean maybeProcessed) {
        this(operation, message, cause, maybeProcessed, true);
    }

    protected FrameioTransportException(SharesOperation operation, String message, Throwable cause, boolean maybeProcessed,
                                        boolean retryable) {
        super(message, cause);
        this.operation = operation;
        this.maybeProcessed = maybeProcessed;
        this.retryable = retryable;
    }

    /**
     * Classifies a connection failure: refused connections, connect and pool timeouts and unknown hosts never sent
     * the request; a failed TLS handshake did not either, but repeating it would not help; anything else (a reset, a
     * response timeout, a closed connection) may have been processed.
     */
    public static FrameioTransportException classify(SharesOperation operation, Throwable cause) {
        if (cause instanceof ResponseLimits.AnswerTooLarge tooLarge) {
            return new FrameioResponseTooLargeException(operation, tooLarge);
        }
        String type = cause.getClass().getName();
        if (type.equals("org.apache.hc.core5.http.MessageConstraintException")) {
            // a header line or header count over the limits: the answer came, but is not one Frame.io sends
            return new FrameioResponseTooLargeException(operation, cause);
        }
        boolean tls = cause instanceof javax.net.ssl.SSLHandshakeException;
        boolean notSent = tls || cause instanceof java.net.ConnectException
                          || cause instanceof java.net.UnknownHostException
                          || type.equals("org.apache.hc.client5.http.ConnectTimeoutException")
                          || type.equals("org.apache.hc.core5.http.ConnectionRequestTimeoutException")
                          || type.equals("org.apache.hc.core5.util.DeadlineTimeoutException");
        return new FrameioTransportException(operation, "Frame.io " + operation + " got no answer: " + cause
                + (notSent ? " (the request was not sent)" : " (the request may have been processed)"), cause, !notSent,
                !tls);
    }

    /** Whether repeating could help (false for a failed TLS handshake: a certificate problem stays). */
    public boolean isRetryable() {
        return retryable;
    }

    @Override
    public SharesOperation getOperation() {
        return operation;
    }

    /** Always 0: there was no usable answer. */
    @Override
    public int getStatusCode() {
        return 0;
    }

    @Override
    public String getDetail() {
        return getCause() == null ? getMessage() : getCause().toString();
    }

    /**
     * False only when the request provably never reached Frame.io (the connection was refused); true when it may
     * have been processed (a reset, a timeout, an unreadable answer).
     */
    public boolean isMaybeProcessed() {
        return maybeProcessed;
    }
}
