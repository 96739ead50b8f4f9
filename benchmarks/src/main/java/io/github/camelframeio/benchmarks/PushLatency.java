package io.github.camelframeio.benchmarks;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.webhook.WebhookComponent;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Benchmark 9: change-to-event latency, push against polling, in the same run: one context with two routes on the
 * same project, {@code webhook:frameio-shares:shareChanges} (Frame.io's webhook, received on platform-http) and
 * {@code frameio-shares:shareChanges} at the default delay. Shares are created "in the web app" (the simulator's
 * admin API) at random moments over several poll periods; each one's latency is from just before the change to the
 * moment its created event reaches each route.
 */
final class PushLatency extends Benchmark {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    PushLatency(Settings settings) {
        super(settings);
    }

    @Override
    String run(Path out) throws Exception {
        int changes = settings.pushChanges();
        long pollDelay = settings.pushPollDelay();
        Map<String, Long> changedAt = new ConcurrentHashMap<>();
        Map<String, Long> pushedAt = new ConcurrentHashMap<>();
        Map<String, Long> polledAt = new ConcurrentHashMap<>();
        Stats.Samples push = new Stats.Samples();
        Stats.Samples poll = new Stats.Samples();
        long calls;
        try (FrameioSimulator sim = FrameioSimulator.builder().start()) {
            SimulatorFixtures f = sim.fixtures();
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            CamelContext context = Harness.context(sim, c -> { });
            VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
            server.setBindHost("127.0.0.1");
            server.setBindPort(port);
            context.addService(new VertxPlatformHttpServer(server));
            WebhookComponent webhook = context.getComponent("webhook", WebhookComponent.class);
            webhook.getConfiguration().setWebhookComponentName("platform-http");
            webhook.getConfiguration().setWebhookExternalUrl("http://127.0.0.1:" + port);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("webhook:frameio-shares:shareChanges?workspaceId=" + f.workspaceId()).routeId("push")
                            .process(e -> arrived(e, pushedAt));
                    from("frameio-shares:shareChanges?delay=" + pollDelay).routeId("poll")
                            .process(e -> arrived(e, polledAt));
                }
            });
            context.start();
            try {
                // both baselines taken: the first poll of each route is 1 s after the start
                long ready = System.currentTimeMillis() + 30_000;
                while (!(Boolean.TRUE.equals(baselines(context))) && System.currentTimeMillis() < ready) {
                    Thread.sleep(20);
                }
                // one share first, not timed: the first delivery also opens connections and loads classes
                String warmUp = createShare(f, "Warm-up");
                long warm = System.currentTimeMillis() + 30_000;
                while (!(pushedAt.containsKey(warmUp) && polledAt.containsKey(warmUp)) && System.currentTimeMillis() < warm) {
                    Thread.sleep(20);
                }
                Random random = new Random(8);
                long spacing = Math.max(1, pollDelay * 5 / changes);
                for (int i = 0; i < changes; i++) {
                    Thread.sleep((long) (spacing * (0.5 + random.nextDouble())));
                    long before = System.nanoTime();
                    String id = createShare(f, "Timed " + i);
                    changedAt.put(id, before);
                }
                long deadline = System.currentTimeMillis() + pollDelay * 2 + 10_000;
                // every timed share on both paths (the maps also hold the warm-up share)
                while (!(pushedAt.keySet().containsAll(changedAt.keySet())
                         && polledAt.keySet().containsAll(changedAt.keySet())) && System.currentTimeMillis() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                context.stop();
            }
            calls = sim.requests().count("shares.show");
        }
        changedAt.forEach((id, t0) -> {
            Long p = pushedAt.get(id);
            if (p != null) {
                push.add(p - t0);
            }
            Long q = polledAt.get(id);
            if (q != null) {
                poll.add(q - t0);
            }
        });
        double pushP50 = push.percentileMicros(50) / 1000;
        double pushP99 = push.percentileMicros(99) / 1000;
        double pollP50 = poll.percentileMicros(50) / 1000;
        double pollP99 = poll.percentileMicros(99) / 1000;
        figures.put("changes", changes);
        figures.put("pushed", push.size());
        figures.put("polled", poll.size());
        figures.put("pushP50Millis", pushP50);
        figures.put("pushP99Millis", pushP99);
        figures.put("pollP50Millis", pollP50);
        figures.put("pollP99Millis", pollP99);
        figures.put("showShareCalls", calls);
        Harness.log("push latency: push p50 %.0f ms p99 %.0f ms (%d of %d); polling every %d ms p50 %.0f ms p99 %.0f ms"
                    + " (%d of %d)", pushP50, pushP99, push.size(), changes, pollDelay, pollP50, pollP99, poll.size(),
                changes);
        return "## 9. Push latency\n\n"
               + "From a change in the web app to its event in the route, for " + changes + " shares created at random"
               + " moments over " + (pollDelay * 5 / 1000) + " s, received by two routes of one context on the same"
               + " project in the same run: `webhook:frameio-shares:shareChanges` (the simulator posts each event,"
               + " signed, to platform-http on loopback; the route verifies it, answers 204 and reads the share) and"
               + " `frameio-shares:shareChanges` polling every " + pollDelay + " ms (" + (pollDelay == 30_000
                       ? "the default delay" : "a shortened delay") + "). Both with the default"
               + " consumerCallsPerMinute and the simulator's rate limits on.\n\n"
               + "| Path | Events | p50 | p99 |\n|---|---|---|---|\n"
               + "| Push (webhook) | " + push.size() + " of " + changes + " | " + Stats.f(pushP50, 0) + " ms | "
               + Stats.f(pushP99, 0) + " ms |\n"
               + "| Polling, delay " + pollDelay + " ms | " + poll.size() + " of " + changes + " | "
               + Stats.f(pollP50, 0) + " ms | " + Stats.f(pollP99, 0) + " ms |\n\n"
               + "Push costs one show-share call per delivery (" + calls + " in this run, with the untimed warm-up"
               + " share, against Frame.io's 100 a minute); polling costs ceil(n / 100) list calls per poll whatever changed. Against Frame.io add its"
               + " own delivery time; its retries (15 s and up) apply only to failed deliveries, which the"
               + " reconciling poll (reconcileDelay) also covers.\n\n";
    }

    /** Target: push p99 under 1 s. */
    static String targetRow(Map<String, Object> figures) {
        if (figures == null || !(figures.get("pushP99Millis") instanceof Double p99)) {
            return "";
        }
        return "| Push (webhook) change-to-event p99 < 1 s | " + Stats.f(p99, 0) + " ms | " + (p99 < 1000 ? "yes" : "no")
               + " |\n";
    }

    private static Boolean baselines(CamelContext context) {
        var push = (org.apache.camel.component.webhook.WebhookEndpoint) context.getRoute("push").getEndpoint();
        var receiver = ((io.github.camelframeio.camel.component.frameio.shares.FrameioSharesWebhookEndpoint) push.getEndpoint())
                .getWebhookReceiver();
        var poll = (org.apache.camel.support.ScheduledPollConsumer) context.getRoute("poll").getConsumer();
        return receiver.consumer().hasBaseline() && poll.getCounter() > 0;
    }

    private static void arrived(Exchange exchange, Map<String, Long> at) {
        if ("created".equals(exchange.getMessage().getHeader("CamelFrameioSharesEventType", String.class))) {
            at.putIfAbsent(exchange.getMessage().getHeader("CamelFrameioSharesShareId", String.class), System.nanoTime());
        }
    }

    /** A share created as the web app does (the simulator's admin API: no rate limit, fires the webhooks). */
    private static String createShare(SimulatorFixtures f, String name) throws Exception {
        String body = "{\"data\":{\"name\":\"" + name + "\",\"access\":\"public\",\"type\":\"asset\",\"asset_ids\":[\""
                      + f.fileIds().get(0) + "\"]}}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(f.baseUrl() + "/_sim/projects/"
                + f.projectId() + "/shares")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a share in the simulator answered " + response.statusCode() + ": "
                                            + response.body());
        }
        String json = response.body();
        int at = json.indexOf("\"id\":\"") + 6;
        return json.substring(at, json.indexOf('"', at));
    }
}
