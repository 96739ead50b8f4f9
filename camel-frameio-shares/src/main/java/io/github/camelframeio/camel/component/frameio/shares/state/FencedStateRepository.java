package io.github.camelframeio.camel.component.frameio.shares.state;

import org.apache.camel.spi.StateRepository;

/**
 * A {@link StateRepository} shared by several processes that can fence writers: a consumer claims its state scope
 * (its stateKey prefix) when it starts, which makes every earlier claim of that scope stale, and writes through the
 * {@link StateClaim} it gets back; a write through a stale claim is refused with a
 * {@link io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateFencedException}. So an old leader
 * that was paused or cut off cannot overwrite the state its successor wrote.
 */
public interface FencedStateRepository extends StateRepository<String, String> {

    /**
     * Claims the scope: the keys equal to {@code scope} or starting with {@code scope + "."}. Every earlier claim of
     * the scope, in this process or another, is stale from now on. The repository must be started.
     */
    StateClaim claim(String scope);
}
