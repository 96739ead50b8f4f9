package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.contract.SharesOperation;

/**
 * The operations of the frameio-shares endpoint ({@code frameio-shares:<operation>}): twelve producer operations,
 * one per Frame.io Shares call, and two consumer operations ({@link #shareChanges}, {@link #shareActivity}).
 */
public enum FrameioSharesOperation {

    /** List the shares of a project. */
    listShares(SharesOperation.LIST_SHARES),
    /** Read one share. */
    getShare(SharesOperation.SHOW_SHARE),
    /** Create a share in a project. */
    createShare(SharesOperation.CREATE_SHARE),
    /** Change a share's settings. */
    updateShare(SharesOperation.UPDATE_SHARE),
    /** Delete a share. */
    deleteShare(SharesOperation.DELETE_SHARE),
    /** Add one or more assets to a share (one call each). */
    addAsset(SharesOperation.ADD_ASSET),
    /** Remove one or more assets from a share (one call each). */
    removeAsset(SharesOperation.REMOVE_ASSET),
    /** List the assets of a share, recursively flat. */
    listShareAssets(SharesOperation.LIST_SHARE_ASSETS),
    /** Add reviewers to a share (batched by 10). */
    addReviewers(SharesOperation.ADD_REVIEWERS),
    /** List the reviewers of a share. */
    listReviewers(SharesOperation.LIST_REVIEWERS),
    /** Remove reviewers from a share (batched by 10). */
    removeReviewers(SharesOperation.REMOVE_REVIEWERS),
    /** List the activity of a share, newest first. */
    listShareActivities(SharesOperation.LIST_SHARE_ACTIVITIES),
    /** Consumer: one exchange per change of a project's shares (created, updated, viewed, deleted, ...). */
    shareChanges(null),
    /** Consumer: one exchange per new item of the activity feed of one share or of every share of a project. */
    shareActivity(null);

    private final SharesOperation apiOperation;

    FrameioSharesOperation(SharesOperation apiOperation) {
        this.apiOperation = apiOperation;
    }

    /** The Frame.io API operation behind a producer operation; null for the consumer operations. */
    public SharesOperation apiOperation() {
        return apiOperation;
    }

    /** Whether this is an operation of {@code from(...)} rather than {@code to(...)}. */
    public boolean isConsumer() {
        return apiOperation == null;
    }
}
