package io.github.camelframeio.camel.component.frameio.shares;

import org.apache.camel.spi.Metadata;

/**
 * Message headers of the frameio-shares component. Input headers override the endpoint's options for one exchange;
 * output headers describe the result.
 */
public final class FrameioSharesConstants {

    @Metadata(label = "producer", description = "The operation to perform, overriding the endpoint's operation for"
                                                + " this exchange, e.g. getShare (the enum or its name).",
              javaType = "io.github.camelframeio.camel.component.frameio.shares.FrameioSharesOperation")
    public static final String OPERATION = "CamelFrameioSharesOperation";

    @Metadata(label = "producer", description = "The Frame.io account id, overriding the accountId option.",
              javaType = "String")
    public static final String ACCOUNT_ID = "CamelFrameioSharesAccountId";

    @Metadata(label = "producer", description = "The project id, overriding the projectId option (listShares,"
                                                + " createShare).", javaType = "String")
    public static final String PROJECT_ID = "CamelFrameioSharesProjectId";

    @Metadata(description = "Producer in: the share to act on, overriding the shareId option. Producer out: the id of"
                            + " the share that was created, read, updated or deleted. Consumer: the share the event is"
                            + " about.", javaType = "String")
    public static final String SHARE_ID = "CamelFrameioSharesShareId";

    @Metadata(label = "producer", description = "The asset to add or remove, overriding the assetId option.",
              javaType = "String")
    public static final String ASSET_ID = "CamelFrameioSharesAssetId";

    @Metadata(label = "producer", description = "In: several assets to add or remove in one exchange (a List or a"
                                                + " comma-separated String), one call each. Out: the assets that were"
                                                + " added or removed, also when a later one failed.",
              javaType = "java.util.List<String>")
    public static final String ASSET_IDS = "CamelFrameioSharesAssetIds";

    @Metadata(label = "producer", description = "Reviewers to add or remove (a List or a comma-separated String of"
                                                + " e-mails, user ids or Adobe user ids), instead of the body. Batched"
                                                + " into calls of at most 10 of one type.",
              javaType = "java.util.List<String>")
    public static final String REVIEWERS = "CamelFrameioSharesReviewers";

    @Metadata(label = "producer", description = "How the reviewers are named: emails, user_ids, adobe_user_ids or"
                                                + " share_list_ids, overriding the reviewerType option (by default the"
                                                + " type is recognised from each identifier).", javaType = "String")
    public static final String REVIEWER_TYPE = "CamelFrameioSharesReviewerType";

    @Metadata(label = "producer", description = "The notification message of addReviewers, overriding the"
                                                + " reviewerMessage option.", javaType = "String")
    public static final String REVIEWER_MESSAGE = "CamelFrameioSharesReviewerMessage";

    @Metadata(label = "producer", description = "A list operation starts from this cursor (the NextCursor of an"
                                                + " earlier exchange) instead of the first page.", javaType = "String")
    public static final String CURSOR = "CamelFrameioSharesCursor";

    @Metadata(label = "producer", description = "The cursor to continue a list operation that stopped at"
                                                + " maxResults; absent when the listing is complete.",
              javaType = "String")
    public static final String NEXT_CURSOR = "CamelFrameioSharesNextCursor";

    @Metadata(label = "producer", description = "The number of items in the whole listing, when includeTotalCount is"
                                                + " set and Frame.io sends it.", javaType = "Integer")
    public static final String TOTAL_COUNT = "CamelFrameioSharesTotalCount";

    @Metadata(label = "producer", description = "The share link (short URL) of the share created, read or updated.",
              javaType = "String")
    public static final String SHARE_URL = "CamelFrameioSharesShareUrl";

    @Metadata(label = "producer", description = "Calls left in the rate-limit window of the operation, as Frame.io"
                                                + " reported with the last answer.", javaType = "Integer")
    public static final String RATE_LIMIT_REMAINING = "CamelFrameioSharesRateLimitRemaining";

    @Metadata(label = "producer", description = "Frame.io's request id of the last call, for support requests.",
              javaType = "String")
    public static final String REQUEST_ID = "CamelFrameioSharesRequestId";

    @Metadata(label = "consumer", description = "What happened. shareChanges: created, updated, viewed, deleted,"
                                                + " reviewersAdded, reviewersRemoved, assetsAdded or assetsRemoved."
                                                + " shareActivity: the activity type (share_viewed, asset_viewed,"
                                                + " asset_downloaded, comment_created).", javaType = "String")
    public static final String EVENT_TYPE = "CamelFrameioSharesEventType";

    @Metadata(label = "consumer", description = "updated and viewed events: the names of the share's fields that"
                                                + " changed (Frame.io's names, e.g. name, expiration, updated_at).",
              javaType = "java.util.List<String>")
    public static final String CHANGED_FIELDS = "CamelFrameioSharesChangedFields";

    @Metadata(label = "consumer", description = "reviewersAdded and reviewersRemoved: the reviewers (ShareReviewer;"
                                                + " removed ones with id and e-mail only). assetsAdded: the assets"
                                                + " (ShareAsset: a FileAsset, FolderAsset or VersionStackAsset)."
                                                + " assetsRemoved: ShareAssets with their id only.",
              javaType = "java.util.List<Object>")
    public static final String CHANGED_ITEMS = "CamelFrameioSharesChangedItems";

    @Metadata(label = "consumer", description = "The identity of the change, the same whichever replica emits it and"
                                                + " however often: shareChanges: share id, event type and the"
                                                + " timestamp the change carries (created_at, updated_at or"
                                                + " last_viewed_at, in epoch microseconds), e.g."
                                                + " 7c1f...:updated:1764665012345678; deleted: share id and deleted;"
                                                + " reviewer and asset events: share id, type, the share's updated_at"
                                                + " and a digest of the items. shareActivity: the activity item's id."
                                                + " The key for an idempotentConsumer (e.g. with camel-sql's"
                                                + " JdbcMessageIdRepository on the state's database).",
              javaType = "String")
    public static final String EVENT_ID = "CamelFrameioSharesEventId";

    private FrameioSharesConstants() {
    }
}
