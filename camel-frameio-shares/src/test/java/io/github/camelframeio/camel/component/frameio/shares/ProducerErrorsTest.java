package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioApiException;
import io.github.camelframeio.frameio.client.FrameioBadRequestException;
import io.github.camelframeio.frameio.client.FrameioConflictException;
import io.github.camelframeio.frameio.client.FrameioForbiddenException;
import io.github.camelframeio.frameio.client.FrameioNotFoundException;
import io.github.camelframeio.frameio.client.FrameioRateLimitException;
import io.github.camelframeio.frameio.client.FrameioServerException;
import io.github.camelframeio.frameio.client.FrameioTransportException;
import io.github.camelframeio.frameio.client.FrameioUnauthorizedException;
import io.github.camelframeio.frameio.client.FrameioUnprocessableException;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frame.io's error answers reach the route as typed exceptions with the status, Frame.io's details, the operation
 * and the request id.
 */
class ProducerErrorsTest extends FrameioSharesTestSupport {

    private static final String UNKNOWN_SHARE = "b5fb37a0-4ca3-489f-aada-b257e3edda1f";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:handled")
                        .onException(FrameioNotFoundException.class).handled(true)
                            .setBody(simple("no such share (${exception.statusCode})"))
                        .end()
                        .to("frameio-shares:getShare");
            }
        };
    }

    @Test
    void notFoundIs404WithFrameioDetails() {
        FrameioApiException e = failure(send("frameio-shares:getShare?shareId=" + UNKNOWN_SHARE, null),
                FrameioNotFoundException.class, 404);
        assertEquals(SharesOperation.SHOW_SHARE, e.getOperation());
        assertEquals("Share not found", e.getErrors().get(0).detail());
        assertNotNull(e.getRequestId());
        assertTrue(e.getMessage().startsWith("Frame.io shares.show failed with 404: Share not found (request id "),
                e.getMessage());
        assertEquals(100, e.getRateLimit().limit());
    }

    @Test
    void routesHandleTypedExceptions() {
        Exchange exchange = send("direct:handled", null, Map.of(FrameioSharesConstants.SHARE_ID, UNKNOWN_SHARE));
        assertEquals("no such share (404)", exchange.getMessage().getBody());
    }

    @Test
    void unauthorizedIs401WithTheLikelyCauses() {
        FrameioApiException e = failure(send("frameio-shares:getShare?accessToken=expired-or-wrong&shareId=" + UNKNOWN_SHARE,
                null), FrameioUnauthorizedException.class, 401);
        assertTrue(e.getMessage().contains("frame.s2s.all scope"), e.getMessage());
        assertTrue(!e.getMessage().contains("expired-or-wrong"), "never the token");
    }

    @Test
    void forbiddenAccountIs403() {
        failure(send("frameio-shares:listShares?accountId=" + fx.forbiddenAccountId(), null), FrameioForbiddenException.class,
                403);
    }

    @Test
    void assetAlreadyInTheShareIs409() {
        String id = create("With asset", fx.assetIds().get(0));
        FrameioApiException e = failure(send("frameio-shares:addAsset?assetId=" + fx.assetIds().get(0), null,
                Map.of(FrameioSharesConstants.SHARE_ID, id)), FrameioConflictException.class, 409);
        assertEquals("/data/asset_id", e.getErrors().get(0).pointer());
    }

    @Test
    void unknownReviewerIs422PointingAtIt() {
        String id = create("Secure");
        FrameioApiException e = failure(send("frameio-shares:addReviewers?reviewerMessage=Hi&reviewerType=user_ids",
                List.of(fx.accountId()), Map.of(FrameioSharesConstants.SHARE_ID, id)), FrameioUnprocessableException.class, 422);
        assertEquals("/data/reviewers/user_ids/0", e.getErrors().get(0).pointer());
        assertTrue(e.getMessage().contains("/data/reviewers/user_ids/0: User " + fx.accountId() + " is not a member"),
                e.getMessage());
    }

    @Test
    void badRequestIs400() {
        simulator.faults(FaultRule.status("shares.index", 400).times(1));
        failure(send("frameio-shares:listShares", null), FrameioBadRequestException.class, 400);
        assertEquals(1, apiCalls("shares.index"), "a 400 is not repeated");
    }

    @Test
    void rateLimitIs429() {
        simulator.faults(FaultRule.status("shares.create", 429).times(1));
        FrameioApiException e = failure(send("frameio-shares:createShare?maxRetries=0", Map.of("name", "x", "access", "public")),
                FrameioRateLimitException.class, 429);
        assertEquals(0, e.getRateLimit().remaining());
        assertEquals("Too many requests", e.getErrors().get(0).detail());
    }

    @Test
    void serverErrorsAreTypedToo() {
        simulator.faults(FaultRule.status("shares.show", 503).times(1));
        FrameioApiException e = failure(send("frameio-shares:getShare?maxRetries=0&shareId=" + UNKNOWN_SHARE, null),
                FrameioServerException.class, 503);
        assertEquals("Service unavailable", e.getErrors().get(0).detail());
    }

    @Test
    void aDroppedConnectionIsATransportFailure() {
        simulator.faults(new FaultRule("shares.show", null, 1, 1.0, 0, true, false, false));
        Exchange exchange = send("frameio-shares:getShare?maxRetries=0&shareId=" + UNKNOWN_SHARE, null);
        FrameioTransportException e = assertInstanceOf(FrameioTransportException.class, exchange.getException());
        assertTrue(e.isMaybeProcessed());
        assertEquals(SharesOperation.SHOW_SHARE, e.getOperation());
    }

    @Test
    void aMalformedAnswerIsATransportFailure() {
        String id = create("x");
        simulator.faults(new FaultRule("shares.show", null, 1, 1.0, 0, false, true, false));
        Exchange exchange = send("frameio-shares:getShare?maxRetries=0", null, Map.of(FrameioSharesConstants.SHARE_ID, id));
        FrameioTransportException e = assertInstanceOf(FrameioTransportException.class, exchange.getException());
        assertTrue(e.getMessage().contains("not the expected JSON"), e.getMessage());
    }

    @Test
    void aFailureAfterSomeAssetsNamesWhatWasDone() {
        String id = create("Partly");
        Exchange exchange = send("frameio-shares:addAsset", List.of(fx.assetIds().get(0), fx.accountId(), fx.assetIds().get(1)),
                Map.of(FrameioSharesConstants.SHARE_ID, id));
        FrameioSharesBatchException e = assertInstanceOf(FrameioSharesBatchException.class, exchange.getException());
        assertEquals(List.of(fx.assetIds().get(0)), e.getCompleted());
        assertEquals(fx.accountId(), e.getFailed());
        assertEquals(List.of(fx.assetIds().get(1)), e.getNotAttempted());
        assertInstanceOf(FrameioNotFoundException.class, e.getCause());
        assertEquals(List.of(fx.assetIds().get(0)), exchange.getMessage().getHeader(FrameioSharesConstants.ASSET_IDS));
    }

    private String create(String name, String... assetIds) {
        Map<String, Object> body = assetIds.length == 0 ? Map.of("name", name, "access", "secure")
                : Map.of("name", name, "access", "secure", "asset_ids", List.of(assetIds));
        return call("frameio-shares:createShare", body).getMessage().getBody(Share.class).getId();
    }

    private static FrameioApiException failure(Exchange exchange, Class<? extends FrameioApiException> type, int status) {
        FrameioApiException e = assertInstanceOf(type, exchange.getException());
        assertEquals(status, e.getStatusCode());
        assertTrue(e.getMessage().contains(" failed with " + status), e.getMessage());
        return e;
    }
}
