package io.github.camelframeio.frameio.client;

import java.util.List;

/**
 * The items of one or more pages, read up to a maximum.
 *
 * @param <T>        the item type
 * @param items      the items, in the API's order
 * @param nextCursor the cursor to continue exactly after the last item, or null when the listing is complete
 * @param totalCount the listing's total, when requested and sent; otherwise null
 * @param pages      how many pages (calls) were read
 * @param rateLimit  the budget Frame.io reported with the last page, or null
 */
public record Listing<T>(List<T> items, String nextCursor, Integer totalCount, int pages, RateLimitInfo rateLimit) {

    public Listing {
        items = List.copyOf(items);
    }
}
