package io.github.camelframeio.frameio.contract;

/**
 * What a client may do after an attempt whose outcome it does not know (a reset connection, a timeout, a 5xx):
 * whether the call may be sent again, and how the answer to the repeat is read.
 */
public enum Reconciliation {

    /** Repeating cannot do harm (reads, update, remove reviewers): send it again, its answer is the answer. */
    REPEAT(true, 0),

    /**
     * Repeating cannot do harm, and a 404 to the repeat means the first attempt did it (delete share, remove an
     * asset): report success.
     */
    REPEAT_NOT_FOUND_MEANS_DONE(true, 404),

    /** Repeating cannot do harm, and a 409 to the repeat means the first attempt did it (add an asset). */
    REPEAT_CONFLICT_MEANS_DONE(true, 409),

    /**
     * Never repeated: a repeat could make a second one (create share). The client looks for what the attempt made
     * and reports it only when it can prove the attempt made it; otherwise the outcome is unknown.
     */
    LOOK_UP_CREATED(false, 0),

    /**
     * Never repeated and not looked up (add reviewers: a repeat e-mails everyone again, and nothing tells a new
     * invitation from an old one): the outcome is reported as unknown.
     */
    OUTCOME_UNKNOWN(false, 0);

    private final boolean repeatSafe;
    private final int doneStatus;

    Reconciliation(boolean repeatSafe, int doneStatus) {
        this.repeatSafe = repeatSafe;
        this.doneStatus = doneStatus;
    }

    /** Whether the call may be sent again after an attempt whose outcome is unknown. */
    public boolean isRepeatSafe() {
        return repeatSafe;
    }

    /**
     * The status that, answered to a repeat after an attempt whose outcome was unknown, means the first attempt did
     * it; 0 when there is none.
     */
    public int doneStatus() {
        return doneStatus;
    }
}
