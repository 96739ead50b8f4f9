package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a route continues after the producer: by default on the component's callback threads, never on an HTTP I/O
 * thread (where a blocking step would stall every other call); with synchronous=true on the route's own thread.
 */
class ProducerThreadsTest extends FrameioSharesTestSupport {

    private final AtomicReference<String> after = new AtomicReference<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:async").to("frameio-shares:getShare")
                        .process(e -> after.set(Thread.currentThread().getName()));
                from("direct:sync").to("frameio-shares:getShare?synchronous=true")
                        .process(e -> after.set(Thread.currentThread().getName()));
            }
        };
    }

    @Test
    void byDefaultTheRouteContinuesOnACallbackThreadNotOnAnIoThread() {
        String id = createShare();
        // an answer that comes before the producer returns continues on the caller's thread, as Camel wants: delay
        // it well past that
        simulator.faults(new FaultRule("shares.show", null, 1, 1.0, 300, false, false, false));
        Share share = template.requestBodyAndHeaders("direct:async", null, Map.of(FrameioSharesConstants.SHARE_ID, id),
                Share.class);
        assertEquals(id, share.getId());
        assertTrue(after.get().contains("FrameioShares"), after.get());
        assertFalse(after.get().contains("httpclient"), after.get());
        assertNotEquals(Thread.currentThread().getName(), after.get());
    }

    @Test
    void synchronousContinuesOnTheRoutesOwnThread() {
        String id = createShare();
        Share share = template.requestBodyAndHeaders("direct:sync", null, Map.of(FrameioSharesConstants.SHARE_ID, id),
                Share.class);
        assertEquals(id, share.getId());
        assertEquals(Thread.currentThread().getName(), after.get());
    }

    @Test
    void synchronousFailuresReachTheRouteAsTheirOwnException() {
        Exception e = template.send("direct:sync", x -> x.getMessage().setHeader(FrameioSharesConstants.SHARE_ID,
                fx.projectId())).getException();
        assertTrue(e instanceof io.github.camelframeio.frameio.client.FrameioNotFoundException, String.valueOf(e));
    }

    private String createShare() {
        return call("frameio-shares:createShare", Map.of("name", "Threads", "access", "public")).getMessage()
                .getBody(Share.class).getId();
    }
}
