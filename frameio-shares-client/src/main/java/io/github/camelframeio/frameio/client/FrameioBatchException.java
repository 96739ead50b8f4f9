package io.github.camelframeio.frameio.client;

import java.util.List;

/**
 * One call of a multi-call request (several assets, or reviewers in batches of 10) failed after others had
 * succeeded. Names what was done, what failed and what was not attempted; the cause is the failed call's own
 * exception (a {@link FrameioApiException} with its status, or a transport failure), and the answers of the calls
 * that succeeded are kept.
 */
public class FrameioBatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> completed;
    private final String failed;
    private final transient List<String> notAttempted;
    private final transient List<FrameioResponse<?>> completedResponses;

    public FrameioBatchException(String what, List<String> completed, String failed, List<String> notAttempted,
                                 List<? extends FrameioResponse<?>> completedResponses, Throwable cause) {
        super(what + " stopped at " + failed + ": " + cause.getMessage() + ". Done: " + completed + "; not attempted: "
              + notAttempted, cause);
        this.completed = List.copyOf(completed);
        this.failed = failed;
        this.notAttempted = List.copyOf(notAttempted);
        this.completedResponses = List.copyOf(completedResponses);
    }

    /** A copy of another batch failure (for adapters that rethrow it as their own type). */
    protected FrameioBatchException(FrameioBatchException other) {
        super(other.getMessage(), other.getCause());
        this.completed = other.completed;
        this.failed = other.failed;
        this.notAttempted = other.notAttempted;
        this.completedResponses = other.completedResponses;
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

    /** The answers of the calls that succeeded, in order. */
    public List<FrameioResponse<?>> getCompletedResponses() {
        return completedResponses;
    }
}
