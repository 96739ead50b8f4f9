package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.ContractLimits;

/**
 * How a list call reads: page size, where to start, whether to count, order and what to include. Immutable; each
 * {@code with...} returns a copy. Values are checked against the contract when the call is made.
 *
 * @param pageSize          items per page, 1 to 100 (Frame.io's default is 50)
 * @param after             the cursor to continue from ({@link io.github.camelframeio.frameio.client.model.Page#nextCursor()}),
 *                          null for the first page
 * @param includeTotalCount whether to ask for {@code total_count} (list shares and list share assets)
 * @param sort              the order, e.g. {@code created_at_desc}; null for Frame.io's default
 * @param include           what to add to each item, comma-separated, e.g. {@code creator,project}; null for nothing
 */
public record ListOptions(int pageSize, String after, boolean includeTotalCount, String sort, String include) {

    /** Pages of 100 (the most Frame.io sends), from the start, in Frame.io's default order. */
    public static ListOptions defaults() {
        return new ListOptions(ContractLimits.MAX_PAGE_SIZE, null, false, null, null);
    }

    public static ListOptions pageSize(int size) {
        return defaults().withPageSize(size);
    }

    public ListOptions withPageSize(int size) {
        return new ListOptions(size, after, includeTotalCount, sort, include);
    }

    public ListOptions withAfter(String cursor) {
        return new ListOptions(pageSize, cursor, includeTotalCount, sort, include);
    }

    public ListOptions withTotalCount(boolean count) {
        return new ListOptions(pageSize, after, count, sort, include);
    }

    public ListOptions withSort(String order) {
        return new ListOptions(pageSize, after, includeTotalCount, order, include);
    }

    public ListOptions withInclude(String values) {
        return new ListOptions(pageSize, after, includeTotalCount, sort, values);
    }
}
