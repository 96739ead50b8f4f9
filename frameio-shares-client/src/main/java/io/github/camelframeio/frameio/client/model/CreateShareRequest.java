package io.github.camelframeio.frameio.client.model;

import java.util.Arrays;
import java.util.List;

/**
 * A request to create a share ({@code shares.create}): a name, an access mode, optionally the assets to share
 * (files, folders or version stacks, up to 100) and any other setting.
 *
 * <pre>{@code
 * CreateShareRequest.of("Dailies for review", ShareAccess.SECURE)
 *         .assetIds(folderId)
 *         .downloadingEnabled(false)
 *         .expiration(OffsetDateTime.now().plusDays(7));
 * }</pre>
 */
public final class CreateShareRequest extends ShareSettings<CreateShareRequest> {

    private CreateShareRequest() {
        put("type", "asset");
    }

    /** A request with the two required settings. */
    public static CreateShareRequest of(String name, ShareAccess access) {
        return new CreateShareRequest().name(name).access(access);
    }

    /** An empty request (type {@code asset}); name and access must still be set. */
    public static CreateShareRequest create() {
        return new CreateShareRequest();
    }

    /** The assets to share: 1 to 100 ids of files, folders and version stacks. */
    public CreateShareRequest assetIds(List<String> assetIds) {
        return put("asset_ids", List.copyOf(assetIds));
    }

    public CreateShareRequest assetIds(String... assetIds) {
        return assetIds(Arrays.asList(assetIds));
    }
}
