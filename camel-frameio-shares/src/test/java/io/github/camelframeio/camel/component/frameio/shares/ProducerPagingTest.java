package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.model.Share;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * List operations page through links.next up to maxResults, continue from a cursor, and stream lazily.
 */
class ProducerPagingTest extends FrameioSharesTestSupport {

    private final AtomicInteger streamed = new AtomicInteger();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:streamAll")
                        .to("frameio-shares:listShares?streaming=true")
                        .split(body()).streaming()
                            .process(e -> {
                                assertInstanceOf(Share.class, e.getMessage().getBody());
                                streamed.incrementAndGet();
                            })
                        .end();
            }
        };
    }

    @Test
    void listsEveryShareAcrossPages() {
        simulator.bulkCreateShares(fx.projectId(), 250);
        Exchange exchange = call("frameio-shares:listShares?includeTotalCount=true", null);
        List<?> shares = exchange.getMessage().getBody(List.class);
        assertEquals(250, shares.size());
        assertEquals(250, new HashSet<>(shares.stream().map(s -> ((Share) s).getId()).toList()).size());
        assertEquals(3, apiCalls("shares.index"), "pages of 100");
        assertEquals(250, exchange.getMessage().getHeader(FrameioSharesConstants.TOTAL_COUNT));
        assertNull(exchange.getMessage().getHeader(FrameioSharesConstants.NEXT_CURSOR));
    }

    @Test
    void maxResultsStopsEarlyAndTheCursorContinuesExactly() {
        simulator.bulkCreateShares(fx.projectId(), 250);
        Exchange first = call("frameio-shares:listShares?maxResults=150", null);
        List<?> firstItems = first.getMessage().getBody(List.class);
        assertEquals(150, firstItems.size());
        assertEquals(2, apiCalls("shares.index"), "100 then 50: no page is cut");
        String cursor = first.getMessage().getHeader(FrameioSharesConstants.NEXT_CURSOR, String.class);
        Exchange rest = call("frameio-shares:listShares", null, Map.of(FrameioSharesConstants.CURSOR, cursor));
        List<?> restItems = rest.getMessage().getBody(List.class);
        assertEquals(100, restItems.size());
        Set<String> all = new HashSet<>();
        firstItems.forEach(s -> all.add(((Share) s).getId()));
        restItems.forEach(s -> all.add(((Share) s).getId()));
        assertEquals(250, all.size(), "no share twice, none missed");
    }

    @Test
    void smallPagesCostMoreCalls() {
        simulator.bulkCreateShares(fx.projectId(), 25);
        assertEquals(25, call("frameio-shares:listShares?pageSize=10", null).getMessage().getBody(List.class).size());
        assertEquals(3, apiCalls("shares.index"));
    }

    @Test
    void streamingReadsPagesOnlyWhenTheyAreNeeded() {
        simulator.bulkCreateShares(fx.projectId(), 1_000);
        Exchange exchange = call("frameio-shares:listShares?streaming=true", null);
        Iterator<?> shares = exchange.getMessage().getBody(Iterator.class);
        assertEquals(1, apiCalls("shares.index"), "only the first page is read up front");
        for (int i = 0; i < 150; i++) {
            shares.next();
        }
        assertEquals(2, apiCalls("shares.index"), "the second page when the first is used up");
        int rest = 0;
        while (shares.hasNext()) {
            shares.next();
            rest++;
        }
        assertEquals(850, rest);
        assertEquals(10, apiCalls("shares.index"));
    }

    @Test
    void streamingSplitProcessesAHundredThousandShares() {
        simulator.bulkCreateShares(fx.projectId(), 100_000);
        call("direct:streamAll", null);
        assertEquals(100_000, streamed.get());
        assertEquals(1_000, apiCalls("shares.index"));
    }

    @Test
    void streamingHonoursMaxResults() {
        simulator.bulkCreateShares(fx.projectId(), 300);
        Iterator<?> shares = call("frameio-shares:listShares?streaming=true&maxResults=120", null)
                .getMessage().getBody(Iterator.class);
        int n = 0;
        while (shares.hasNext()) {
            shares.next();
            n++;
        }
        assertEquals(120, n);
        assertEquals(2, apiCalls("shares.index"), "100 then 20");
    }

    @Test
    void emptyListing() {
        Exchange exchange = call("frameio-shares:listShares", "old body");
        assertTrue(exchange.getMessage().getBody(List.class).isEmpty());
    }
}
