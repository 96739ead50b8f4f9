package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

import java.util.HashSet;
import java.util.Set;

/**
 * Stops a listing that would never end: a {@code links.next} cursor that comes back (the pages would loop) or more
 * pages than {@code maxPages}. One per listing; every loop over pages (the SDK's {@link Paged}, the consumers') calls
 * {@link #next(String)} with each page's cursor before following it.
 */
public final class PageGuard {

    /** The most pages one listing reads by default: a million items at 100 a page. */
    public static final int DEFAULT_MAX_PAGES = 10_000;

    private final SharesOperation operation;
    private final int maxPages;
    private final Set<String> seen = new HashSet<>();
    private int pages;

    public PageGuard(SharesOperation operation, int maxPages) {
        if (maxPages < 1) {
            throw new FrameioInvalidRequestException("maxPages must be 1 or more, got " + maxPages);
        }
        this.operation = operation;
        this.maxPages = maxPages;
    }

    /**
     * Counts a page read and checks its cursor for the next one (null: the last page).
     *
     * @throws FrameioPagingException when the cursor was answered before, or the next page would pass the limit
     */
    public void next(String cursor) {
        pages++;
        if (cursor == null) {
            return;
        }
        if (!seen.add(cursor)) {
            throw new FrameioPagingException(operation, pages, "Frame.io " + operation + " answered, on page " + pages
                    + ", a next cursor it had answered before in the same listing: the pages would loop forever");
        }
        if (pages >= maxPages) {
            throw new FrameioPagingException(operation, pages, "Frame.io " + operation + " still had more after "
                    + pages + " pages, the most one listing reads (maxPages)");
        }
    }

    /** Pages counted so far. */
    public int pages() {
        return pages;
    }
}
