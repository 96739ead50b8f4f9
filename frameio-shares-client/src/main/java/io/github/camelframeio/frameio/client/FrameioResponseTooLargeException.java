package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

/**
 * An answer was over the client's {@link ResponseLimits} (its body, a header line or the number of headers) and
 * was cut off: no Frame.io answer is that large, so it is not repeated. The request did reach the server, so a
 * write may have been carried out ({@link #isMaybeProcessed()}). The connection it came on is closed; the next call
 * is unaffected.
 */
public class FrameioResponseTooLargeException extends FrameioTransportException {

    private static final long serialVersionUID = 1L;

    private final int answerStatus;

    FrameioResponseTooLargeException(SharesOperation operation, ResponseLimits.AnswerTooLarge cause) {
        super(operation, "Frame.io " + operation + " answered " + cause.status() + " but " + cause.getMessage(), cause,
                true, false);
        this.answerStatus = cause.status();
    }

    FrameioResponseTooLargeException(SharesOperation operation, Throwable headerLimit) {
        super(operation, "Frame.io " + operation + " answered with headers over the limits (maxHeaderSize): "
                         + headerLimit.getMessage(), headerLimit, true, false);
        this.answerStatus = 0;
    }

    /** The status of the answer that was cut off (0 when its headers were). */
    public int getAnswerStatus() {
        return answerStatus;
    }
}
