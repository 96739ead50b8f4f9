package io.github.camelframeio.camel.component.frameio.shares;

import java.util.List;

/**
 * A state write was refused because another replica has claimed the consumer's state since this one did: this
 * replica lost its leadership (it was paused, partitioned, or its lease ran out) and must not overwrite what the new
 * leader wrote. A consumer that meets it fails its poll, reports DOWN and emits nothing more until it is started
 * again (when it leads again, under {@code master:}).
 */
public class FrameioSharesStateFencedException extends FrameioSharesStateException {

    private static final long serialVersionUID = 1L;

    private final String scope;
    private final long epoch;
    private final long currentEpoch;

    public FrameioSharesStateFencedException(String store, String scope, String key, long epoch, long currentEpoch) {
        super("Writing the state key '" + key + "' to " + store + " was refused: the state '" + scope + "' was"
              + " claimed by another consumer (epoch " + currentEpoch + ") after this one claimed it (epoch " + epoch
              + "). This consumer is no longer the leader: it emits nothing more until it is started again",
                store, List.of(key), null);
        this.scope = scope;
        this.epoch = epoch;
        this.currentEpoch = currentEpoch;
    }

    /** The state scope (the consumer's stateKey prefix) that was claimed by someone else. */
    public String getScope() {
        return scope;
    }

    /** The epoch this consumer claimed. */
    public long getEpoch() {
        return epoch;
    }

    /** The epoch the store holds now (a later claim), or -1 when the scope's claim is gone. */
    public long getCurrentEpoch() {
        return currentEpoch;
    }
}
