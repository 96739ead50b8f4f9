package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One item of a share's activity feed: a view of the share, a view or download of one of its assets, or a
 * comment.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ShareActivity extends FrameioObject {

    @JsonProperty("id")
    private String id;
    @JsonProperty("type")
    private ShareActivityType type;
    @JsonProperty("inserted_at")
    @FrameioTimestamp
    private OffsetDateTime insertedAt;
    @JsonProperty("asset_id")
    private String assetId;
    @JsonProperty("user_id")
    private String userId;
    @JsonProperty("user")
    private ShareReviewer user;

    /** For Jackson. */
    ShareActivity() {
    }

    /** Activity id. */
    public String getId() {
        return id;
    }

    /** What happened. */
    public ShareActivityType getType() {
        return type;
    }

    /** When it happened. */
    public OffsetDateTime getInsertedAt() {
        return insertedAt;
    }

    /** The asset concerned; null for share-level activity. */
    public String getAssetId() {
        return assetId;
    }

    /** Who did it (a user or an anonymous viewer); null for system events. */
    public String getUserId() {
        return userId;
    }

    /** The user, when requested with {@code include=user} and known. */
    public ShareReviewer getUser() {
        return user;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ShareActivity)) {
            return false;
        }
        ShareActivity other = (ShareActivity) o;
        return Objects.equals(id, other.id) &&
               Objects.equals(type, other.type) &&
               Objects.equals(insertedAt, other.insertedAt) &&
               Objects.equals(assetId, other.assetId) &&
               Objects.equals(userId, other.userId) &&
               Objects.equals(user, other.user) &&
               getOtherFields().equals(other.getOtherFields());
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, type, insertedAt, assetId, userId, user) + getOtherFields().hashCode();
    }

    @Override
    public String toString() {
        return "ShareActivity[" + type + " " + id + " at " + insertedAt + "]";
    }
}
