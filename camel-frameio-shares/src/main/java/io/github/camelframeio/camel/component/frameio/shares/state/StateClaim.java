package io.github.camelframeio.camel.component.frameio.shares.state;

import org.apache.camel.spi.StateRepository;

import java.util.Map;

/**
 * The keys of one state scope as seen by the claim that holds it (see {@link FencedStateRepository#claim}): reads
 * are plain reads, writes succeed only while no later claim of the scope exists. Starting and stopping it does
 * nothing: it lives as long as its repository.
 */
public interface StateClaim extends StateRepository<String, String> {

    /** The scope claimed: the stateKey prefix. */
    String scope();

    /** The epoch of this claim: one more than the claim before it. */
    long epoch();

    /** Every key of the scope and its value, read at once (a start reads them all). */
    Map<String, String> readScope();

    @Override
    default void start() {
    }

    @Override
    default void stop() {
    }
}
