package io.github.camelframeio.benchmarks;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.admin.RequestLog;

import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark 3: how close the producer gets to Frame.io's rate limit without tripping it: createShare (10 a minute)
 * from several concurrent senders against the simulator's enforced limits, with the window scaled down so that a
 * run takes seconds.
 */
final class RateLimitEfficiency extends Benchmark {

    private static final int LIMIT = 10; // createShare: 10 calls per window


    RateLimitEfficiency(Settings settings) {
        super(settings);
    }

    @Override
    String run(Path out) throws Exception {
        double windowSeconds = 60 * settings.rateScale();
        double allowed = LIMIT / windowSeconds;
        StringBuilder md = new StringBuilder();
        md.append("## 3. Rate-limit efficiency\n\n");
        md.append("`createShare` (Frame.io allows 10 a minute) with the component's defaults (pacing on), against the"
                  + " simulator's enforced limits with the window scaled by " + settings.rateScale() + " (10 calls per "
                  + Stats.f(windowSeconds, 2) + " s, " + Stats.f(allowed, 2) + " calls/s allowed). "
                  + settings.rateExchanges() + " exchanges per run, shared by the senders, " + settings.repeats()
                  + " runs each. *Sustained* is the rate from the 11th share on (the bucket starts full, so the first"
                  + " ten may go at once, as Frame.io allows); *overall* counts from the first. 429s are answers the"
                  + " simulator sent per 100 requests.\n\n");
        md.append("| Senders | Sustained, % of allowed | Overall, % of allowed | 429s per 100 requests | Lost or failed"
                  + " |\n|---|---|---|---|---|\n");
        List<Charts.Group> groups = new ArrayList<>();
        for (int senders : settings.senders()) {
            List<Double> sustained = new ArrayList<>();
            List<Double> overall = new ArrayList<>();
            List<Double> limited = new ArrayList<>();
            int failed = 0;
            for (int r = 0; r < settings.repeats(); r++) {
                Run run = run(senders, allowed);
                sustained.add(run.sustained * 100);
                overall.add(run.overall * 100);
                limited.add(run.limitedPer100);
                failed += run.failed;
                Harness.log("rate limits: %d senders: sustained %.0f%%, overall %.0f%%, %.1f 429s per 100", senders,
                        run.sustained * 100, run.overall * 100, run.limitedPer100);
            }
            Stats.Spread s = Stats.Spread.of(sustained);
            Stats.Spread l = Stats.Spread.of(limited);
            md.append("| ").append(senders).append(" | ").append(s.format(0)).append(" | ")
                    .append(Stats.Spread.of(overall).format(0)).append(" | ").append(l.format(1)).append(" | ")
                    .append(failed).append(" |\n");
            figures.put("sustainedPercent." + senders, s.median());
            figures.put("limitedPer100." + senders, l.max());
            figures.put("failed." + senders, failed);
            groups.add(new Charts.Group(senders + (senders == 1 ? " sender" : " senders"),
                    new double[] {s.median(), Stats.Spread.of(overall).median()}));
        }
        Charts.bars(out.resolve("benchmarks-rate-limits.png"), "createShare rate as % of Frame.io's limit",
                "%", List.of("sustained", "overall"), groups);
        md.append("\n![Rate-limit efficiency](benchmarks-rate-limits.png)\n\n");
        return md.toString();
    }

    private record Run(double sustained, double overall, double limitedPer100, int failed) {
    }

    private Run run(int senders, double allowed) throws Exception {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimitScale(settings.rateScale())
                .recentRequests(Math.max(1000, settings.rateExchanges() * 4)).start()) {
            CamelContext context = Harness.context(sim, c -> c.setInitialBackoff(50));
            context.start();
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            try {
                ProducerTemplate template = context.createProducerTemplate();
                String asset = sim.fixtures().fileIds().get(0);
                List<Long> done = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger next = new AtomicInteger();
                AtomicInteger failed = new AtomicInteger();
                long start = System.nanoTime();
                List<Future<?>> futures = new ArrayList<>();
                for (int s = 0; s < senders; s++) {
                    futures.add(pool.submit(() -> {
                        int i;
                        while ((i = next.getAndIncrement()) < settings.rateExchanges()) {
                            try {
                                template.requestBody("frameio-shares:createShare",
                                        Map.of("name", "Paced " + i, "access", "public", "asset_ids", List.of(asset)));
                                done.add(System.nanoTime() - start);
                            } catch (RuntimeException e) {
                                failed.incrementAndGet();
                            }
                        }
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
                List<Long> times = new ArrayList<>(done);
                Collections.sort(times);
                int n = times.size();
                double overall = n / (times.get(n - 1) / 1e9) / allowed;
                int k = Math.min(LIMIT, n - 2);
                double sustained = (n - 1 - k) / ((times.get(n - 1) - times.get(k)) / 1e9) / allowed;
                List<RequestLog.Entry> creates = sim.requests().recent().stream()
                        .filter(e -> "shares.create".equals(e.operation())).toList();
                long limited = creates.stream().filter(e -> e.status() == 429).count();
                int lost = settings.rateExchanges() - sim.shareCount();
                return new Run(sustained, overall, 100.0 * limited / creates.size(), failed.get() + Math.abs(lost));
            } finally {
                pool.shutdownNow();
                context.stop();
            }
        }
    }
}
