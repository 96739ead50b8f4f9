package io.github.camelframeio.camel.component.frameio.shares.hostile;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesComponent;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.frameio.client.FrameioOutcomeUnknownException;
import io.github.camelframeio.frameio.client.FrameioPagingException;
import io.github.camelframeio.frameio.client.FrameioResponseTooLargeException;
import io.github.camelframeio.frameio.client.FrameioTimeoutException;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The component against a server that breaks HTTP on purpose (see {@link HostileServer}): each bad answer fails its
 * exchange with a typed exception within overallTimeout plus a margin, and the next ordinary call on the same
 * CamelContext succeeds. Runs in a JVM of its own with a 256 MB heap (see the module's pom), so that a body
 * buffered whole (100 MB, or endless) would run it out of memory.
 */
class HostileServerTest {

    private static final long OVERALL_TIMEOUT = 3_000;
    private static final long MARGIN = 1_500;

    private static FrameioSimulator simulator;
    private static HostileServer hostile;
    private static CamelContext camel;
    private static ProducerTemplate template;
    private static String accountId;
    private static String shareId;

    @BeforeAll
    static void start() throws Exception {
        simulator = FrameioSimulator.builder().rateLimits(false).start();
        accountId = simulator.fixtures().accountId();
        simulator.bulkCreateShares(simulator.fixtures().projectId(), 1);
        shareId = simulator.shareIds().iterator().next();
        hostile = new HostileServer(simulator.share(shareId).toString());
        camel = new DefaultCamelContext();
        FrameioSharesConfiguration config = camel.getComponent("frameio-shares", FrameioSharesComponent.class)
                .getConfiguration();
        config.setBaseUrl(hostile.baseUrl());
        config.setAccessToken("hostile-test-token");
        config.setAccountId(accountId);
        config.setRateLimitPacing(false);
        config.setOverallTimeout(OVERALL_TIMEOUT);
        config.setResponseTimeout(20_000); // the setting: only overallTimeout can end a drip in time
        config.setServerErrorBackoff(100);
        config.setInitialBackoff(100);
        config.setMaxPages(50);
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.stop();
        hostile.close();
        simulator.close();
    }

    @AfterEach
    void theNextOrdinaryCallSucceeds() {
        Exchange ordinary = template.send("frameio-shares:getShare?shareId=" + shareId, e -> { });
        assertNull(ordinary.getException(), "the client is healthy after the hostile answer");
        assertEquals(shareId, ordinary.getMessage().getBody(Share.class).getId());
    }

    @ParameterizedTest
    @EnumSource(value = HostileServer.Behaviour.class, names = { "ENDLESS_BODY", "HUGE_BODY", "HUGE_HEADER" })
    void anAnswerOverTheLimitsFailsTypedAndIsNotRepeated(HostileServer.Behaviour behaviour) {
        int before = hostile.requests();
        long start = System.nanoTime();
        Exchange exchange = template.send("frameio-shares:getShare?shareId=" + behaviour.id, e -> { });
        long millis = (System.nanoTime() - start) / 1_000_000;
        FrameioResponseTooLargeException e = assertInstanceOf(FrameioResponseTooLargeException.class,
                exchange.getException());
        assertTrue(e.getMessage().contains("maxResponseSize") || e.getMessage().contains("maxHeaderSize"), e.getMessage());
        assertTrue(millis < OVERALL_TIMEOUT + MARGIN, behaviour + " took " + millis + " ms");
        assertEquals(1, hostile.requests() - before, "the same answer would come again: not repeated");
    }

    @ParameterizedTest
    @EnumSource(value = HostileServer.Behaviour.class, names = { "DRIP", "SILENT" })
    void aSlowOrSilentServerIsEndedByTheOverallTimeout(HostileServer.Behaviour behaviour) {
        long start = System.nanoTime();
        Exchange exchange = template.send("frameio-shares:getShare?shareId=" + behaviour.id, e -> { });
        long millis = (System.nanoTime() - start) / 1_000_000;
        FrameioTimeoutException e = assertInstanceOf(FrameioTimeoutException.class, exchange.getException());
        assertTrue(e.isMaybeProcessed());
        assertTrue(millis >= OVERALL_TIMEOUT - 100 && millis < OVERALL_TIMEOUT + MARGIN, behaviour + " took " + millis
                                                                                       + " ms");
    }

    @Test
    void aCreateThatMeetsASilentServerIsReportedAsOutcomeUnknownWithinTheTimeout() {
        long start = System.nanoTime();
        Exchange exchange = template.send("frameio-shares:createShare?projectId=" + HostileServer.Behaviour.SILENT.id,
                e -> e.getMessage().setBody(Map.of("name", "Never answered", "access", "public")));
        long millis = (System.nanoTime() - start) / 1_000_000;
        FrameioOutcomeUnknownException e = assertInstanceOf(FrameioOutcomeUnknownException.class,
                exchange.getException());
        assertInstanceOf(FrameioTimeoutException.class, e.getCause());
        assertTrue(millis < OVERALL_TIMEOUT + MARGIN, millis + " ms");
    }

    @Test
    void maxResultsIsExactWhateverPageSizeFrameioAnswers() {
        Exchange exchange = template.send("frameio-shares:listShares?maxResults=250&projectId="
                                          + HostileServer.Behaviour.IGNORES_PAGE_SIZE.id, e -> { });
        assertNull(exchange.getException());
        assertEquals(250, exchange.getMessage().getBody(java.util.List.class).size());
        assertNull(exchange.getMessage().getHeader(FrameioSharesConstants.NEXT_CURSOR),
                "no cursor: continuing from Frame.io's would skip the items dropped");
    }

    @ParameterizedTest
    @EnumSource(value = HostileServer.Behaviour.class, names = { "ENDLESS_LINKS", "LOOPING_LINKS" })
    void aListingThatNeverEndsFailsTyped(HostileServer.Behaviour behaviour) {
        int before = hostile.requests();
        Exchange exchange = template.send("frameio-shares:listShares?projectId=" + behaviour.id, e -> { });
        FrameioPagingException e = assertInstanceOf(FrameioPagingException.class, exchange.getException());
        int pages = hostile.requests() - before;
        if (behaviour == HostileServer.Behaviour.LOOPING_LINKS) {
            assertEquals(2, pages, "the second answer of the same cursor stops it");
            assertTrue(e.getMessage().contains("answered before"), e.getMessage());
        } else {
            assertEquals(50, pages, "maxPages");
            assertTrue(e.getMessage().contains("maxPages"), e.getMessage());
        }
    }

    @ParameterizedTest
    @EnumSource(value = HostileServer.Behaviour.class, names = { "ENDLESS_LINKS", "LOOPING_LINKS" })
    void aChangeFeedWhoseListingNeverEndsFailsItsPollTypedAndEmitsNothing(HostileServer.Behaviour behaviour)
            throws Exception {
        BlockingQueue<Exchange> failures = new LinkedBlockingQueue<>();
        BlockingQueue<Exchange> events = new LinkedBlockingQueue<>();
        String routeId = "feed-" + behaviour;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(true).process(failures::add);
                from("frameio-shares:shareChanges?projectId=" + behaviour.id + "&delay=200&maxPages=5&bridgeErrorHandler=true")
                        .routeId(routeId).process(events::add);
            }
        });
        try {
            // each page waits for the consumer's share of the listing rate limit: a few seconds for 5
            Exchange failed = failures.poll(30, TimeUnit.SECONDS);
            assertNotNull(failed, "the poll failed and said so");
            Throwable cause = failed.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
            assertInstanceOf(FrameioPagingException.class, cause, String.valueOf(cause));
            assertTrue(events.isEmpty(), "no event from a listing that never ended: " + events);
        } finally {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        }
    }
}
