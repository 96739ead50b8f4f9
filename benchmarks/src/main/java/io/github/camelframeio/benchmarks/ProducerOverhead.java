package io.github.camelframeio.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.frameio.client.FrameioSharesBlockingClient;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.hc.client5.http.async.methods.SimpleHttpResponse;
import org.apache.hc.client5.http.async.methods.SimpleRequestBuilder;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Benchmark 1: what a Camel route with the producer adds to a getShare, next to the SDK alone (its blocking client)
 * and the bare async Apache HttpClient 5 call both are built on, with Jackson parsing into the same Share type, in
 * the same JVM, against the same simulator, interleaved round by round so that no side gets a warmer machine.
 */
final class ProducerOverhead extends Benchmark {

    /** What one side does for one request. */
    private interface Call {
        Share get() throws Exception;
    }

    private record Result(Stats.Samples samples, long requests, long nanos) {
        double throughput() {
            return requests * 1e9 / nanos;
        }
    }


    /** The side every ratio is taken against: the bare async client. */
    private static final int BARE = 2;
    /** The route with synchronous=true: the route's thread waits, one hand-off less. */
    private static final int SYNCHRONOUS = 3;

    ProducerOverhead(Settings settings) {
        super(settings);
    }

    @Override
    String run(Path out) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("## 1. Producer overhead\n\n");
        md.append("`getShare` three ways: through a Camel route (`direct:` → `frameio-shares:getShare`, typed `Share` body),"
                  + " through the SDK alone (`frameio-shares-client`'s blocking `getShare`, no Camel), and as the same"
                  + " request sent with the bare async Apache HttpClient 5 client both are built on (so that a thousand"
                  + " waiting exchanges hold no threads), with Jackson parsing into the same `Share`; and, as a fourth"
                  + " line, the route with `synchronous=true` (the route's thread waits for the answer). Same JVM, same"
                  + " simulator (rate limits off, and rate-limit pacing off, since Frame.io's 100 reads a minute would"
                  + " otherwise be the whole story),"
                  + " interleaved: " + settings.producerRounds() + " rounds of " + settings.producerMillis()
                  + " ms per side and repeat, each side first in turn, " + settings.repeats() + " repeats after a warm-up. Latency per call;"
                  + " throughput of all callers together.\n\n");
        List<Charts.Group> groups = new ArrayList<>();
        md.append("| Callers | Side | p50 µs | p99 µs | calls/s | p50 ratio | throughput ratio |\n|---|---|---|---|---|---|---|\n");
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).start();
             CloseableHttpAsyncClient async = bareAsyncClient();
             FrameioSharesClient sdk = FrameioSharesClient.builder().baseUrl(sim.fixtures().baseUrl())
                     .accessToken(sim.fixtures().token()).pacing(false).build()) {
            sim.bulkCreateShares(sim.fixtures().projectId(), 1);
            String shareId = sim.shareIds().iterator().next();
            CamelContext context = Harness.context(sim, c -> c.setRateLimitPacing(false));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:getShare").to("frameio-shares:getShare?shareId=" + shareId);
                    from("direct:getShareSynchronously").to("frameio-shares:getShare?synchronous=true&shareId=" + shareId);
                }
            });
            context.start();
            try {
                ProducerTemplate template = context.createProducerTemplate();
                ObjectMapper mapper = FrameioJson.newObjectMapper();
                String url = sim.baseUrl() + "/v4/accounts/" + sim.fixtures().accountId() + "/shares/" + shareId;
                String token = sim.fixtures().token();
                FrameioSharesBlockingClient blocking = sdk.blocking();
                String accountId = sim.fixtures().accountId();
                List<String> names = List.of("Camel route", "SDK alone (blocking getShare)",
                        "bare HttpClient 5 async + Jackson", "Camel route, synchronous=true");
                List<Call> sides = List.of(() -> template.requestBody("direct:getShare", null, Share.class),
                        () -> blocking.getShare(accountId, shareId), () -> bareAsyncGet(async, mapper, url, token),
                        () -> template.requestBody("direct:getShareSynchronously", null, Share.class));
                Share expected = sides.get(0).get();
                for (Call side : sides) {
                    check(expected, side.get());
                }
                Harness.log("producer: warming up");
                for (int i = 0; i < 2; i++) {
                    for (Call side : sides) {
                        measure(side, 16, settings.producerMillis());
                    }
                }
                for (int callers : settings.callers()) {
                    int n = sides.size();
                    List<List<Double>> p50 = lists(n);
                    List<List<Double>> p99 = lists(n);
                    List<List<Double>> tput = lists(n);
                    for (int r = 0; r < settings.repeats(); r++) {
                        List<Stats.Samples> samples = new ArrayList<>();
                        for (int side = 0; side < n; side++) {
                            samples.add(new Stats.Samples());
                        }
                        long[] requests = new long[n];
                        long[] nanos = new long[n];
                        for (int round = 0; round < settings.producerRounds(); round++) {
                            for (int k = 0; k < n; k++) {
                                int side = (round + k) % n; // each side goes first, second, ... in turn
                                Result result = measure(sides.get(side), callers, settings.producerMillis());
                                samples.get(side).addAll(result.samples());
                                requests[side] += result.requests();
                                nanos[side] += result.nanos();
                            }
                        }
                        for (int side = 0; side < n; side++) {
                            p50.get(side).add(samples.get(side).percentileMicros(50));
                            p99.get(side).add(samples.get(side).percentileMicros(99));
                            tput.get(side).add(requests[side] * 1e9 / nanos[side]);
                        }
                        Harness.log("producer: %d callers, repeat %d: camel p50 %.0f µs %.0f/s, SDK %.0f µs %.0f/s,"
                                    + " async %.0f µs %.0f/s", callers, r + 1, p50.get(0).get(r), tput.get(0).get(r),
                                p50.get(1).get(r), tput.get(1).get(r), p50.get(2).get(r), tput.get(2).get(r));
                    }
                    for (int side = 0; side < n; side++) {
                        List<Double> latencyRatio = new ArrayList<>();
                        List<Double> throughputRatio = new ArrayList<>();
                        for (int r = 0; r < settings.repeats(); r++) {
                            latencyRatio.add(p50.get(side).get(r) / p50.get(BARE).get(r));
                            throughputRatio.add(tput.get(BARE).get(r) / tput.get(side).get(r));
                        }
                        md.append("| ").append(callers).append(" | ").append(names.get(side)).append(" | ")
                                .append(Stats.Spread.of(p50.get(side)).format(0)).append(" | ")
                                .append(Stats.Spread.of(p99.get(side)).format(0)).append(" | ")
                                .append(Stats.Spread.of(tput.get(side)).format(0)).append(" | ")
                                .append(Stats.Spread.of(latencyRatio).format(2)).append(" | ")
                                .append(Stats.Spread.of(throughputRatio).format(2)).append(" |\n");
                        if (side == 0) {
                            figures.put("p50Ratio." + callers, Stats.Spread.of(latencyRatio).median());
                            figures.put("throughputRatio." + callers, Stats.Spread.of(throughputRatio).median());
                        }
                        if (side == 1) {
                            figures.put("sdkP50Ratio." + callers, Stats.Spread.of(latencyRatio).median());
                        }
                        if (side == SYNCHRONOUS) {
                            figures.put("synchronousP50Ratio." + callers, Stats.Spread.of(latencyRatio).median());
                        }
                    }
                    figures.put("overheadMicros." + callers,
                            Stats.Spread.of(p50.get(0)).median() - Stats.Spread.of(p50.get(BARE)).median());
                    groups.add(new Charts.Group(callers + (callers == 1 ? " caller" : " callers"), new double[] {
                        Stats.Spread.of(p50.get(0)).median(), Stats.Spread.of(p50.get(1)).median(),
                        Stats.Spread.of(p50.get(2)).median(), Stats.Spread.of(p50.get(3)).median()}));
                }
                md.append("\nRatios compare each side with the bare async client: latency ÷ its latency, its throughput"
                          + " ÷ throughput (1.00 = no cost; the target for the Camel route is at most 1.15).\n\n");
                md.append(realisticLatency(sim, sides.get(0), sides.get(BARE)));
            } finally {
                context.stop();
            }
        }
        Charts.bars(out.resolve("benchmarks-producer.png"), "getShare p50 latency on loopback (lower is better)",
                "µs", List.of("Camel route", "SDK alone", "bare async", "route, synchronous"), groups);
        md.append("![Producer latency](benchmarks-producer.png)\n\n");
        return md.toString();
    }

    private static List<List<Double>> lists(int n) {
        List<List<Double>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    /** The same comparison when each answer takes 20 ms, about a Frame.io round trip from a nearby region. */
    private String realisticLatency(FrameioSimulator sim, Call camel, Call bare) throws Exception {
        sim.faults(new FaultRule("shares.show", null, null, 1.0, 20, false, false, false));
        try {
            int callers = 16;
            List<Double> ratio = new ArrayList<>();
            List<Double> camelP50 = new ArrayList<>();
            List<Double> bareP50 = new ArrayList<>();
            for (int r = 0; r < settings.repeats(); r++) {
                Result c = measure(camel, callers, settings.producerMillis());
                Result b = measure(bare, callers, settings.producerMillis());
                camelP50.add(c.samples().percentileMicros(50));
                bareP50.add(b.samples().percentileMicros(50));
                ratio.add(c.samples().percentileMicros(50) / b.samples().percentileMicros(50));
            }
            figures.put("p50Ratio.20ms", Stats.Spread.of(ratio).median());
            return "With 20 ms added to every answer (a Frame.io round trip is tens of milliseconds), " + callers
                   + " callers: Camel p50 " + Stats.Spread.of(camelP50).format(0) + " µs, bare p50 "
                   + Stats.Spread.of(bareP50).format(0) + " µs, ratio " + Stats.Spread.of(ratio).format(3) + ".\n\n";
        } finally {
            sim.clearFaults();
        }
    }

    private static Result measure(Call call, int callers, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            AtomicBoolean stop = new AtomicBoolean();
            List<Callable<Stats.Samples>> tasks = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                tasks.add(() -> {
                    Stats.Samples samples = new Stats.Samples();
                    while (!stop.get()) {
                        long start = System.nanoTime();
                        if (call.get() == null) {
                            throw new IllegalStateException("no share");
                        }
                        samples.add(System.nanoTime() - start);
                    }
                    return samples;
                });
            }
            long start = System.nanoTime();
            List<Future<Stats.Samples>> futures = new ArrayList<>();
            for (Callable<Stats.Samples> task : tasks) {
                futures.add(pool.submit(task));
            }
            Thread.sleep(millis);
            stop.set(true);
            Stats.Samples all = new Stats.Samples();
            for (Future<Stats.Samples> f : futures) {
                all.addAll(f.get());
            }
            long nanos = System.nanoTime() - start;
            return new Result(all, all.size(), nanos);
        } finally {
            pool.shutdownNow();
        }
    }

    private static CloseableHttpAsyncClient bareAsyncClient() {
        CloseableHttpAsyncClient client = HttpAsyncClients.custom()
                .setConnectionManager(PoolingAsyncClientConnectionManagerBuilder.create()
                        .setMaxConnTotal(20).setMaxConnPerRoute(20).build())
                .build();
        client.start();
        return client;
    }

    private static Share bareAsyncGet(CloseableHttpAsyncClient http, ObjectMapper mapper, String url, String token)
            throws Exception {
        SimpleHttpResponse response = http.execute(SimpleRequestBuilder.get(url).addHeader("Authorization", "Bearer " + token)
                .addHeader("Accept", "application/json").build(), null).get();
        if (response.getCode() != 200) {
            throw new IllegalStateException("status " + response.getCode());
        }
        JsonNode json = mapper.readTree(response.getBodyBytes());
        return mapper.convertValue(json.path("data"), Share.class);
    }

    private static void check(Share camel, Share bare) {
        if (!camel.getId().equals(bare.getId()) || !camel.getName().equals(bare.getName())) {
            throw new IllegalStateException("the two sides read different shares");
        }
    }
}
