package io.github.camelframeio.benchmarks;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.reactor.IOReactorConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Benchmark 7: how many show-share requests a second the simulator serves, so that it never limits another
 * benchmark. Keep-alive connections, each sending its next {@code GET} as soon as the answer is in (no thread per
 * connection on the client either), for a few seconds per repeat, rate limits off.
 */
final class SimulatorThroughput extends Benchmark {

    static final int CONNECTIONS = 16;
    static final double TARGET = 5_000;

    /**
     * The hand-written socket server Jetty replaced cannot run from this build any more: it was measured with the same
     * load (frameio-shares-simulator/bench/ShowShareLoad.java, through bench/compare-servers.sh 36da98f HEAD) on this
     * machine, the last 3 of 8 runs of 3 s, twice, right before Jetty measured 22,000 to 27,700 requests/s with it.
     */
    private static final String OLD_SERVER_COMMIT = "36da98f";
    private static final String OLD_SERVER_REQUESTS_PER_SECOND = "35,600 to 37,500";
    private static final String OLD_SERVER_P99_MICROS = "1,270 to 1,670";

    SimulatorThroughput(Settings settings) {
        super(settings);
    }

    @Override
    String run(Path out) throws Exception {
        long millis = settings.producerMillis() * 2;
        List<Double> rates = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).start();
             CloseableHttpAsyncClient client = client()) {
            sim.bulkCreateShares(sim.fixtures().projectId(), 1);
            String url = sim.baseUrl() + "/v4/accounts/" + sim.fixtures().accountId() + "/shares/"
                         + sim.shareIds().iterator().next();
            SimpleHttpRequest request = SimpleRequestBuilder.get(url)
                    .addHeader("Authorization", "Bearer " + sim.fixtures().token()).build();
            load(client, request, settings.producerMillis()); // warm-up, both sides
            for (int r = 0; r < settings.repeats(); r++) {
                Run run = load(client, request, millis);
                rates.add(run.requests() * 1e9 / run.nanos());
                p99.add(run.samples().percentileMicros(99));
                Harness.log("simulator: repeat %d: %.0f requests/s, p99 %.0f µs", r + 1, rates.get(r), p99.get(r));
            }
        }
        Stats.Spread rate = Stats.Spread.of(rates);
        Stats.Spread latency = Stats.Spread.of(p99);
        figures.put("requestsPerSecond", rate.median());
        figures.put("p99Micros", latency.median());
        return "## 7. Simulator throughput\n\n"
               + "`GET` show share against the simulator (Jetty 12, rate limits off) from " + CONNECTIONS
               + " keep-alive connections of the async Apache HttpClient 5, each sending its next request as soon as"
               + " the answer is in; " + settings.repeats() + " runs of " + millis + " ms after a warm-up, the load"
               + " generator on the same two cores.\n\n"
               + "| Server | requests/s | p99 µs |\n|---|---|---|\n"
               + "| Jetty 12 (this build) | " + rate.format(0) + " | " + latency.format(0) + " |\n"
               + "| the hand-written server it replaced, measured with this same load at commit " + OLD_SERVER_COMMIT
               + " | " + OLD_SERVER_REQUESTS_PER_SECOND + " | " + OLD_SERVER_P99_MICROS + " |\n\n"
               + "The old server's figure is not from this run: `frameio-shares-simulator/bench/compare-servers.sh"
               + " 36da98f HEAD` measured it one after the other with Jetty at 22,000 to 27,700 requests/s on the same"
               + " machine, so Jetty serves about 0.75x what the old server did; the old one had no limits, no"
               + " deadlines and a thread per connection, which is what issue 12 replaced. The target is at least "
               + String.format(Locale.ROOT, "%,.0f", TARGET)
               + " requests/s, so that the simulator is never what another benchmark measures.\n\n";
    }

    /** The target row of the report's table. */
    static String targetRow(Map<String, Object> figures) {
        if (figures == null || !(figures.get("requestsPerSecond") instanceof Double rate)) {
            return "";
        }
        return "| ≥ 5,000 show-share requests/s from the simulator | " + Stats.f(rate, 0) + " | "
               + (rate >= TARGET ? "yes" : "no") + " |\n";
    }

    private record Run(Stats.Samples samples, long requests, long nanos) {
    }

    /** Every connection sends, waits for the answer, sends again, until the time is up. */
    private static Run load(CloseableHttpAsyncClient client, SimpleHttpRequest request, long millis) throws Exception {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        CountDownLatch finished = new CountDownLatch(CONNECTIONS);
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Caller> callers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < CONNECTIONS; i++) {
            Caller caller = new Caller(client, request, end, finished, failure);
            callers.add(caller);
            caller.send();
        }
        if (!finished.await(millis + 30_000, TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the load did not finish");
        }
        long nanos = System.nanoTime() - start;
        if (failure.get() != null) {
            throw failure.get();
        }
        Stats.Samples all = new Stats.Samples();
        callers.forEach(c -> all.addAll(c.samples));
        return new Run(all, all.size(), nanos);
    }

    /** One connection's worth of load: one request in flight, the next sent from the answer's callback. */
    private static final class Caller implements FutureCallback<SimpleHttpResponse> {
        private final CloseableHttpAsyncClient client;
        private final SimpleHttpRequest request;
        private final long end;
        private final CountDownLatch finished;
        private final AtomicReference<Exception> failure;
        private final Stats.Samples samples = new Stats.Samples();
        private long sent;

        Caller(CloseableHttpAsyncClient client, SimpleHttpRequest request, long end, CountDownLatch finished,
               AtomicReference<Exception> failure) {
            this.client = client;
            this.request = request;
            this.end = end;
            this.finished = finished;
            this.failure = failure;
        }

        void send() {
            sent = System.nanoTime();
            client.execute(request, this);
        }

        @Override
        public void completed(SimpleHttpResponse response) {
            long now = System.nanoTime();
            if (response.getCode() != 200) {
                failed(new IllegalStateException("status " + response.getCode()));
                return;
            }
            samples.add(now - sent);
            if (now < end) {
                send();
            } else {
                finished.countDown();
            }
        }

        @Override
        public void failed(Exception e) {
            failure.compareAndSet(null, e);
            finished.countDown();
        }

        @Override
        public void cancelled() {
            failed(new IllegalStateException("cancelled"));
        }
    }

    private static CloseableHttpAsyncClient client() {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(CONNECTIONS).setMaxConnPerRoute(CONNECTIONS).build())
                .setIOReactorConfig(IOReactorConfig.custom().setTcpNoDelay(true).build())
                .build();
        client.start();
        return client;
    }
}
