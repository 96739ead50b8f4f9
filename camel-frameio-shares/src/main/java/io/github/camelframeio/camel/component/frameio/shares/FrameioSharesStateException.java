package io.github.camelframeio.camel.component.frameio.shares;

import org.apache.camel.RuntimeCamelException;

import java.util.List;

/**
 * A consumer's state could not be read back whole, or not be written: keys missing or corrupt in the state
 * repository, or a repository that refuses writes. Names the store and the keys concerned. A consumer that meets it
 * fails its poll (so its readiness check reports it) rather than emit events it cannot vouch for; see the
 * {@code stateRecovery} option for what it does with state that was lost.
 */
public class FrameioSharesStateException extends RuntimeCamelException {

    private static final long serialVersionUID = 1L;

    private final String store;
    private final List<String> keys;

    public FrameioSharesStateException(String message, String store, List<String> keys, Throwable cause) {
        super(message, cause);
        this.store = store;
        this.keys = List.copyOf(keys);
    }

    /** The state repository: its class, and its file or directory when it has one. */
    public String getStore() {
        return store;
    }

    /** The state keys concerned. */
    public List<String> getKeys() {
        return keys;
    }
}
