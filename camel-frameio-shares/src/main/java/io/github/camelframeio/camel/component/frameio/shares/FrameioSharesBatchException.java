package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioBatchException;

/**
 * One call of a multi-call exchange (several assets, or reviewers in batches of 10) failed after others had
 * succeeded: the SDK's {@link FrameioBatchException}, under the component's name so that
 * {@code onException(FrameioSharesBatchException.class)} keeps matching. Names what was done, what failed and what
 * was not attempted; the cause is the Frame.io exception, so {@code onException(FrameioNotFoundException.class)}
 * still matches.
 */
public class FrameioSharesBatchException extends FrameioBatchException {

    private static final long serialVersionUID = 1L;

    public FrameioSharesBatchException(FrameioBatchException failure) {
        super(failure);
    }
}
