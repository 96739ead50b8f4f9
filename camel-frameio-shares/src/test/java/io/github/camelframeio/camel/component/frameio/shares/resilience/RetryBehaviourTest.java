package io.github.camelframeio.camel.component.frameio.shares.resilience;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesTestSupport;
import io.github.camelframeio.frameio.client.FrameioOutcomeUnknownException;
import io.github.camelframeio.frameio.client.FrameioRateLimitException;
import io.github.camelframeio.frameio.client.FrameioServerException;
import io.github.camelframeio.frameio.client.FrameioTransportException;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What is repeated, after how long, and what is looked up instead.
 */
class RetryBehaviourTest extends FrameioSharesTestSupport {

    private static FaultRule reset(String operation, boolean processed) {
        return new FaultRule(operation, null, 1, 1.0, 0, true, false, processed);
    }

    @Test
    void a429IsRepeatedAfterABackOffThatAtLeastDoubles() {
        String id = create("Busy");
        simulator.faults(FaultRule.status("shares.show", 429).times(3));
        long start = System.nanoTime();
        // pacing off: with it, a 429 also marks the bucket full and the wait for it to drain would dominate
        Exchange exchange = call("frameio-shares:getShare?rateLimitPacing=false&initialBackoff=100&maxBackoff=10000", null,
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertEquals(id, exchange.getMessage().getBody(Share.class).getId());
        assertEquals(4, apiCalls("shares.show"));
        assertTrue(millis >= 100 + 200 + 400, "waited " + millis + " ms");
        assertTrue(millis < 2_000, "waited " + millis + " ms");
    }

    @Test
    void everyOperationIsRepeatedAfterA429EvenCreate() {
        simulator.faults(FaultRule.status("shares.create", 429).times(2));
        Exchange exchange = call("frameio-shares:createShare?rateLimitPacing=false",
                Map.of("name", "Patient", "access", "public"));
        assertEquals("Patient", exchange.getMessage().getBody(Share.class).getName());
        assertEquals(1, simulator.shareCount());
        assertEquals(3, apiCalls("shares.create"));
    }

    @Test
    void retryAfterIsHonouredUpToMaxRetryAfter() throws Exception {
        try (var sim = io.github.camelframeio.frameio.simulator.FrameioSimulator.builder().rateLimits(false).retryAfter(true)
                .start(); var context = ResilienceSupport.context(sim, c -> c.setInitialBackoff(10))) {
            sim.faults(FaultRule.status("shares.index", 429).times(1));
            long start = System.nanoTime();
            Exchange waited = context.createProducerTemplate().send("frameio-shares:listShares", e -> { });
            assertNull(waited.getException());
            assertTrue((System.nanoTime() - start) / 1_000_000 >= 1_000, "Retry-After: 1 is one second, not 10 ms");

            sim.faults(FaultRule.status("shares.index", 429).times(1));
            Exchange refused = context.createProducerTemplate().send("frameio-shares:listShares?maxRetryAfter=500", e -> { });
            FrameioRateLimitException e = assertInstanceOf(FrameioRateLimitException.class, refused.getException());
            assertEquals(1_000L, e.getRetryAfterMillis());
        }
    }

    @Test
    void serverErrorsAreRepeatedForSafeOperations() {
        String id = create("Flaky");
        simulator.faults(FaultRule.status("shares.show", 503).times(2), FaultRule.status("shares.update", 502).times(1),
                FaultRule.status("shares.delete", 500).times(1));
        call("frameio-shares:getShare", null, Map.of(FrameioSharesConstants.SHARE_ID, id));
        call("frameio-shares:updateShare", Map.of("name", "Steady"), Map.of(FrameioSharesConstants.SHARE_ID, id));
        call("frameio-shares:deleteShare", null, Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertEquals(3, apiCalls("shares.show"));
        assertEquals(2, apiCalls("shares.update"));
        assertFalse(simulator.hasShare(id));
    }

    @Test
    void serverErrorsEndAsTypedExceptionsAfterMaxRetries() {
        simulator.faults(FaultRule.status("shares.index", 503));
        Exchange exchange = send("frameio-shares:listShares?maxRetries=2", null);
        FrameioServerException e = assertInstanceOf(FrameioServerException.class, exchange.getException());
        assertEquals(503, e.getStatusCode());
        assertEquals("Service unavailable", e.getDetail());
        assertEquals(3, apiCalls("shares.index"));
    }

    @Test
    void overallTimeoutStopsRetrying() {
        simulator.faults(FaultRule.status("shares.index", 503));
        long start = System.nanoTime();
        Exchange exchange = send("frameio-shares:listShares?maxRetries=50&serverErrorBackoff=100&overallTimeout=350", null);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertInstanceOf(FrameioServerException.class, exchange.getException());
        // without the deadline, 50 retries 100 ms apart take over 5 s; the margin is for a busy 2-core machine
        assertTrue(millis < 350 + 500, millis + " ms: no wait may end past the overall timeout");
        assertTrue(apiCalls("shares.index") <= 5, apiCalls("shares.index") + " attempts of the 51 maxRetries allows");
    }

    @Test
    void aCreateWhoseOutcomeIsUnknownIsLookedUpNotRepeated() {
        simulator.faults(new FaultRule("shares.create", 502, 1, 1.0, 0, false, false, true));
        Exchange exchange = call("frameio-shares:createShare", Map.of("name", "Created behind a 502", "access", "secure"));
        Share share = exchange.getMessage().getBody(Share.class);
        assertEquals("Created behind a 502", share.getName());
        assertEquals(1, apiCalls("shares.create"), "never sent twice");
        assertEquals(1, simulator.shareCount());
        assertTrue(apiCalls("shares.index") >= 1, "looked up");
    }

    @Test
    void aCreateThatDidNotHappenFailsAsOutcomeUnknown() {
        simulator.faults(FaultRule.status("shares.create", 500).times(1));
        Exchange exchange = send("frameio-shares:createShare", Map.of("name", "Never made", "access", "public"));
        FrameioOutcomeUnknownException e = assertInstanceOf(FrameioOutcomeUnknownException.class, exchange.getException());
        assertEquals(500, e.getStatusCode());
        assertEquals(SharesOperation.CREATE_SHARE, e.getOperation());
        assertTrue(e.getMessage().contains("no share named 'Never made' appeared"), e.getMessage());
        assertTrue(e.getMessage().contains("Check Frame.io before sending it again"), e.getMessage());
        assertEquals(1, apiCalls("shares.create"));
        assertEquals(0, simulator.shareCount());
    }

    @Test
    void aCreateThatTimedOutButHappenedLaterIsFound() {
        simulator.faults(new FaultRule("shares.create", null, 1, 1.0, 300, false, false, false));
        Exchange exchange = call("frameio-shares:createShare?responseTimeout=100&reconcileWindow=2000",
                Map.of("name", "Slow", "access", "public"));
        assertEquals("Slow", exchange.getMessage().getBody(Share.class).getName());
        assertEquals(1, apiCalls("shares.create"));
        assertEquals(1, simulator.shareCount());
    }

    @Test
    void addReviewersWithAnUnknownOutcomeIsNotRepeated() {
        String id = create("Reviewers");
        simulator.faults(reset("shares.add_reviewers", true));
        Exchange exchange = send("frameio-shares:addReviewers?reviewerMessage=Hi", List.of(fx.emails().get(1)),
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        FrameioOutcomeUnknownException e = assertInstanceOf(FrameioOutcomeUnknownException.class, exchange.getException());
        assertEquals(0, e.getStatusCode(), "no answer");
        assertTrue(e.getMessage().contains("notify the reviewers twice"), e.getMessage());
        assertEquals(1, apiCalls("shares.add_reviewers"));
    }

    @Test
    void aDeleteThatMeets404OnARetrySucceeded() {
        String id = create("Gone twice");
        simulator.faults(reset("shares.delete", true));
        Exchange exchange = call("frameio-shares:deleteShare", null, Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertEquals(id, exchange.getMessage().getHeader(FrameioSharesConstants.SHARE_ID));
        assertEquals(2, apiCalls("shares.delete"), "the retry met 404: the first attempt had deleted it");
    }

    @Test
    void a404OnTheFirstAttemptIsStillAnError() {
        simulator.faults(FaultRule.status("shares.delete", 429).times(1));
        Exchange exchange = send("frameio-shares:deleteShare?rateLimitPacing=false&shareId=b5fb37a0-4ca3-489f-aada-b257e3edda1f",
                null);
        assertEquals(404, ((io.github.camelframeio.frameio.client.FrameioException) exchange
                .getException()).getStatusCode(), "a 429 proves nothing was done, so the later 404 is real");
    }

    @Test
    void addAssetAndRemoveAssetSurviveAnUnknownOutcome() {
        String id = create("Assets");
        simulator.faults(reset("shares.add_asset", true));
        Exchange added = call("frameio-shares:addAsset?assetId=" + fx.assetIds().get(0), null,
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertEquals(List.of(fx.assetIds().get(0)), added.getMessage().getHeader(FrameioSharesConstants.ASSET_IDS));
        assertEquals(2, apiCalls("shares.add_asset"), "the retry met 409: already added");
        simulator.faults(reset("shares.remove_asset", true));
        call("frameio-shares:removeAsset?assetId=" + fx.assetIds().get(0), null, Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertEquals(2, apiCalls("shares.remove_asset"), "the retry met 404: already removed");
    }

    @Test
    void aRefusedConnectionIsRepeatedAndReportedAsNotSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        Exchange exchange = send("frameio-shares:createShare?maxRetries=3&initialBackoff=50&maxBackoff=1000&baseUrl=http://127.0.0.1:"
                                 + closedPort, Map.of("name", "Nobody home", "access", "public"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        FrameioTransportException e = assertInstanceOf(FrameioTransportException.class, exchange.getException());
        assertFalse(e.isMaybeProcessed());
        assertEquals(0, e.getStatusCode());
        assertTrue(millis >= 50 + 100 + 200, "three waits: " + millis + " ms");
    }

    @Test
    void aResponseTimeoutOnAReadIsRepeated() throws InterruptedException {
        String id = create("Slow read");
        simulator.faults(new FaultRule("shares.show", null, 1, 1.0, 500, false, false, false));
        Exchange exchange = call("frameio-shares:getShare?responseTimeout=150", null, Map.of(FrameioSharesConstants.SHARE_ID, id));
        assertEquals(id, exchange.getMessage().getBody(Share.class).getId());
        long deadline = System.currentTimeMillis() + 3_000;
        while (apiCalls("shares.show") < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10); // the simulator logs the slow first request when it finally answers
        }
        assertEquals(2, apiCalls("shares.show"));
    }

    @Test
    void noRetriesWhenTurnedOff() {
        simulator.faults(FaultRule.status("shares.index", 429).times(1));
        assertInstanceOf(FrameioRateLimitException.class, send("frameio-shares:listShares?maxRetries=0&rateLimitPacing=false",
                null).getException());
        assertEquals(1, apiCalls("shares.index"));
    }

    @Test
    void requestsGoThroughTheProxy() throws Exception {
        int unused;
        try (ServerSocket socket = new ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        // the simulator answers absolute-form requests, as a forwarding proxy would pass them on
        Exchange exchange = call("frameio-shares:createShare?baseUrl=http://127.0.0.1:" + unused
                                 + "&proxyHost=127.0.0.1&proxyPort=" + simulator.port(), Map.of("name", "Proxied", "access", "public"));
        assertEquals("Proxied", exchange.getMessage().getBody(Share.class).getName());
    }

    private String create(String name) {
        return call("frameio-shares:createShare", Map.of("name", name, "access", "secure")).getMessage()
                .getBody(Share.class).getId();
    }
}
