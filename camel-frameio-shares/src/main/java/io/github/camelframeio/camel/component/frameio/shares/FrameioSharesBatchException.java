package io.github.camelframeio.camel.component.frameio.shares;

import java.util.List;

/**
 * One call of a multi-call exchange (several assets, or reviewers in batches of 10) failed after others had
 * succeeded. Names what was done, what failed and what was not attempted; the cause is the Frame.io exception, so
 * {@code onException(FrameioNotFoundException.class)} still matches.
 */
public class FrameioSharesBatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> completed;
    private final String failed;
    private final transient List<String> notAttempted;

    public FrameioSharesBatchException(String what, List<String> completed, String failed, List<String> notAttempted,
                                       Throwable cause) {
        super(what + " stopped at " + failed + ": " + cause.getMessage() + ". Done: " + completed + "; not attempted: "
              + notAttempted, cause);
        this.completed = List.copyOf(completed);
        this.failed = failed;
        this.notAttempted = List.copyOf(notAttempted);
    }

    /** The assets or reviewer batches that were changed before the failure. */
    public List<String> getCompleted() {
        return completed;
    }

    /** The asset or reviewer batch whose call failed. */
    public String getFailed() {
        return failed;
    }

    /** The assets or reviewer batches not attempted. */
    public List<String> getNotAttempted() {
        return notAttempted;
    }
}
