package io.github.camelframeio.examples.quarkus;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.frameio.client.model.Share;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import org.apache.camel.Body;
import org.apache.camel.Header;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The most recent share events, oldest first: what the {@code share-changes} route received, kept in memory for
 * {@code GET /shares/events}. A real application would notify people or update another system here instead.
 */
@ApplicationScoped
@Named("shareEvents")
public class ShareEvents {

    /** How many events are kept; older ones are dropped. */
    static final int CAPACITY = 100;

    private final Deque<ShareEvent> events = new ArrayDeque<>();

    /** Called by the {@code share-changes} route with each event of the consumer. */
    public synchronized void record(@Header(FrameioSharesConstants.EVENT_TYPE) String type,
                                    @Header(FrameioSharesConstants.SHARE_ID) String shareId,
                                    @Header(FrameioSharesConstants.CHANGED_FIELDS) List<String> changedFields,
                                    @Body Share share) {
        if (events.size() == CAPACITY) {
            events.removeFirst();
        }
        events.addLast(new ShareEvent(type, shareId, changedFields == null ? List.of() : List.copyOf(changedFields),
                share, Instant.now()));
    }

    /** The events kept, oldest first. */
    public synchronized List<ShareEvent> recent() {
        return List.copyOf(events);
    }
}
