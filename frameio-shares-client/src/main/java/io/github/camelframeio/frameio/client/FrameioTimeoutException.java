package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

import java.time.Duration;

/**
 * A call ran out of its overall time ({@link RetryPolicy#overallTimeout()}), retries included: the request in flight
 * (a silent server, an answer that drips) was aborted and its connection closed. {@link #isMaybeProcessed()} tells
 * whether a request had gone out; calls that must not be repeated blindly fail as
 * {@link FrameioOutcomeUnknownException} with this as the cause instead.
 */
public class FrameioTimeoutException extends FrameioTransportException {

    private static final long serialVersionUID = 1L;

    private final Duration overallTimeout;

    FrameioTimeoutException(SharesOperation operation, Duration overallTimeout, int attempts, boolean sent) {
        super(operation, "Frame.io " + operation + " did not complete within the overallTimeout of "
                         + overallTimeout.toMillis() + " ms (" + attempts + (attempts == 1 ? " attempt" : " attempts")
                         + (sent ? "; the request may have been processed)" : "; no request was sent)"),
                null, sent, false);
        this.overallTimeout = overallTimeout;
    }

    /** The time the call had. */
    public Duration getOverallTimeout() {
        return overallTimeout;
    }

    @Override
    public String getDetail() {
        return getMessage();
    }
}
