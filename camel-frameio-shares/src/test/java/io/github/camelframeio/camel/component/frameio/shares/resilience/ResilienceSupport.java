package io.github.camelframeio.camel.component.frameio.shares.resilience;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesTestSupport;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A Camel context pointed at a simulator, and a way to send many exchanges at once through the asynchronous producer
 * (as a route's async routing engine does), so that no test thread waits for each of them.
 */
final class ResilienceSupport {

    private ResilienceSupport() {
    }

    static CamelContext context(FrameioSimulator simulator, Consumer<FrameioSharesConfiguration> settings) {
        return FrameioSharesTestSupport.startContext(simulator, settings);
    }

    /** Starts an exchange through the endpoint's producer without waiting for it. */
    static CompletableFuture<Exchange> sendAsync(CamelContext context, AsyncProcessor producer, Object body,
                                                 Map<String, Object> headers) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(body);
        headers.forEach(exchange.getMessage()::setHeader);
        CompletableFuture<Exchange> done = new CompletableFuture<>();
        producer.process(exchange, sync -> done.complete(exchange));
        return done;
    }

    static AsyncProcessor producer(CamelContext context, String uri) throws Exception {
        Endpoint endpoint = context.getEndpoint(uri);
        org.apache.camel.Producer producer = endpoint.createAsyncProducer();
        producer.start();
        return AsyncProcessorConverterHelper.convert(producer);
    }

    static List<Exchange> join(List<CompletableFuture<Exchange>> all) {
        return all.stream().map(CompletableFuture::join).toList();
    }
}
