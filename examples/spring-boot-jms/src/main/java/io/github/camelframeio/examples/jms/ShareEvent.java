package io.github.camelframeio.examples.jms;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.frameio.client.model.Share;

import org.apache.camel.Message;

import java.util.List;
import java.util.Locale;

/**
 * One change of one share, as published on the queue (JSON), e.g.
 * {@code {"type":"updated","shareId":"…","name":"Hero cut","shortUrl":"https://f.io/…","access":"public",
 * "changedFields":["name","updated_at"]}}.
 *
 * @param type          created, updated, viewed or deleted (and, when the consumer is asked for them, reviewersAdded,
 *                      reviewersRemoved, assetsAdded, assetsRemoved)
 * @param shareId       the share's id
 * @param name          the share's name (as last seen, for a deleted share)
 * @param shortUrl      the share link
 * @param access        public or secure
 * @param changedFields updated and viewed: Frame.io's names of the fields that changed; otherwise empty
 */
public record ShareEvent(String type, String shareId, String name, String shortUrl, String access,
        List<String> changedFields) {

    /** The event of a {@code shareChanges} exchange: the share in the body, what happened in the headers. */
    static ShareEvent of(Message message) {
        Share share = message.getBody(Share.class);
        List<?> changed = message.getHeader(FrameioSharesConstants.CHANGED_FIELDS, List.class);
        return new ShareEvent(message.getHeader(FrameioSharesConstants.EVENT_TYPE, String.class),
                message.getHeader(FrameioSharesConstants.SHARE_ID, String.class), share.getName(), share.getShortUrl(),
                share.getAccess() == null ? null : share.getAccess().name().toLowerCase(Locale.ROOT),
                changed == null ? List.of() : changed.stream().map(String::valueOf).toList());
    }

    /** The line a person reads. */
    public String notification() {
        String subject = "Share \"" + name + "\"";
        String what = switch (type) {
            case "created" -> " was created (" + access + ", " + shortUrl + ")";
            case "updated" -> " was updated: " + String.join(", ", changedFields);
            case "viewed" -> " was viewed";
            case "deleted" -> " was deleted";
            default -> ": " + type;
        };
        return subject + what + " [" + shareId + "]";
    }
}
