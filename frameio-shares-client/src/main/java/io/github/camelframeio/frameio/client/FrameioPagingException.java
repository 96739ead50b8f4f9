package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.contract.SharesOperation;

/**
 * A listing would never end: Frame.io answered a cursor it had answered before in the same listing (the pages would
 * loop), or the listing went past the most pages a client reads ({@link PageGuard}). Nothing read so far is
 * returned, since it cannot be told complete.
 */
public class FrameioPagingException extends FrameioException {

    private static final long serialVersionUID = 1L;

    private final SharesOperation operation;
    private final int pages;

    public FrameioPagingException(SharesOperation operation, int pages, String message) {
        super(message, null);
        this.operation = operation;
        this.pages = pages;
    }

    @Override
    public SharesOperation getOperation() {
        return operation;
    }

    /** There was an answer to each page; the listing as a whole is what failed. */
    @Override
    public int getStatusCode() {
        return 0;
    }

    @Override
    public String getDetail() {
        return getMessage();
    }

    /** How many pages had been read. */
    public int getPages() {
        return pages;
    }
}
