package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.simulator.contract.ContractClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.admin;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries to a real HTTP receiver on loopback: one signed POST per share event to every active subscribed
 * webhook, the documented payload and headers, retries on a failing or slow receiver with the scaled back-off, and
 * each fault knob.
 */
class WebhookDeliveryTest {

    /** Waits between attempts: 15 ms, 30 ms, 60 ms, 120 ms, each plus up to 25%. */
    static final double SCALE = 0.001;
    /** Short, but not so short that the first request of a cold JVM on a busy machine misses it. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @RegisterExtension
    static final FrameioSimulatorExtension FRAMEIO = FrameioSimulatorExtension.create(b -> b.rateLimits(false)
            .webhookRetryScale(SCALE).webhookTimeout(TIMEOUT));

    private FrameioSimulator sim;
    private SimulatorFixtures f;
    private ContractClient client;
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        sim = FRAMEIO.simulator();
        f = sim.fixtures();
        client = new ContractClient(sim.baseUrl(), f.token());
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    private JsonNode register(String url, String... events) {
        StringBuilder list = new StringBuilder();
        for (String e : events) {
            list.append(list.length() == 0 ? "" : ",").append('"').append(e).append('"');
        }
        return client.post("/v4/accounts/" + f.accountId() + "/workspaces/" + f.workspaceId() + "/webhooks",
                "{\"data\":{\"name\":\"test\",\"url\":\"" + url + "\",\"events\":[" + list + "]}}").assertStatus(201)
                .data();
    }

    private JsonNode registerAll() {
        return register(receiver.url(), "share.created", "share.updated", "share.deleted", "share.viewed");
    }

    static String hmac(String secret, String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body)
                .getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean signedWith(String secret, WebhookReceiver.Received r) throws Exception {
        return MessageDigest.isEqual(hmac(secret, r.timestamp(), r.body()).getBytes(StandardCharsets.US_ASCII),
                r.signature().getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void everyShareEventIsPostedSignedWithTheDocumentedPayload() throws Exception {
        String secret = registerAll().get("secret").asText();
        String shareId = createShare(client, f, "Dailies", "public").get("id").asText();
        client.patch(sharePath(f, shareId), "{\"data\":{\"name\":\"Dailies v2\"}}").assertStatus(200);
        sim.viewShare(shareId);
        client.delete(sharePath(f, shareId)).assertStatus(204);

        List<WebhookReceiver.Received> got = receiver.await(4, WAIT);
        List<String> types = got.stream().map(r -> json(r.body()).get("type").asText()).sorted().toList();
        assertEquals(List.of("share.created", "share.deleted", "share.updated", "share.viewed"), types);
        long now = Instant.now().getEpochSecond();
        for (WebhookReceiver.Received r : got) {
            assertTrue(signedWith(secret, r), "signature of " + r);
            assertTrue(Math.abs(now - Long.parseLong(r.timestamp())) < 60, r.timestamp());
            assertEquals("Frame.io V4 API", r.userAgent());
            assertTrue(r.contentType().startsWith("application/json"), r.contentType());
            JsonNode payload = json(r.body());
            assertEquals(List.of("account", "project", "resource", "type", "user", "workspace"),
                    iterate(payload.fieldNames()));
            assertEquals(f.accountId(), payload.at("/account/id").asText());
            assertEquals(f.projectId(), payload.at("/project/id").asText());
            assertEquals(shareId, payload.at("/resource/id").asText());
            assertEquals("share", payload.at("/resource/type").asText());
            assertEquals(f.workspaceId(), payload.at("/workspace/id").asText());
            assertTrue(payload.at("/user/id").asText().matches("[0-9a-f-]{36}"), payload.toString());
        }
        JsonNode created = got.stream().map(r -> json(r.body())).filter(p -> p.get("type").asText()
                .equals("share.created")).findFirst().orElseThrow();
        assertEquals(f.userIds().get(0), created.at("/user/id").asText(), "the caller of the API");
        List<WebhookDelivery> delivered = sim.awaitWebhookDeliveries(WebhookDelivery::delivered, 4, WAIT);
        assertEquals(4, delivered.stream().map(WebhookDelivery::deliveryId).distinct().count(), delivered.toString());
        assertTrue(delivered.stream().allMatch(d -> d.status() == 204), delivered.toString());
    }

    @Test
    void webAppChangesFireThemToo() throws Exception {
        registerAll();
        JsonNode share = admin(sim, "POST", "/_sim/projects/" + f.projectId() + "/shares",
                "{\"data\":{\"type\":\"asset\",\"name\":\"Web\",\"access\":\"public\"}}", 201).get("data");
        String id = share.get("id").asText();
        sim.editShare(id, Map.of("name", "Web edited"));
        admin(sim, "POST", "/_sim/shares/" + id + "/view", null, 200);
        sim.deleteShare(id);
        List<String> types = receiver.await(4, WAIT).stream().map(r -> json(r.body()).get("type").asText()).sorted()
                .toList();
        assertEquals(List.of("share.created", "share.deleted", "share.updated", "share.viewed"), types);
    }

    @Test
    void onlyActiveWebhooksSubscribedToTheEventReceiveIt() throws Exception {
        JsonNode deletedOnly = register(receiver.url() + "?which=deleted", "share.deleted");
        JsonNode inactive = registerAll();
        client.patch("/v4/accounts/" + f.accountId() + "/webhooks/" + inactive.get("id").asText(),
                "{\"data\":{\"active\":false}}").assertStatus(200);
        String shareId = createShare(client, f, "Quiet", "public").get("id").asText();
        sim.deleteShare(shareId);
        List<WebhookDelivery> records = sim.awaitWebhookDeliveries(1, WAIT);
        assertEquals(1, receiver.await(1, WAIT).size());
        assertEquals("share.deleted", records.get(0).eventType());
        assertEquals(deletedOnly.get("id").asText(), records.get(0).webhookId());
        assertTrue(signedWith(deletedOnly.get("secret").asText(), receiver.received().get(0)));
        // nothing else is on its way: a later event to the same webhook arrives alone
        String other = createShare(client, f, "Later", "public").get("id").asText();
        sim.deleteShare(other);
        sim.awaitWebhookDeliveries(2, WAIT);
        assertEquals(2, receiver.await(2, WAIT).size());
        assertEquals(2, sim.webhookDeliveries().size(), sim.webhookDeliveries().toString());
    }

    @Test
    void theSignedTimestampIsTheSimulatorsClock() throws Exception {
        Duration behind = Duration.ofMinutes(10);
        try (FrameioSimulator late = FrameioSimulator.builder().rateLimits(false).webhookRetryScale(SCALE)
                .clock(java.time.Clock.offset(java.time.Clock.systemUTC(), behind.negated())).start()) {
            SimulatorFixtures lf = late.fixtures();
            ContractClient lc = new ContractClient(late.baseUrl(), lf.token());
            String secret = lc.post("/v4/accounts/" + lf.accountId() + "/workspaces/" + lf.workspaceId() + "/webhooks",
                    "{\"data\":{\"name\":\"late\",\"url\":\"" + receiver.url() + "\",\"events\":[\"share.created\"]}}")
                    .assertStatus(201).data().get("secret").asText();
            createShare(lc, lf, "Replayed", "public");
            WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
            long age = Instant.now().getEpochSecond() - Long.parseLong(r.timestamp());
            assertTrue(Math.abs(age - behind.toSeconds()) < 60, "signed " + age + " s ago");
            assertTrue(signedWith(secret, r), "an old timestamp, correctly signed: what a replay looks like");
        }
    }

    // ---- retries ----------------------------------------------------------------------------------------------

    @Test
    void aFailingReceiverGetsFiveAttemptsWithGrowingWaitsAndNoMore() throws Exception {
        receiver.answer(n -> new WebhookReceiver.Answer(500, 0));
        registerAll();
        createShare(client, f, "Failing", "public");
        List<WebhookReceiver.Received> got = receiver.await(5, WAIT);
        sim.awaitWebhooksIdle(WAIT);
        assertEquals(5, receiver.received().size(), "five attempts in all");
        List<WebhookDelivery> records = sim.webhookDeliveries();
        assertEquals(List.of(1, 2, 3, 4, 5), records.stream().map(WebhookDelivery::attempt).toList());
        assertTrue(records.stream().allMatch(d -> d.status() == 500 && "status 500".equals(d.failure())), records.toString());
        assertEquals(1, records.stream().map(WebhookDelivery::deliveryId).distinct().count());
        for (int i = 1; i < 5; i++) {
            long gapMillis = (got.get(i).receivedNanos() - got.get(i - 1).receivedNanos()) / 1_000_000;
            long base = sim.webhookRetryDelay(i).toMillis();
            assertEquals(Math.round(15_000 * Math.pow(2, i - 1) * SCALE), base);
            assertTrue(gapMillis >= base, "wait " + i + " was " + gapMillis + " ms, at least " + base);
            assertTrue(gapMillis < base * 1.25 + 500, "wait " + i + " was " + gapMillis + " ms");
            assertEquals(got.get(0).body(), got.get(i).body(), "the same payload every time");
        }
    }

    @Test
    void aRetryThatSucceedsEndsTheDelivery() throws Exception {
        receiver.answer(n -> new WebhookReceiver.Answer(n <= 2 ? 503 : 200, 0));
        String secret = registerAll().get("secret").asText();
        createShare(client, f, "Flaky", "public");
        receiver.await(3, WAIT);
        sim.awaitWebhooksIdle(WAIT);
        assertEquals(3, receiver.received().size());
        List<WebhookDelivery> records = sim.webhookDeliveries();
        assertEquals(List.of(503, 503, 200), records.stream().map(WebhookDelivery::status).toList());
        assertTrue(records.get(2).delivered());
        for (WebhookReceiver.Received r : receiver.received()) {
            assertTrue(signedWith(secret, r), "every attempt is signed afresh");
        }
    }

    @Test
    void aReceiverSlowerThanTheTimeoutIsTriedAgain() throws Exception {
        receiver.answer(n -> new WebhookReceiver.Answer(204, n == 1 ? TIMEOUT.toMillis() * 2 : 0));
        registerAll();
        createShare(client, f, "Slow", "public");
        receiver.await(2, WAIT);
        sim.awaitWebhooksIdle(WAIT);
        List<WebhookDelivery> records = sim.webhookDeliveries();
        assertEquals(2, records.size(), records.toString());
        assertEquals("timeout", records.get(0).failure(), records.toString());
        assertEquals(0, records.get(0).status());
        assertTrue(records.get(1).delivered(), records.toString());
        assertEquals(2, records.get(1).attempt());
    }

    @Test
    void aDeletedWebhookGetsNoFurtherAttempts() throws Exception {
        assertOneAttemptWhenTheFirstOneChanges(id -> client.delete("/v4/accounts/" + f.accountId() + "/webhooks/" + id)
                .assertStatus(204));
    }

    @Test
    void aWebhookSwitchedOffBetweenAttemptsGetsNoFurtherAttempts() throws Exception {
        assertOneAttemptWhenTheFirstOneChanges(id -> client.patch("/v4/accounts/" + f.accountId() + "/webhooks/" + id,
                "{\"data\":{\"active\":false}}").assertStatus(200));
    }

    /** The receiver changes the webhook while it holds the first attempt, then fails it: nothing follows. */
    private void assertOneAttemptWhenTheFirstOneChanges(java.util.function.Consumer<String> change) throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> webhookId = new java.util.concurrent.atomic.AtomicReference<>();
        receiver.answer(n -> {
            if (n == 1) {
                change.accept(webhookId.get());
            }
            return new WebhookReceiver.Answer(500, 0);
        });
        webhookId.set(registerAll().get("id").asText());
        createShare(client, f, "Orphan", "public");
        receiver.await(1, WAIT);
        sim.awaitWebhooksIdle(WAIT);
        assertEquals(1, receiver.received().size());
        assertEquals(1, sim.webhookDeliveries().size(), sim.webhookDeliveries().toString());
    }

    // ---- faults -----------------------------------------------------------------------------------------------

    @Test
    void dropSendsNothing() throws Exception {
        sim.webhookFaults(WebhookFaults.builder().drop(1.0).build());
        registerAll();
        String shareId = createShare(client, f, "Dropped", "public").get("id").asText();
        List<WebhookDelivery> dropped = sim.awaitWebhookDeliveries(d -> "drop".equals(d.fault()), 1, WAIT);
        sim.awaitWebhooksIdle(WAIT);
        assertEquals(0, receiver.received().size());
        assertEquals(0, dropped.get(0).attempt());
        assertEquals(shareId, dropped.get(0).resourceId());
        assertFalse(dropped.get(0).sent());
        assertEquals(1, sim.webhookDeliveries().size());
    }

    @Test
    void duplicateSendsTheSameBodyTwice() throws Exception {
        sim.webhookFaults(WebhookFaults.builder().duplicate(1.0).build());
        String secret = registerAll().get("secret").asText();
        createShare(client, f, "Twice", "public");
        List<WebhookReceiver.Received> got = receiver.await(2, WAIT);
        sim.awaitWebhooksIdle(WAIT);
        assertEquals(2, receiver.received().size());
        assertEquals(got.get(0).body(), got.get(1).body());
        assertTrue(signedWith(secret, got.get(0)) && signedWith(secret, got.get(1)));
        List<WebhookDelivery> records = sim.webhookDeliveries();
        assertEquals(2, records.stream().map(WebhookDelivery::deliveryId).distinct().count());
        assertEquals(1, records.stream().filter(d -> "duplicate".equals(d.fault())).count());
    }

    @Test
    void reorderSendsADeliveryAfterTheNextOne() throws Exception {
        long answerAfter = 300;
        receiver.answer(n -> new WebhookReceiver.Answer(204, n == 1 ? answerAfter : 0));
        sim.webhookFaults(WebhookFaults.builder().reorder(1.0).build());
        registerAll();
        String shareId = createShare(client, f, "Swapped", "public").get("id").asText();
        client.patch(sharePath(f, shareId), "{\"data\":{\"name\":\"Swapped 2\"}}").assertStatus(200);
        List<WebhookReceiver.Received> got = receiver.await(2, WAIT);
        assertEquals(List.of("share.updated", "share.created"), got.stream()
                .map(r -> json(r.body()).get("type").asText()).toList());
        long gapMillis = (got.get(1).receivedNanos() - got.get(0).receivedNanos()) / 1_000_000;
        assertTrue(gapMillis >= answerAfter, "the held one went out after the next one was answered: " + gapMillis);
    }

    @Test
    void aHeldDeliveryIsReleasedWhenNoOtherFollows() throws Exception {
        sim.webhookFaults(WebhookFaults.builder().reorder(1.0).build());
        registerAll();
        createShare(client, f, "Alone", "public");
        receiver.await(1, WAIT);
        sim.awaitWebhooksIdle(WAIT);
        assertEquals("reorder", sim.webhookDeliveries().get(0).fault());
    }

    @Test
    void delayHoldsTheFirstAttempt() throws Exception {
        long delay = 300;
        sim.webhookFaults(WebhookFaults.builder().delayMillis(delay).build());
        registerAll();
        long before = System.nanoTime();
        createShare(client, f, "Late", "public");
        WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
        assertTrue((r.receivedNanos() - before) / 1_000_000 >= delay, "arrived after the delay");
        assertEquals("delay", sim.awaitWebhookDeliveries(1, WAIT).get(0).fault());
    }

    @Test
    void badSignatureIsWellFormedButWrong() throws Exception {
        sim.webhookFaults(WebhookFaults.builder().badSignature(1.0).build());
        String secret = registerAll().get("secret").asText();
        createShare(client, f, "Forged", "public");
        WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
        assertTrue(r.signature().matches("v0=[0-9a-f]{64}"), r.signature());
        assertFalse(signedWith(secret, r));
        assertEquals("bad_signature", sim.awaitWebhookDeliveries(1, WAIT).get(0).fault());
    }

    @Test
    void theSameSeedGivesTheSameFaults() throws Exception {
        List<Integer> first = droppedPositions(42);
        sim.reset();
        List<Integer> again = droppedPositions(42);
        assertEquals(first, again);
        assertTrue(first.size() > 3 && first.size() < 17, first.toString());
        sim.reset();
        assertFalse(first.equals(droppedPositions(7)), "another seed, other faults");
    }

    /** Which of 20 share creations a 50% drop loses, by creation order. */
    private List<Integer> droppedPositions(long seed) throws Exception {
        sim.webhookFaults(WebhookFaults.builder().drop(0.5).seed(seed).build());
        register(receiver.url(), "share.created");
        sim.bulkCreateShares(f.projectId(), 20);
        sim.awaitWebhooksIdle(WAIT);
        List<String> order = iterateIds(client.get(SimulatorTestSupport.sharesPath(f) + "?page_size=100").data());
        List<Integer> dropped = new java.util.ArrayList<>();
        for (WebhookDelivery d : sim.webhookDeliveries()) {
            if ("drop".equals(d.fault())) {
                dropped.add(order.indexOf(d.resourceId()));
            }
        }
        java.util.Collections.sort(dropped);
        assertEquals(20 - dropped.size(), sim.webhookDeliveries().stream().filter(WebhookDelivery::delivered).count());
        return dropped;
    }

    private static List<String> iterateIds(JsonNode data) {
        List<String> ids = new java.util.ArrayList<>();
        data.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    // ---- admin API --------------------------------------------------------------------------------------------

    @Test
    void theAdminApiSetsFaultsAndListsDeliveries() throws Exception {
        JsonNode set = admin(sim, "POST", "/_sim/webhooks/faults",
                "{\"drop\":0.3,\"duplicate\":0.1,\"reorder\":0.1,\"delay_ms\":0,\"bad_signature\":0.0,\"seed\":42}", 200);
        assertEquals(0.3, set.get("drop").asDouble());
        assertEquals(42, admin(sim, "GET", "/_sim/webhooks/faults", null, 200).get("seed").asLong());
        assertEquals(new WebhookFaults(0.3, 0.1, 0.1, 0, 0, 42), sim.webhookFaults());
        JsonNode bad = admin(sim, "POST", "/_sim/webhooks/faults", "{\"drop\":1.5}", 422);
        assertTrue(bad.toString().contains("drop must be a probability"), bad.toString());
        assertTrue(admin(sim, "POST", "/_sim/webhooks/faults", "{\"lose\":1}", 422).toString().contains("lose"));
        admin(sim, "DELETE", "/_sim/webhooks/faults", null, 204);
        assertEquals(WebhookFaults.NONE, sim.webhookFaults());

        registerAll();
        String shareId = createShare(client, f, "Listed", "public").get("id").asText();
        sim.awaitWebhookDeliveries(1, WAIT);
        JsonNode listed = admin(sim, "GET", "/_sim/webhooks/deliveries", null, 200).get("data");
        assertEquals(1, listed.size());
        assertEquals(shareId, listed.get(0).get("resource_id").asText());
        assertEquals("share.created", listed.get(0).get("event_type").asText());
        assertEquals(204, listed.get(0).get("status").asInt());
        assertEquals(1, listed.get(0).get("attempt").asInt());
        assertTrue(listed.get(0).get("failure").isNull());
        assertTrue(Instant.parse(listed.get(0).get("sent_at").asText()).isBefore(Instant.now().plusSeconds(1)));
        admin(sim, "DELETE", "/_sim/webhooks/deliveries", null, 204);
        assertEquals(0, sim.webhookDeliveries().size());
    }

    @Test
    void resetForgetsDeliveriesAndFaults() throws Exception {
        registerAll();
        sim.webhookFaults(WebhookFaults.builder().drop(1.0).build());
        createShare(client, f, "Before", "public");
        sim.awaitWebhookDeliveries(d -> true, 1, WAIT);
        sim.reset();
        assertEquals(List.of(), sim.webhookDeliveries());
        assertEquals(WebhookFaults.NONE, sim.webhookFaults());
        assertEquals(0, sim.pendingWebhookDeliveries());
    }

    private static JsonNode json(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    private static List<String> iterate(java.util.Iterator<String> it) {
        List<String> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
