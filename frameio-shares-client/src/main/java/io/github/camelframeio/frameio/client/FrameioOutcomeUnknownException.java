package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

/**
 * A call that must not be repeated blindly (create share, add reviewers) failed in a way that leaves open whether
 * Frame.io carried it out (a 5xx answer, a reset connection, a timeout), and looking the result up did not settle
 * it. Check Frame.io before sending it again. The cause is the failure, with its status and detail.
 */
public class FrameioOutcomeUnknownException extends FrameioException {

    private static final long serialVersionUID = 1L;

    private final SharesOperation operation;
    private final FrameioException failure;

    public FrameioOutcomeUnknownException(SharesOperation operation, FrameioException failure, String lookedUp) {
        super("Frame.io " + operation + " may or may not have been carried out: " + failure.getMessage()
              + ". It is not repeated automatically, because repeating it could " + (operation == SharesOperation.CREATE_SHARE
                        ? "create the share twice" : "notify the reviewers twice")
              + (lookedUp == null ? "" : "; " + lookedUp) + ". Check Frame.io before sending it again", failure);
        this.operation = operation;
        this.failure = failure;
    }

    @Override
    public SharesOperation getOperation() {
        return operation;
    }

    /** The status of the failed attempt (0 when it got no answer). */
    @Override
    public int getStatusCode() {
        return failure.getStatusCode();
    }

    @Override
    public String getDetail() {
        return failure.getDetail();
    }
}
