package io.github.camelframeio.frameio.simulator.state;

/**
 * Told of every share change that Frame.io announces to webhooks, right after the change is made: the state is
 * still locked, so the events of one share arrive in the order of its changes. A listener only queues the event.
 */
@FunctionalInterface
public interface ShareEvents {

    /** Nobody listens. */
    ShareEvents NONE = (type, share, userId) -> { };

    /**
     * @param type   {@code share.created}, {@code share.updated}, {@code share.deleted} or {@code share.viewed}
     * @param share  the share after the change (before it, for a deletion)
     * @param userId who made the change: the caller of the API, a web-app user or a viewer
     */
    void changed(String type, StoredShare share, String userId);
}
