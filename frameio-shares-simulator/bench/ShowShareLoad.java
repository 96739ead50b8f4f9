import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import org.apache.hc.client5.http.async.methods.*;
import org.apache.hc.client5.http.impl.async.*;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.reactor.IOReactorConfig;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicReference;
/**
 * The load of benchmark 7 (docs/benchmarks.md) as one source file, so that it runs against any build of the simulator,
 * including ones older than the benchmarks module's: {@code java -cp <simulator classes + deps + httpclient5>
 * ShowShareLoad.java <millis> <repeats> <label>}. See compare-servers.sh, which measures two commits one after the
 * other.
 */
public class ShowShareLoad {
    static final int CONNECTIONS = 16;
    public static void main(String[] a) throws Exception {
        long millis = Long.parseLong(a[0]); int repeats = Integer.parseInt(a[1]);
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).start();
             CloseableHttpAsyncClient client = client()) {
            sim.bulkCreateShares(sim.fixtures().projectId(), 1);
            String url = sim.baseUrl() + "/v4/accounts/" + sim.fixtures().accountId() + "/shares/" + sim.shareIds().iterator().next();
            SimpleHttpRequest request = SimpleRequestBuilder.get(url).addHeader("Authorization", "Bearer " + sim.fixtures().token()).build();
            load(client, request, millis);
            for (int r = 0; r < repeats; r++) {
                Run run = load(client, request, millis);
                List<Long> s = new ArrayList<>(run.samples()); Collections.sort(s);
                System.out.printf(Locale.ROOT, "%s repeat %d: %.0f requests/s, p99 %.0f us%n", a[2], r + 1, run.requests() * 1e9 / run.nanos(), s.get((int) Math.ceil(s.size() * 0.99) - 1) / 1000.0);
            }
        }
    }
    private record Run(List<Long> samples, long requests, long nanos) {
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
        List<Long> all = new ArrayList<>();
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
        private final List<Long> samples = new ArrayList<>();
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
