package io.github.camelframeio.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.camel.component.frameio.shares.consumer.ChangeDetector;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.ScheduledPollConsumer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark 2: how the shareChanges consumer scales with the size of a project: a full poll, its list calls, the
 * diff alone (the pure function, no I/O), and the heap the consumer's state keeps per share.
 */
final class ChangeFeedScale extends Benchmark {


    ChangeFeedScale(Settings settings) {
        super(settings);
    }

    @Override
    String run(Path out) throws Exception {
        StringBuilder md = new StringBuilder();
        md.append("## 2. Change feed scale\n\n");
        md.append("A `shareChanges` consumer (default in-memory state, its call allowance and the client's pacing"
                  + " lifted so that the listing runs at the simulator's speed) on projects bulk-seeded with n shares."
                  + " *First poll*: the baseline. *Full poll*: a poll that finds nothing new (" + settings.repeats()
                  + " repeats). *Poll, 1% edited*: a poll after renaming 1% of the shares, which emits those updates"
                  + " to a route that only counts them. *Diff alone*: `ChangeDetector.diff` over a listing with 1% of"
                  + " the shares edited, against the state, without HTTP (warm, " + Math.max(3, settings.repeats() * 3)
                  + " repeats; listings of 5,000 shares or more are encoded on every core). *State*: the heap that"
                  + " goes away when the consumer's route and endpoint (which hold the state) are removed, per share.\n\n");
        md.append("| Shares | List calls per poll | ceil(n/100) | First poll ms | Full poll ms | Poll, 1% edited ms |"
                  + " Diff alone ms | State bytes/share |\n|---|---|---|---|---|---|---|---|\n");
        List<Charts.Group> groups = new ArrayList<>();
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).recentRequests(10).start()) {
            for (int n : settings.projectSizes()) {
                sim.reset();
                sim.bulkCreateShares(sim.fixtures().projectId(), n);
                Row row = measure(sim, n);
                long expected = (n + 99) / 100;
                md.append("| ").append(String.format("%,d", n)).append(" | ").append(row.listCalls).append(" | ")
                        .append(expected).append(" | ").append(Stats.f(row.firstPoll, 0)).append(" | ")
                        .append(row.fullPoll.format(0)).append(" | ").append(row.editedPoll.format(0)).append(" | ")
                        .append(row.diff.format(1)).append(" | ").append(Stats.f(row.bytesPerShare, 0)).append(" |\n");
                figures.put("listCalls." + n, row.listCalls);
                figures.put("expectedListCalls." + n, expected);
                figures.put("diffMillis." + n, row.diff.median());
                figures.put("bytesPerShare." + n, row.bytesPerShare);
                figures.put("fullPollMillis." + n, row.fullPoll.median());
                figures.put("editedEvents." + n, row.editedEvents);
                groups.add(new Charts.Group(String.format("%,d shares", n), new double[] {row.fullPoll.median(),
                    row.diff.median()}));
                Harness.log("change feed: %,d shares: %d list calls, full poll %.0f ms, diff %.1f ms, %.0f bytes/share",
                        n, row.listCalls, row.fullPoll.median(), row.diff.median(), row.bytesPerShare);
            }
        }
        Charts.bars(out.resolve("benchmarks-change-feed.png"), "shareChanges: full poll and diff alone by project size",
                "ms", List.of("full poll", "diff alone"), groups);
        md.append("\n![Change feed scale](benchmarks-change-feed.png)\n\n");
        return md.toString();
    }

    private static final class Row {
        long listCalls;
        double firstPoll;
        Stats.Spread fullPoll;
        Stats.Spread editedPoll;
        long editedEvents;
        Stats.Spread diff;
        double bytesPerShare;
    }

    private Row measure(FrameioSimulator sim, int n) throws Exception {
        Row row = new Row();
        AtomicLong events = new AtomicLong();
        CamelContext context = Harness.context(sim, c -> {
            c.setRateLimitPacing(false);
            c.setConsumerCallsPerMinute(100_000_000);
        });
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("frameio-shares:shareChanges?startScheduler=false").routeId("feed").process(e -> events.incrementAndGet());
            }
        });
        context.start();
        try {
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("feed").getConsumer();
            long start = System.nanoTime();
            consumer.run();
            row.firstPoll = (System.nanoTime() - start) / 1e6;
            check(consumer, "baseline");

            List<Double> full = new ArrayList<>();
            long calls = 0;
            for (int r = 0; r < settings.repeats(); r++) {
                long before = sim.requests().count("shares.index");
                start = System.nanoTime();
                consumer.run();
                full.add((System.nanoTime() - start) / 1e6);
                check(consumer, "full poll");
                calls = sim.requests().count("shares.index") - before;
            }
            row.fullPoll = Stats.Spread.of(full);
            row.listCalls = calls;

            List<Double> edited = new ArrayList<>();
            List<String> ids = new ArrayList<>(sim.shareIds());
            for (int r = 0; r < settings.repeats(); r++) {
                for (int i = r; i < ids.size(); i += 100) {
                    sim.editShare(ids.get(i), Map.of("name", "Edited " + r + " " + i));
                }
                long before = events.get();
                start = System.nanoTime();
                consumer.run();
                edited.add((System.nanoTime() - start) / 1e6);
                check(consumer, "edited poll");
                row.editedEvents = events.get() - before;
            }
            row.editedPoll = Stats.Spread.of(edited);
            // the state is what goes away with the route and its endpoint, which hold it
            consumer = null;
            long with = Harness.retainedHeap();
            context.getRouteController().stopRoute("feed");
            context.removeRoute("feed");
            context.removeEndpoints("frameio-shares:shareChanges*");
            long without = Harness.retainedHeap();
            row.bytesPerShare = (double) (with - without) / n;
            row.diff = diffAlone(sim, ids);
        } finally {
            context.stop();
        }
        return row;
    }

    private static void check(ScheduledPollConsumer consumer, String what) {
        if (consumer.getErrorCounter() > 0) {
            throw new IllegalStateException("the " + what + " failed");
        }
    }

    /** The diff of a listing with 1% of the shares edited against the state of the unedited listing. */
    private Stats.Spread diffAlone(FrameioSimulator sim, List<String> ids) {
        ChangeDetector detector = new ChangeDetector(FrameioJson.newObjectMapper());
        Map<String, ObjectNode> listing = new LinkedHashMap<>();
        for (String id : ids) {
            listing.put(id, (ObjectNode) sim.share(id).deepCopy());
        }
        Map<String, byte[]> known = new HashMap<>();
        listing.forEach((id, share) -> known.put(id, detector.encode(share)));
        for (int i = 0; i < ids.size(); i += 100) {
            JsonNode share = listing.get(ids.get(i));
            ((ObjectNode) share).put("name", "Edited for the diff " + i);
            ((ObjectNode) share).put("updated_at", "2030-01-01T00:00:00.000000Z");
        }
        int expected = (ids.size() + 99) / 100;
        for (int warm = 0; warm < 5; warm++) {
            detector.diff(listing, known::get);
        }
        List<Double> times = new ArrayList<>();
        for (int r = 0; r < Math.max(3, settings.repeats() * 3); r++) {
            long start = System.nanoTime();
            int changes = detector.diff(listing, known::get).size();
            times.add((System.nanoTime() - start) / 1e6);
            if (changes != expected) {
                throw new IllegalStateException("the diff found " + changes + " changes, not " + expected);
            }
        }
        return Stats.Spread.of(times);
    }
}
