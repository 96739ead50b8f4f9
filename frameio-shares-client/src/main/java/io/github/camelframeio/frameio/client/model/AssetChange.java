package io.github.camelframeio.frameio.client.model;

import java.util.Objects;

/**
 * The answer to adding an asset to a share or removing one from it: the asset concerned and the share afterwards.
 */
public final class AssetChange {

    private final String assetId;
    private final Share share;

    public AssetChange(String assetId, Share share) {
        this.assetId = Objects.requireNonNull(assetId, "assetId");
        this.share = Objects.requireNonNull(share, "share");
    }

    /** The asset that was added or removed ({@code asset_added} or {@code asset_removed}). */
    public String getAssetId() {
        return assetId;
    }

    /** The share after the change. */
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
