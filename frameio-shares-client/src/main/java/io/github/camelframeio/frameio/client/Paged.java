package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.Page;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A listing bound to its client: read it all (or up to a maximum) at once, or lazily, one page at a time, as an
 * iterator or a stream. Pages are sized so that none has to be cut: what is read ends exactly at the maximum, and
 * the listing's cursor continues right after its last item.
 *
 * @param <E> the item type
 */
public final class Paged<E> implements Iterable<E> {

    private final FrameioSharesClient client;
    private final SharesCall<Page<E>> call;

    Paged(FrameioSharesClient client, SharesCall<Page<E>> call) {
        this.client = Objects.requireNonNull(client);
        this.call = Objects.requireNonNull(call);
    }

    /** The first page only, as Frame.io answered it. */
    public CompletableFuture<FrameioResponse<Page<E>>> firstPage() {
        return client.send(call);
    }

    /** Every page, then the items of all (no limit). */
    public CompletableFuture<Listing<E>> collect() {
        return collect(0);
    }

    /** Pages from the call's cursor on until the listing ends or {@code maxResults} items are read (0: no limit). */
    public CompletableFuture<Listing<E>> collect(int maxResults) {
        if (maxResults < 0) {
            throw new FrameioInvalidRequestException("maxResults must be 0 (all) or more, got " + maxResults);
        }
        CompletableFuture<Listing<E>> result = new CompletableFuture<>();
        collectFrom(call, maxResults, new ArrayList<>(), new PageGuard(call.operation(), client.maxPages()), result);
        return result;
    }

    private void collectFrom(SharesCall<Page<E>> page, int max, List<E> items, PageGuard guard,
                             CompletableFuture<Listing<E>> result) {
        SharesCall<Page<E>> sized = page.withOptions(page.options().withPageSize(sizeFor(max, items.size())));
        client.send(sized).whenComplete((response, error) -> {
            if (error != null) {
                result.completeExceptionally(FrameioSharesClient.unwrap(error));
                return;
            }
            Page<E> body = response.body();
            String next = body.nextCursor();
            List<E> data = body.data();
            if (max > 0 && items.size() + data.size() > max) {
                // Frame.io sent more than the page size asked for: keep exactly max, and give no cursor, since
                // continuing from Frame.io's would skip the items dropped here
                data = data.subList(0, max - items.size());
                next = null;
            }
            items.addAll(data);
            boolean more = next != null && (max <= 0 || items.size() < max) && !data.isEmpty();
            try {
                guard.next(more ? next : null);
            } catch (FrameioPagingException e) {
                result.completeExceptionally(e);
                return;
            }
            if (more) {
                collectFrom(page.withOptions(page.options().withAfter(next)), max, items, guard, result);
            } else {
                result.complete(new Listing<>(items, next, body.totalCount(), guard.pages(), response.rateLimit()));
            }
        });
    }

    /** Every item, reading the next page only when the previous one is used up. */
    @Override
    public Iterator<E> iterator() {
        return iterator(0);
    }

    /** At most {@code maxResults} items (0: all), lazily; a failure surfaces from {@code hasNext()}. */
    public Iterator<E> iterator(int maxResults) {
        Page<E> first = client.sendAndWait(call.withOptions(call.options().withPageSize(sizeFor(maxResults, 0)))).body();
        return iterator(first, maxResults);
    }

    /**
     * Continues lazily after {@code firstPage}, already read for this listing, up to {@code maxResults} items in all
     * (0: no limit). Reading a page blocks the iterating thread: do not iterate on a thread the client's answers are
     * handed to.
     */
    public Iterator<E> iterator(Page<E> firstPage, int maxResults) {
        return new PageIterator(firstPage, maxResults);
    }

    /** The items as a sequential stream, read lazily (close or exhaust it; it holds no resource beyond a page). */
    public Stream<E> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private int sizeFor(int max, int read) {
        int pageSize = call.options().pageSize();
        return max <= 0 ? pageSize : Math.max(1, Math.min(pageSize, max - read));
    }

    private final class PageIterator implements Iterator<E> {
        private final int max;
        private final PageGuard guard = new PageGuard(call.operation(), client.maxPages());
        private Iterator<E> current;
        private String next;
        private int returned;

        PageIterator(Page<E> first, int max) {
            this.max = max;
            this.current = first.data().iterator();
            this.next = first.data().isEmpty() ? null : first.nextCursor();
            guard.next(next);
        }

        @Override
        public boolean hasNext() {
            if (max > 0 && returned >= max) {
                return false;
            }
            while (!current.hasNext() && next != null) {
                Page<E> page = client.sendAndWait(call.withOptions(call.options().withAfter(next)
                        .withPageSize(sizeFor(max, returned)))).body();
                current = page.data().iterator();
                next = page.data().isEmpty() ? null : page.nextCursor();
                guard.next(next);
            }
            return current.hasNext();
        }

        @Override
        public E next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            returned++;
            return current.next();
        }
    }
}
