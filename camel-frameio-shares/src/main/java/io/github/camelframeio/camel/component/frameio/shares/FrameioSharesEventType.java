package io.github.camelframeio.camel.component.frameio.shares;

/**
 * The events of the {@code shareChanges} consumer, the value of the CamelFrameioSharesEventType header. The
 * {@code shareActivity} consumer sets that header to the activity's own type instead ({@code share_viewed},
 * {@code asset_viewed}, {@code asset_downloaded}, {@code comment_created}).
 */
public enum FrameioSharesEventType {

    /** A share appeared in the project (body: the share). */
    created,
    /**
     * Settings of a share changed (body: the share as it is now; CamelFrameioSharesChangedFields: the fields that
     * changed, with {@code updated_at} when it moved).
     */
    updated,
    /**
     * Someone opened the share: only {@code last_viewed_at} changed, perhaps with {@code updated_at} (body: the
     * share as it is now; CamelFrameioSharesChangedFields says which).
     */
    viewed,
    /** A share is gone (body: the share as it was last seen, without its passphrase). */
    deleted,
    /** Opt-in (reviewerChanges): people were added to a secure share (CamelFrameioSharesChangedItems: them). */
    reviewersAdded,
    /** Opt-in (reviewerChanges): people were removed from a secure share (CamelFrameioSharesChangedItems: them). */
    reviewersRemoved,
    /** Opt-in (assetChanges): assets were added to a share (CamelFrameioSharesChangedItems: them). */
    assetsAdded,
    /** Opt-in (assetChanges): assets were removed from a share (CamelFrameioSharesChangedItems: their ids). */
    assetsRemoved
}
