package io.github.camelframeio.camel.component.frameio.shares.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.camel.component.frameio.shares.ClientContractCheck;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesComponent;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesTestSupport;
import io.github.camelframeio.frameio.client.FrameioJson;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareReviewer;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import org.apache.camel.CamelContext;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.FileStateRepository;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shareChanges consumer against random scripts of web-app changes, made through the simulator's admin API, with
 * injected faults, failing route steps, route restarts and process restarts (a new CamelContext reading the same
 * FileStateRepository file) in between polls.
 * <p>
 * The oracle keeps what the route has successfully processed: a model of the project built only from the events.
 * Each event must be a real change of that model (none duplicated, none invented: a created share is new to it, every
 * field an updated event names differs, a deleted share is really gone, each reviewer or asset added is new and each
 * removed one was there); once the faults stop, the model must equal the simulator's true state, shares, reviewers
 * and assets alike (none lost).
 */
class ShareChangesPropertyTest {

    static final int TRIES = 60;
    // with passphrases: a passphrase edit is one of the changes the model must follow
    private static final ObjectMapper MAPPER = FrameioJson.withPassphrases(FrameioJson.newObjectMapper());
    private static final AtomicLong SCRIPTS = new AtomicLong();
    private static final AtomicLong EVENTS = new AtomicLong();
    private static final AtomicLong STEPS = new AtomicLong();
    private static final AtomicLong FAILED_EXCHANGES = new AtomicLong();
    private static final AtomicLong POLLS = new AtomicLong();
    private static final AtomicLong FAILED_POLLS = new AtomicLong();
    private static final AtomicLong RESTARTS = new AtomicLong();
    private static final Map<String, AtomicLong> BY_TYPE = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static final ClientContractCheck CONTRACT = new ClientContractCheck();
    /** Runs while the simulator answers the next first page of a share listing: a change in the middle of a poll. */
    private static final java.util.concurrent.atomic.AtomicReference<Runnable> DURING_NEXT_LISTING =
            new java.util.concurrent.atomic.AtomicReference<>();
    private static final AtomicLong CONCURRENT_DELETES = new AtomicLong();

    private static FrameioSimulator sim;
    private static SimulatorFixtures fx;

    /** One step of a script: what kind, and two numbers that pick targets and values. */
    record Step(int kind, int a, int b) {
    }

    record Script(List<Step> steps, int initialShares, boolean manyShares, int maxMessagesPerPoll, long seed) {
    }

    @BeforeContainer
    static void startSimulator() {
        sim = FrameioSimulator.builder().rateLimits(false).observe(CONTRACT).observe((operationId, request, response) -> {
            if ("shares.index".equals(operationId) && (request.rawQuery() == null || !request.rawQuery().contains("after="))) {
                Runnable change = DURING_NEXT_LISTING.getAndSet(null);
                if (change != null) {
                    change.run(); // before the page is sent: the next pages shift, and skip one share
                }
            }
        }).start();
        fx = sim.fixtures();
    }

    @AfterContainer
    static void report() throws IOException {
        sim.close();
        String summary = "shareChanges property test: " + SCRIPTS + " scripts, " + STEPS + " steps, " + EVENTS
                         + " events checked " + BY_TYPE + "; " + POLLS + " polls, of which " + FAILED_POLLS + " failed on injected"
                         + " faults; " + FAILED_EXCHANGES + " exchanges failed on purpose (and were emitted again); "
                         + RESTARTS + " route or process restarts; " + CONCURRENT_DELETES + " shares deleted while the consumer was"
                         + " paging through the listing";
        System.out.println(summary);
        Files.writeString(Path.of("target", "share-changes-property-test.txt"), summary + System.lineSeparator());
    }

    @Provide
    Arbitrary<Script> scripts() {
        Arbitrary<Step> step = Combinators.combine(uniform(0, 99), uniform(0, 999), uniform(0, 999)).as(Step::new);
        return Combinators.combine(step.list().ofMinSize(20).ofMaxSize(60).withSizeDistribution(RandomDistribution.uniform()), Arbitraries.integers().between(1, 6),
                Arbitraries.integers().between(0, 9).map(n -> n < 2), Arbitraries.of(0, 0, 0, 2, 5),
                Arbitraries.longs()).as(Script::new);
    }

    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform()).withoutEdgeCases();
    }

    @Property(tries = TRIES, seed = "20261127")
    void emittedEventsEqualTheTrueChanges(@ForAll("scripts") Script script) throws Exception {
        SCRIPTS.incrementAndGet();
        sim.reset();
        sim.clearFaults();
        DURING_NEXT_LISTING.set(null);
        CONTRACT.clear();
        Run run = new Run(script);
        try {
            run.execute();
        } finally {
            run.close();
        }
        assertEquals(List.of(), CONTRACT.violations(), "requests that break Frame.io's contract");
    }

    /** One script's run: the consumer under test, the model of what it emitted, and the live shares. */
    private static final class Run {
        final Script script;
        final Random random;
        final SimulatorAdmin admin = new SimulatorAdmin(sim);
        final Path stateFile;
        final List<String> live = new ArrayList<>();
        final Set<String> everCreated = new HashSet<>();
        /** The assets each share created by the script has (only files, so the flat listing is the same). */
        final Map<String, List<String>> trueAssets = new HashMap<>();
        final Map<String, List<String>> addedEmails = new HashMap<>();
        final Map<String, String> access = new HashMap<>();
        /** What the oracle found wrong inside the route (where a thrown error would only fail the exchange). */
        final List<Throwable> oracleFailures = new ArrayList<>();
        // the model: what the route has processed
        final Map<String, ObjectNode> shares = new HashMap<>();
        final Map<String, Set<String>> reviewers = new HashMap<>();
        final Map<String, Set<String>> assets = new HashMap<>();
        double routeFailureRate;
        CamelContext context;
        int processes;

        Run(Script script) throws IOException {
            this.script = script;
            this.random = new Random(script.seed());
            this.stateFile = Files.createTempFile("frameio-share-changes", ".state");
        }

        void execute() throws Exception {
            if (script.manyShares()) {
                sim.bulkCreateShares(fx.projectId(), 120); // two pages a listing
                live.addAll(admin.shares().keySet());
                everCreated.addAll(live);
            }
            for (int i = 0; i < script.initialShares(); i++) {
                create(i, i * 7);
            }
            admin.addReviewers(live.get(live.size() - 1), List.of(fx.emails().get(0)));
            startProcess();
            assertEquals(0, poll(), "the first poll is the baseline");
            takeBaseline();
            for (Step step : script.steps()) {
                STEPS.incrementAndGet();
                apply(step);
            }
            // the faults stop; the consumer catches up; the model must now be the truth
            admin.clearFaults();
            routeFailureRate = 0;
            int quiet = 0;
            for (int i = 0; i < 60 && quiet < 2; i++) {
                quiet = poll() == 0 ? quiet + 1 : 0;
            }
            if (!oracleFailures.isEmpty()) {
                throw new AssertionError("the oracle refused an event", oracleFailures.get(0));
            }
            assertEquals(2, quiet, "the consumer settles");
            assertModelIsTheTruth();
        }

        void apply(Step step) throws Exception {
            int k = step.kind();
            if (k < 12) {
                create(step.a(), step.b());
            } else if (k < 30 && !live.isEmpty()) {
                String id = pick(step.a());
                Map<String, Object> fields = edit(step.b());
                admin.edit(id, fields);
                if (fields.containsKey("access")) {
                    access.put(id, (String) fields.get("access"));
                }
            } else if (k < 38 && !live.isEmpty()) {
                admin.view(pick(step.a()));
            } else if (k < 44 && !live.isEmpty()) {
                String id = pick(step.a());
                if (live.size() > 100 && step.b() % 2 == 0 && DURING_NEXT_LISTING.get() == null) {
                    // deleted while the consumer pages through the listing: one share of page 2 moves to page 1
                    String early = live.get(step.a() % 100);
                    live.remove(early);
                    DURING_NEXT_LISTING.set(() -> {
                        CONCURRENT_DELETES.incrementAndGet();
                        sim.deleteShare(early);
                    });
                } else {
                    admin.delete(id);
                    live.remove(id);
                }
            } else if (k < 51 && !live.isEmpty()) {
                List<String> secure = live.stream().filter(x -> "secure".equals(access.get(x))).toList();
                String id = secure.isEmpty() || step.a() % 4 == 0 ? pick(step.a()) : secure.get(step.a() % secure.size());
                String email = email(step.b());
                admin.addReviewers(id, List.of(email));
                addedEmails.computeIfAbsent(id, x -> new ArrayList<>()).add(email);
            } else if (k < 55 && !live.isEmpty()) {
                // mostly someone who was added to a live share, sometimes anyone
                List<String> withReviewers = live.stream().filter(addedEmails::containsKey).toList();
                String id = withReviewers.isEmpty() || step.a() % 4 == 0 ? pick(step.a())
                        : withReviewers.get(step.a() % withReviewers.size());
                List<String> added = addedEmails.getOrDefault(id, List.of());
                admin.removeReviewers(id, List.of(added.isEmpty() || step.b() % 4 == 0 ? email(step.b())
                        : added.get(step.b() % added.size())));
            } else if (k < 61 && !live.isEmpty()) {
                String id = pick(step.a());
                String asset = fx.fileIds().get(step.b() % fx.fileIds().size());
                admin.addAsset(id, asset);
                List<String> in = trueAssets.get(id);
                if (in != null && !in.contains(asset)) {
                    in.add(asset);
                }
            } else if (k < 65 && !live.isEmpty()) {
                List<String> in = trueAssets.get(pick(step.a()));
                if (in != null && !in.isEmpty()) {
                    admin.removeAsset(pick(step.a()), in.remove(step.b() % in.size()));
                }
            } else if (k < 80) {
                poll();
            } else if (k < 89) {
                faults(step.a());
            } else if (k < 94) {
                routeFailureRate = new double[] {0, 0.2, 0.3, 0.5}[step.a() % 4];
            } else if (k < 97) {
                RESTARTS.incrementAndGet();
                context.getRouteController().stopRoute("changes");
                context.getRouteController().startRoute("changes");
            } else {
                RESTARTS.incrementAndGet();
                context.stop();
                startProcess();
            }
        }

        void create(int a, int b) {
            String kind = a % 2 == 0 ? "secure" : "public";
            String asset = fx.fileIds().get(b % fx.fileIds().size());
            String id = admin.createShare("Share " + a, kind, List.of(asset));
            access.put(id, kind);
            trueAssets.put(id, new ArrayList<>(List.of(asset)));
            live.add(id);
            everCreated.add(id);
        }

        String pick(int a) {
            return live.get(a % live.size());
        }

        String email(int b) {
            return b % 4 == 0 ? "guest" + (b % 2) + "@example.com" : fx.emails().get(b % Math.min(3, fx.emails().size()));
        }

        Map<String, Object> edit(int b) {
            return switch (b % 8) {
                case 0 -> Map.of("name", "Renamed " + b);
                case 1 -> Map.of("description", "Description " + b);
                case 2 -> Map.of("commenting_enabled", b % 16 < 8);
                case 3 -> Map.of("downloading_enabled", b % 16 < 8);
                case 4 -> Map.of("expiration", "2027-0" + (1 + b % 9) + "-01T00:00:00.000000Z");
                case 5 -> Map.of("passphrase", "pass " + b);
                case 6 -> Map.of("access", b % 16 < 8 ? "secure" : "public");
                default -> Map.of("name", "Both " + b, "enabled", b % 16 < 8);
            };
        }

        void faults(int a) {
            switch (a % 7) {
                case 0 -> admin.clearFaults();
                // a 429 also makes the client pace that operation to Frame.io's limit for a while, as it should
                case 6 -> admin.faults("[{\"operation\":\"shares.index\",\"status\":502,\"probability\":0.5},"
                                       + "{\"operation\":\"shares.show\",\"status\":429,\"probability\":0.3}]");
                case 1 -> admin.faults("[{\"operation\":\"shares.index\",\"status\":503,\"probability\":0.5}]");
                case 2 -> admin.faults("[{\"operation\":\"shares.index\",\"status\":500,\"skip\":1}]");
                case 3 -> admin.faults("[{\"operation\":\"*\",\"reset\":true,\"probability\":0.2}]");
                case 4 -> admin.faults("[{\"operation\":\"shares.show\",\"status\":503,\"probability\":0.5},"
                                       + "{\"operation\":\"shares.list_reviewers\",\"status\":500,\"probability\":0.4},"
                                       + "{\"operation\":\"shares.list_assets\",\"status\":502,\"probability\":0.4}]");
                default -> admin.faults("[{\"operation\":\"*\",\"malformed\":true,\"probability\":0.2}]");
            }
        }

        void startProcess() throws Exception {
            processes++;
            context = new DefaultCamelContext();
            FrameioSharesConfiguration config = context.getComponent("frameio-shares", FrameioSharesComponent.class)
                    .getConfiguration();
            FrameioSharesTestSupport.pointAt(sim, config);
            config.setMaxRetries(1);
            config.setMaxRetryAfter(100); // an injected 429 fails the call rather than waiting out its window
            config.setConsumerCallsPerMinute(60_000);
            config.setReviewerCallsPerMinute(60_000);
            // a new repository object on the same file: a restarted JVM would see only the file
            context.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile.toFile()));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    errorHandler(defaultErrorHandler().logExhausted(false)); // the consumer logs them already
                    from("frameio-shares:shareChanges?reviewerChanges=true&assetChanges=true&stateRepository=#state"
                         + "&startScheduler=false&maxMessagesPerPoll=" + script.maxMessagesPerPoll())
                            .routeId("changes").process(e -> received(e.getMessage()));
                }
            });
            context.start();
        }

        int poll() {
            int before = (int) EVENTS.get();
            ScheduledPollConsumer consumer = (ScheduledPollConsumer) context.getRoute("changes").getConsumer();
            consumer.run();
            POLLS.incrementAndGet();
            if (consumer.getErrorCounter() > 0) {
                FAILED_POLLS.incrementAndGet();
            }
            return (int) EVENTS.get() - before;
        }

        void takeBaseline() {
            for (Map.Entry<String, JsonNode> e : admin.shares().entrySet()) {
                shares.put(e.getKey(), normalize(e.getValue()));
                reviewers.put(e.getKey(), admin.reviewers(e.getKey()));
                assets.put(e.getKey(), admin.assets(e.getKey()));
            }
        }

        /** The route: fails some exchanges on purpose; checks and applies the others to the model. */
        void received(Message m) {
            try {
                check(m);
            } catch (AssertionError e) {
                oracleFailures.add(e);
                throw e;
            }
        }

        void check(Message m) {
            if (random.nextDouble() < routeFailureRate) {
                FAILED_EXCHANGES.incrementAndGet();
                throw new IllegalStateException("a route step failed on purpose");
            }
            String type = m.getHeader(FrameioSharesConstants.EVENT_TYPE, String.class);
            String id = m.getHeader(FrameioSharesConstants.SHARE_ID, String.class);
            Share share = m.getBody(Share.class);
            assertEquals(id, share.getId(), "the body is the share of the event");
            switch (type) {
                case "created" -> {
                    assertFalse(shares.containsKey(id), "created twice: " + id);
                    assertTrue(everCreated.contains(id), "a share nobody created: " + id);
                    shares.put(id, normalize(MAPPER.valueToTree(share)));
                    reviewers.put(id, new TreeSet<>());
                    assets.put(id, new TreeSet<>());
                }
                case "updated", "viewed" -> {
                    ObjectNode known = shares.get(id);
                    assertTrue(known != null, type + " of a share not emitted as created: " + id);
                    @SuppressWarnings("unchecked")
                    List<String> fields = m.getHeader(FrameioSharesConstants.CHANGED_FIELDS, List.class);
                    assertFalse(fields.isEmpty());
                    if (type.equals("viewed")) {
                        assertTrue(fields.contains("last_viewed_at") && Set.of("last_viewed_at", "updated_at")
                                .containsAll(fields), fields.toString());
                    } else {
                        assertFalse(fields.contains("last_viewed_at"), fields.toString());
                    }
                    ObjectNode now = normalize(MAPPER.valueToTree(share));
                    for (String field : fields) {
                        assertFalse(java.util.Objects.equals(known.get(field), now.get(field)),
                                type + " names " + field + " of " + id + " which did not change (" + known.get(field) + ")");
                        known.set(field, now.get(field));
                    }
                }
                case "deleted" -> {
                    assertTrue(shares.containsKey(id), "deleted twice or never seen: " + id);
                    assertFalse(sim.hasShare(id), "deleted but it exists: " + id);
                    shares.remove(id);
                    reviewers.remove(id);
                    assets.remove(id);
                }
                case "reviewersAdded", "reviewersRemoved" -> {
                    Set<String> known = reviewers.get(id);
                    assertTrue(known != null, type + " of an unknown share");
                    List<?> items = m.getHeader(FrameioSharesConstants.CHANGED_ITEMS, List.class);
                    assertFalse(items.isEmpty());
                    for (Object item : items) {
                        ShareReviewer r = (ShareReviewer) item;
                        String key = r.getId() != null ? r.getId() : r.getEmail();
                        if (type.equals("reviewersAdded")) {
                            assertTrue(known.add(key), "added twice: " + key);
                        } else {
                            assertTrue(known.remove(key), "removed but was not there: " + key);
                        }
                    }
                }
                case "assetsAdded", "assetsRemoved" -> {
                    Set<String> known = assets.get(id);
                    assertTrue(known != null, type + " of an unknown share");
                    List<?> items = m.getHeader(FrameioSharesConstants.CHANGED_ITEMS, List.class);
                    assertFalse(items.isEmpty());
                    for (Object item : items) {
                        String assetId = ((ShareAsset) item).getId();
                        if (type.equals("assetsAdded")) {
                            assertTrue(known.add(assetId), "added twice: " + assetId);
                        } else {
                            assertTrue(known.remove(assetId), "removed but was not there: " + assetId);
                        }
                    }
                }
                default -> throw new AssertionError("unknown event type " + type);
            }
            EVENTS.incrementAndGet();
            BY_TYPE.computeIfAbsent(type, t -> new AtomicLong()).incrementAndGet();
        }

        void assertModelIsTheTruth() {
            Map<String, JsonNode> truth = admin.shares();
            assertEquals(new TreeSet<>(truth.keySet()), new TreeSet<>(shares.keySet()), "the shares");
            for (Map.Entry<String, JsonNode> e : truth.entrySet()) {
                String id = e.getKey();
                assertEquals(normalize(e.getValue()), shares.get(id), "share " + id);
                assertEquals(admin.assets(id), assets.get(id), "assets of " + id);
                if ("secure".equals(e.getValue().path("access").asText())) {
                    assertEquals(admin.reviewers(id), reviewers.get(id), "reviewers of secure share " + id);
                }
            }
        }

        void close() throws IOException {
            if (context != null) {
                context.stop();
            }
            Files.deleteIfExists(stateFile);
        }
    }

    /** A share as the typed model sees it, as JSON: how both the truth and the events are compared. */
    static ObjectNode normalize(JsonNode share) {
        return MAPPER.valueToTree(MAPPER.convertValue(share, Share.class));
    }
}
