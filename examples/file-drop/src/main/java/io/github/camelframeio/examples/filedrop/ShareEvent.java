package io.github.camelframeio.examples.filedrop;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareReviewer;

import org.apache.camel.Body;
import org.apache.camel.Header;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One exchange of the {@code shareChanges} consumer as a file: what happened, to which share, what changed, and
 * the share itself.
 *
 * @param event         created, updated, viewed, deleted, reviewersAdded, reviewersRemoved, assetsAdded or
 *                      assetsRemoved
 * @param shareId       the share's id
 * @param changedFields updated and viewed: the fields that changed
 * @param changedItems  reviewer and asset events: the reviewers or assets
 * @param share         the share as it is now (deleted: as last seen)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ShareEvent(
        @JsonProperty("event") String event,
        @JsonProperty("share_id") String shareId,
        @JsonProperty("changed_fields") List<String> changedFields,
        @JsonProperty("changed_items") List<Object> changedItems,
        @JsonProperty("share") Share share) {

    /** The event of a shareChanges exchange (called by the route, with Camel's parameter binding). */
    public static ShareEvent of(@Header(FrameioSharesConstants.EVENT_TYPE) String event,
                                @Header(FrameioSharesConstants.SHARE_ID) String shareId,
                                @Header(FrameioSharesConstants.CHANGED_FIELDS) List<String> changedFields,
                                @Header(FrameioSharesConstants.CHANGED_ITEMS) List<Object> changedItems,
                                @Body Share share) {
        return new ShareEvent(event, shareId, changedFields, changedItems, share);
    }

    /** One readable line, e.g. {@code updated 'Hero cut' https://f.io/AbC123xy: name, updated_at}. */
    public String summary() {
        StringBuilder line = new StringBuilder(String.format("%-15s '%s' %s", event, share.getName(), share.getShortUrl()));
        if (changedFields != null) {
            line.append(": ").append(String.join(", ", changedFields));
        } else if (changedItems != null) {
            line.append(": ").append(changedItems.stream().map(ShareEvent::describe).collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static String describe(Object item) {
        if (item instanceof ShareReviewer reviewer) {
            return reviewer.getEmail() != null ? reviewer.getEmail() : reviewer.getId();
        }
        if (item instanceof ShareAsset asset) {
            return asset.getName() != null ? asset.getName() : asset.getId();
        }
        return String.valueOf(item);
    }
}
