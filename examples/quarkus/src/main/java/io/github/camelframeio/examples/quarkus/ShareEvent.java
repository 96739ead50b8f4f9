package io.github.camelframeio.examples.quarkus;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelframeio.frameio.client.model.Share;

import java.time.Instant;
import java.util.List;

/**
 * One event of the {@code shareChanges} consumer, as {@code GET /shares/events} shows it.
 *
 * @param type          created, updated, viewed, deleted, ... (header {@code CamelFrameioSharesEventType})
 * @param shareId       the share the event is about
 * @param changedFields for updated and viewed events, the Frame.io fields that changed; otherwise empty
 * @param share         the share as it is now (as it was last seen, for a deleted one)
 * @param receivedAt    when the route received the event
 */
public record ShareEvent(
        @JsonProperty("type") String type,
        @JsonProperty("share_id") String shareId,
        @JsonProperty("changed_fields") List<String> changedFields,
        @JsonProperty("share") Share share,
        @JsonProperty("received_at") Instant receivedAt) {
}
