package io.github.camelframeio.camel.component.frameio.shares.resilience;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.frameio.client.FrameioException;
import io.github.camelframeio.frameio.client.FrameioOutcomeUnknownException;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Over 500 mixed operations from 8 concurrent routes against a hostile Frame.io: about 20% of requests fail (500,
 * 502, 503, a 502 after the work was done, connection resets, answers slower than the timeout, 429), on top of the
 * real, scaled rate limits. Every operation that is safe to repeat must succeed; Frame.io must end up holding
 * exactly the shares whose creation was reported, once each; every failure must reach the route as a typed
 * exception with a status and a detail.
 */
class FaultInjectionSuiteTest {

    private static final int WORKERS = 8;
    /** Operations each worker runs at least: 8 x 66 = 528. */
    private static final int OPERATIONS_PER_WORKER = 66;
    private static final Set<String> MAY_FAIL = Set.of("createShare", "addReviewers");

    private final Map<String, AtomicInteger> done = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    private final List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    /** Names of creates reported as outcome unknown, with why the lookup could not settle them. */
    private final Map<String, String> unknownCreates = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> perWorker = new ConcurrentHashMap<>();

    @Test
    void fiveHundredOperationsAgainstAHostileFrameio() throws Exception {
        try (FrameioSimulator simulator = FrameioSimulator.builder().rateLimitScale(0.01).recentRequests(5000).start();
             CamelContext context = ResilienceSupport.context(simulator, c -> {
                 c.setMaxRetries(10);
                 c.setInitialBackoff(5);
                 c.setServerErrorBackoff(5);
                 c.setMaxBackoff(40);
                 c.setResponseTimeout(150);
                 c.setReconcileWindow(800);
             })) {
            SimulatorFixtures fx = simulator.fixtures();
            simulator.faults(
                    FaultRule.status("*", 500).probability(0.033),
                    FaultRule.status("*", 502).probability(0.033),
                    FaultRule.status("*", 503).probability(0.033),
                    new FaultRule("*", null, null, 0.033, 0, true, false, false),
                    new FaultRule("*", null, null, 0.033, 300, false, false, false),
                    FaultRule.status("*", 429).probability(0.033),
                    new FaultRule("*", 502, null, 0.033, 0, false, false, true));
            ProducerTemplate template = context.createProducerTemplate();
            long start = System.nanoTime();
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS);
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                int worker = w;
                running.add(workers.submit(() -> work(template, fx, worker)));
            }
            for (Future<?> f : running) {
                f.get();
            }
            workers.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;

            int operations = done.values().stream().mapToInt(AtomicInteger::get).sum()
                             + failed.values().stream().mapToInt(AtomicInteger::get).sum();
            long requests = simulator.requests().total();
            Map<String, Long> faults = new TreeMap<>();
            simulator.requests().recent().stream().filter(r -> r.fault() != null)
                    .forEach(r -> faults.merge(r.fault() + (r.status() > 0 ? " " + r.status() : ""), 1L, Long::sum));
            long injected = faults.values().stream().mapToLong(Long::longValue).sum();
            long real429 = simulator.requests().recent().stream().filter(r -> r.status() == 429 && r.fault() == null).count();
            System.out.printf("fault suite: %d operations (%s succeeded, %s failed) in %.1f s; %d requests, %d faults"
                              + " injected (%.1f%%): %s; %d real 429s; %d shares reported created, %d deleted, %d held%n",
                    operations, new TreeMap<>(done), new TreeMap<>(failed), seconds, requests, injected,
                    100.0 * injected / requests, faults, real429, created.size(), deleted.size(), simulator.shareCount());

            assertEquals(List.of(), unexpected);
            assertTrue(operations >= 500, operations + " operations");
            assertTrue(injected >= requests * 0.15, "about 20% of requests failed: " + injected + " of " + requests);
            Set<String> expected = new HashSet<>(created);
            expected.removeAll(deleted);
            Set<String> held = new HashSet<>(simulator.shareIds());
            assertTrue(held.containsAll(expected), "every share reported created is there");
            Set<String> names = new HashSet<>();
            for (String id : held) {
                String name = simulator.share(id).get("name").asText().replace("-updated", "");
                assertTrue(names.add(name), "created twice: " + id);
                // a share nobody was told of may only be one whose create was reported as outcome unknown
                assertTrue(expected.contains(id) || unknownCreates.containsKey(name), "a share reported as neither"
                                                                                      + " created nor unknown: " + name);
            }
            System.out.printf("fault suite: %d creates reported as outcome unknown, %d of them made: %s%n",
                    unknownCreates.size(), held.size() - expected.size(), new TreeMap<>(unknownCreates));
        }
    }

    private void work(ProducerTemplate template, SimulatorFixtures fx, int worker) {
        for (int i = 0; operationsOf(worker) < OPERATIONS_PER_WORKER; i++) {
            String name = "w" + worker + "-" + i;
            Exchange create = run(worker, template, "createShare", "frameio-shares:createShare",
                    Map.of("name", name, "access", "secure"), Map.of());
            if (create == null) {
                continue;
            }
            String id = create.getMessage().getBody(Share.class).getId();
            created.add(id);
            Map<String, Object> share = Map.of(FrameioSharesConstants.SHARE_ID, id);
            String asset = fx.assetIds().get((worker + i) % fx.assetIds().size());
            String reviewer = fx.emails().get(i % fx.emails().size());
            run(worker, template, "getShare", "frameio-shares:getShare", null, share);
            run(worker, template, "updateShare", "frameio-shares:updateShare", Map.of("name", name + "-updated"), share);
            run(worker, template, "addAsset", "frameio-shares:addAsset?assetId=" + asset, null, share);
            run(worker, template, "listShareAssets", "frameio-shares:listShareAssets", null, share);
            run(worker, template, "addReviewers", "frameio-shares:addReviewers?reviewerMessage=Review", List.of(reviewer), share);
            run(worker, template, "listReviewers", "frameio-shares:listReviewers", null, share);
            run(worker, template, "removeReviewers", "frameio-shares:removeReviewers", List.of(reviewer), share);
            run(worker, template, "removeAsset", "frameio-shares:removeAsset?assetId=" + asset, null, share);
            run(worker, template, "listShareActivities", "frameio-shares:listShareActivities", null, share);
            run(worker, template, "listShares", "frameio-shares:listShares?pageSize=5&maxResults=15", null, Map.of());
            if (i % 3 == 0 && run(worker, template, "deleteShare", "frameio-shares:deleteShare", null, share) != null) {
                deleted.add(id);
            }
        }
    }

    private int operationsOf(int worker) {
        return perWorker.computeIfAbsent(worker, k -> new AtomicInteger()).get();
    }

    /** Runs one operation; returns the exchange when it succeeded, null when it failed (as it may). */
    private Exchange run(int worker, ProducerTemplate template, String operation, String uri, Object body,
                         Map<String, Object> headers) {
        perWorker.computeIfAbsent(worker, k -> new AtomicInteger()).incrementAndGet();
        Exchange exchange = template.send(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        Exception error = exchange.getException();
        if (error == null) {
            done.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            return exchange;
        }
        failed.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        if (!MAY_FAIL.contains(operation)) {
            unexpected.add(operation + " is safe to repeat but failed: " + error);
        } else {
            try {
                FrameioOutcomeUnknownException e = assertInstanceOf(FrameioOutcomeUnknownException.class, error);
                if (operation.equals("createShare") && body instanceof Map<?, ?> fields) {
                    String message = e.getMessage();
                    unknownCreates.put((String) fields.get("name"), message.substring(message.lastIndexOf(';') + 1));
                }
                FrameioException typed = assertInstanceOf(FrameioException.class, e);
                assertTrue(Set.of(0, 500, 502, 503).contains(typed.getStatusCode()), "status " + typed.getStatusCode());
                assertFalse(typed.getDetail() == null || typed.getDetail().isBlank(), "a detail");
            } catch (AssertionError a) {
                unexpected.add(operation + ": " + a.getMessage() + " for " + error);
            }
        }
        return null;
    }
}
