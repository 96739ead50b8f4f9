package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesStateException;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesTestSupport;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.support.ScheduledPollConsumer;
import org.junit.jupiter.api.BeforeEach;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Consumer tests: routes whose scheduler is not started, so that each test decides when a poll happens and what the
 * web app changes in between.
 */
abstract class ConsumerTestSupport extends FrameioSharesTestSupport {

    /** What a route received: one entry per exchange, in order. */
    record Received(String type, String shareId, List<?> changedFields, List<?> changedItems, Object body, int batchIndex,
                    int batchSize, boolean batchComplete, String eventId) {
    }

    protected final List<Received> received = new ArrayList<>();
    /** Exchanges for which this holds fail in the route (and are then emitted again). */
    protected volatile Predicate<Received> failWhen = r -> false;
    protected SimulatorAdmin admin;
    /** The state errors the consumers reported (a failed poll, through their exception handler), in order. */
    protected final List<FrameioSharesStateException> stateErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeEach
    void admin() {
        admin = new SimulatorAdmin(simulator);
        received.clear();
        stateErrors.clear();
        failWhen = r -> false;
    }

    @Override
    protected void configure(FrameioSharesConfiguration config) {
        super.configure(config);
        config.setConsumerCallsPerMinute(60_000);
        config.setReviewerCallsPerMinute(60_000);
    }

    /**
     * Starts a route from the URI (scheduler off) that records what it receives, and the state errors its consumer
     * reports (through its exceptionHandler, which Camel gives every failed poll).
     */
    protected ScheduledPollConsumer consume(String routeId, String uri) throws Exception {
        context.getRegistry().bind("stateErrorRecorder", new ExceptionHandler() {
            private final ExceptionHandler logging = new org.apache.camel.support.LoggingExceptionHandler(context,
                    ConsumerTestSupport.class);

            @Override
            public void handleException(Throwable exception) {
                handleException(null, null, exception);
            }

            @Override
            public void handleException(String message, Throwable exception) {
                handleException(message, null, exception);
            }

            @Override
            public void handleException(String message, Exchange exchange, Throwable exception) {
                for (Throwable t = exception; t != null; t = t.getCause()) {
                    if (t instanceof FrameioSharesStateException e) {
                        stateErrors.add(e);
                        break;
                    }
                }
                logging.handleException(message, exchange, exception);
            }
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri + (uri.contains("?") ? "&" : "?") + "startScheduler=false&exceptionHandler=#stateErrorRecorder")
                        .routeId(routeId).process(ConsumerTestSupport.this::record);
            }
        });
        return consumer(routeId);
    }

    /** Whether some state error reported since {@code from} names the key. */
    protected boolean reported(int from, String key) {
        return stateErrors.subList(from, stateErrors.size()).stream().anyMatch(e -> e.getKeys().contains(key));
    }

    protected ScheduledPollConsumer consumer(String routeId) {
        return (ScheduledPollConsumer) context.getRoute(routeId).getConsumer();
    }

    /** Runs one poll of the route's consumer and returns what it emitted. */
    protected List<Received> poll(String routeId) {
        int before = received.size();
        consumer(routeId).run();
        return new ArrayList<>(received.subList(before, received.size()));
    }

    private void record(Exchange exchange) {
        var m = exchange.getMessage();
        Received r = new Received(m.getHeader(FrameioSharesConstants.EVENT_TYPE, String.class),
                m.getHeader(FrameioSharesConstants.SHARE_ID, String.class),
                m.getHeader(FrameioSharesConstants.CHANGED_FIELDS, List.class),
                m.getHeader(FrameioSharesConstants.CHANGED_ITEMS, List.class), m.getBody(),
                exchange.getProperty(ExchangePropertyKey.BATCH_INDEX, Integer.class),
                exchange.getProperty(ExchangePropertyKey.BATCH_SIZE, Integer.class),
                exchange.getProperty(ExchangePropertyKey.BATCH_COMPLETE, Boolean.class),
                m.getHeader(FrameioSharesConstants.EVENT_ID, String.class));
        if (failWhen.test(r)) {
            throw new IllegalStateException("route step failed for " + r.type() + " of " + r.shareId());
        }
        received.add(r);
    }

    protected static List<String> types(List<Received> events) {
        return events.stream().map(Received::type).toList();
    }
}
