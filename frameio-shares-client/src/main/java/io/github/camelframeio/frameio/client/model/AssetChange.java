package io.github.camelframeio.frameio.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * The answer to adding an asset to a share or removing one from it: the asset concerned and the share afterwards.
 */
public final class AssetChange {

    private final String assetId;
    private final Share share;

    @JsonCreator
    public AssetChange(@JsonProperty("asset_id") String assetId, @JsonProperty("share") Share share) {
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.share = Objects.requireNonNull(share, "share");
    }

    /** The asset that was added or removed ({@code asset_added} or {@code asset_removed}). */
    @JsonProperty("asset_id")
    public String getAssetId() {
        return assetId;
    }

    /** The share after the change. */
    @JsonProperty("share")
    public Share getShare() {
        return share;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssetChange other && assetId.equals(other.assetId) && share.equals(other.share);
    }

    @Override
    public int hashCode() {
        return Objects.hash(assetId, share);
    }

    @Override
    public String toString() {
        return "AssetChange[" + assetId + " on " + share.getId() + "]";
    }
}
