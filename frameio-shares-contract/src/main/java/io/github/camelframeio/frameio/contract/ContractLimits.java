package io.github.camelframeio.frameio.contract;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The numbers of the official document a client plans with (how many items per page, per call), read from the
 * document's schemas rather than written down twice.
 */
public final class ContractLimits {

    /** Items per page at most ({@code RequestPageSize.maximum}). */
    public static final int MAX_PAGE_SIZE = read("/components/schemas/RequestPageSize/maximum");
    /** Items per page when none is asked for ({@code RequestPageSize.default}). */
    public static final int DEFAULT_PAGE_SIZE = read("/components/schemas/RequestPageSize/default");
    /** Reviewers of one type per add or remove call at most ({@code maxItems} of each identifier list). */
    public static final int MAX_REVIEWERS_PER_CALL =
            read("/components/schemas/AddReviewersToShareParams/properties/data/properties/reviewers/properties/emails/maxItems");
    /** Assets a share can be created with at most ({@code AssetShareParams.asset_ids.maxItems}). */
    public static final int MAX_ASSETS_PER_CREATE = read("/components/schemas/AssetShareParams/properties/asset_ids/maxItems");
    /** Characters of a share name at most. */
    public static final int MAX_NAME_LENGTH = read("/components/schemas/AssetShareParams/properties/name/maxLength");

    private ContractLimits() {
    }

    private static int read(String pointer) {
        JsonNode value = FrameioContract.shared().at(pointer);
        if (!value.isInt()) {
            throw new IllegalStateException("The contract has no number at " + pointer);
        }
        return value.asInt();
    }
}
