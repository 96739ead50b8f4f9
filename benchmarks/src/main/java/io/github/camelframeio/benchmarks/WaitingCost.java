package io.github.camelframeio.benchmarks;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesEndpoint;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import org.apache.camel.AsyncProcessor;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.AsyncProcessorConverterHelper;
import org.apache.camel.support.DefaultExchange;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark 4: what it costs while many exchanges wait for rate-limit budget: live threads and heap, with a
 * thousand createShare exchanges queued against Frame.io's 10 a minute.
 */
final class WaitingCost extends Benchmark {


    WaitingCost(Settings settings) {
        super(settings);
    }

    @Override
    String run(Path out) throws Exception {
        int n = settings.waiting();
        List<Double> threads = new ArrayList<>();
        List<Double> heap = new ArrayList<>();
        for (int r = 0; r < settings.repeats(); r++) {
            try (FrameioSimulator sim = FrameioSimulator.builder().start()) {
                CamelContext context = Harness.context(sim, c -> { });
                context.start();
                try {
                    FrameioSharesEndpoint endpoint = (FrameioSharesEndpoint) context.getEndpoint("frameio-shares:createShare");
                    AsyncProcessor producer = AsyncProcessorConverterHelper.convert(endpoint.createProducer());
                    context.addService(producer);
                    String asset = sim.fixtures().fileIds().get(0);
                    send(context, producer, "warm-up", asset);
                    Thread.sleep(200);
                    int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
                    long heapBefore = Harness.retainedHeap();
                    for (int i = 0; i < n; i++) {
                        send(context, producer, "Queued " + i, asset);
                    }
                    long deadline = System.currentTimeMillis() + 10_000;
                    while (endpoint.getClient().waitingForBudget() < n - 10 && System.currentTimeMillis() < deadline) {
                        Thread.sleep(20);
                    }
                    int waiting = endpoint.getClient().waitingForBudget();
                    int threadsDuring = ManagementFactory.getThreadMXBean().getThreadCount();
                    long heapDuring = Harness.retainedHeap();
                    threads.add((double) (threadsDuring - threadsBefore));
                    heap.add((heapDuring - heapBefore) / 1024.0 / 1024.0);
                    Harness.log("waiting: %d exchanges wait; %d more threads; %.1f MB more heap", waiting,
                            threadsDuring - threadsBefore, (heapDuring - heapBefore) / 1024.0 / 1024.0);
                } finally {
                    context.stop();
                }
            }
        }
        Stats.Spread t = Stats.Spread.of(threads);
        Stats.Spread h = Stats.Spread.of(heap);
        figures.put("extraThreads", t.max());
        figures.put("extraHeapMB", h.median());
        return "## 4. Waiting cost\n\n" + n + " `createShare` exchanges sent at once to an asynchronous producer against"
               + " the simulator's real limits (10 a minute): all but the first few wait for budget. Threads and heap"
               + " retained while they wait, compared with just before; " + settings.repeats() + " runs.\n\n"
               + "| Exchanges waiting | Extra live threads | Extra heap MB | Per exchange |\n|---|---|---|---|\n"
               + "| " + n + " | " + t.format(0) + " | " + h.format(1) + " | " + Stats.f(h.median() * 1024 * 1024 / n, 0)
               + " bytes |\n\nThe target is at most 32 threads: waiting exchanges are futures released by one scheduler"
               + " thread, not parked threads.\n\n";
    }

    private static void send(CamelContext context, AsyncProcessor producer, String name, String asset) {
        Exchange exchange = new DefaultExchange(context);
        exchange.getMessage().setBody(Map.of("name", name, "access", "public", "asset_ids", List.of(asset)));
        producer.process(exchange, doneSync -> { });
    }
}
