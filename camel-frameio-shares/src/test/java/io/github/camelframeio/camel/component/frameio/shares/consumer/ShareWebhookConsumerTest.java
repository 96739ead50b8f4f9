package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesComponent;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesWebhookEndpoint;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesTestSupport;
import io.github.camelframeio.camel.component.frameio.shares.webhook.ShareWebhookReceiver;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.ListOptions;
import io.github.camelframeio.frameio.client.model.Webhook;
import io.github.camelframeio.frameio.simulator.WebhookDelivery;
import io.github.camelframeio.frameio.simulator.WebhookFaults;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.component.webhook.WebhookComponent;
import org.apache.camel.component.webhook.WebhookEndpoint;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * webhook:frameio-shares:shareChanges end to end: the simulator registers, signs and posts deliveries (with its
 * faults) over real HTTP to a real platform-http server (Vert.x) on loopback; the route's consumer compares pushed
 * shares with the same state its polls use.
 */
class ShareWebhookConsumerTest extends FrameioSharesTestSupport {

    private static final String KEY = "webhook-secret-key-for-tests";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Received(String type, String shareId, String eventId) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<CamelContext> ownContexts = new ArrayList<>();
    private SimulatorAdmin admin;
    private FrameioSharesClient sdk;
    private int port;
    @TempDir
    Path stateDir;

    @BeforeEach
    void connect() {
        admin = new SimulatorAdmin(simulator);
        sdk = FrameioSharesClient.builder().baseUrl(fx.baseUrl()).accessToken(fx.token()).build();
        simulator.webhookFaults(WebhookFaults.NONE);
    }

    @AfterEach
    void disconnect() {
        ownContexts.forEach(CamelContext::stop);
        simulator.webhookFaults(WebhookFaults.NONE);
        sdk.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        port = AvailablePortFinder.getNextAvailable();
        receiveOn(context, port);
        return context;
    }

    /** A platform-http server on loopback, and camel-webhook pointed at it (the URL Frame.io posts to). */
    private static void receiveOn(CamelContext context, int port) throws Exception {
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        WebhookComponent webhook = context.getComponent("webhook", WebhookComponent.class);
        webhook.getConfiguration().setWebhookComponentName("platform-http");
        webhook.getConfiguration().setWebhookExternalUrl("http://127.0.0.1:" + port);
    }

    private String pushUri(String options) {
        return "webhook:frameio-shares:shareChanges?workspaceId=" + fx.workspaceId() + "&consumerCallsPerMinute=60000"
               + (options.isEmpty() ? "" : "&" + options);
    }

    private String storedUri() {
        return pushUri("stateDirectory=" + stateDir + "&webhookSecretKey=" + KEY + "&webhookPath=/frameio");
    }

    private void route(CamelContext into, String routeId, String uri) throws Exception {
        into.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId(routeId).process(ShareWebhookConsumerTest.this::record);
            }
        });
    }

    private void record(Exchange exchange) {
        var m = exchange.getMessage();
        received.add(new Received(m.getHeader(FrameioSharesConstants.EVENT_TYPE, String.class),
                m.getHeader(FrameioSharesConstants.SHARE_ID, String.class),
                m.getHeader(FrameioSharesConstants.EVENT_ID, String.class)));
    }

    private static ShareWebhookReceiver receiver(CamelContext in, String routeId) {
        WebhookEndpoint webhook = (WebhookEndpoint) in.getRoute(routeId).getEndpoint();
        return ((FrameioSharesWebhookEndpoint) webhook.getEndpoint()).getWebhookReceiver();
    }

    /** Waits for the condition, checking it every 10 ms, and fails naming it when the deadline passes. */
    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout + " waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    private long count(String type, String shareId) {
        return received.stream().filter(r -> r.type().equals(type) && r.shareId().equals(shareId)).count();
    }

    private void awaitEvent(String type, String shareId) {
        await(type + " of " + shareId, Duration.ofSeconds(10), () -> count(type, shareId) > 0);
    }

    private List<Webhook> webhooksTo(String url) {
        List<Webhook> found = new ArrayList<>();
        for (Webhook w : sdk.webhooks(fx.accountId(), fx.workspaceId(), ListOptions.pageSize(100))) {
            if (url == null || w.getUrl().equals(url)) {
                found.add(w);
            }
        }
        return found;
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    // ---- every event once, through the webhook ----------------------------------------------------------------

    @Test
    void everyShareEventArrivesOnceThroughTheWebhook() throws Exception {
        route(context, "push", storedUri()); // reconcileDelay: 10 minutes, so no poll after the baseline
        ShareWebhookReceiver receiver = receiver(context, "push");
        await("the baseline", Duration.ofSeconds(10), receiver.consumer()::hasBaseline);
        assertEquals(1, webhooksTo(url("/frameio")).size(), "one webhook registered for the route");

        String id = admin.createShare("Pushed", "public", List.of(fx.assetIds().get(0)));
        awaitEvent("created", id);
        admin.edit(id, Map.of("name", "Pushed, renamed"));
        awaitEvent("updated", id);
        admin.view(id);
        awaitEvent("viewed", id);
        admin.delete(id);
        awaitEvent("deleted", id);

        // a reconciling poll now finds each of them already emitted: nothing twice
        receiver.consumer().run();
        assertEquals(List.of("created", "updated", "viewed", "deleted"),
                received.stream().map(Received::type).toList());
        assertEquals(4, received.stream().map(Received::eventId).distinct().count());
        assertEquals(0, receiver.refused());
        assertTrue(receiver.accepted() >= 4, "deliveries accepted: " + receiver.accepted());
    }

    // ---- faults: polling fills the gaps, nothing twice ---------------------------------------------------------

    @Test
    void withAThirdOfDeliveriesDroppedDuplicatedOrReorderedPollingFillsTheGapsAndNothingComesTwice() throws Exception {
        route(context, "faults", storedUri());
        ShareWebhookReceiver receiver = receiver(context, "faults");
        await("the baseline", Duration.ofSeconds(10), receiver.consumer()::hasBaseline);
        String marker = admin.createShare("Marker", "public", List.of(fx.assetIds().get(0)));
        awaitEvent("created", marker);
        WebhookFaults faults = WebhookFaults.builder().drop(0.3).duplicate(0.3).reorder(0.3).seed(14).build();

        simulator.webhookFaults(faults);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(admin.createShare("Faulty " + i, "public", List.of(fx.assetIds().get(0))));
        }
        settle(marker, 1);
        long pushedCreates = ids.stream().filter(id -> count("created", id) > 0).count();
        receiver.consumer().run(); // the reconciling poll
        for (String id : ids) {
            assertEquals(1, count("created", id), "created of " + id + " once: " + joined(received));
        }

        simulator.webhookFaults(faults);
        for (String id : ids) {
            admin.edit(id, Map.of("name", "Faulty, renamed " + id));
        }
        settle(marker, 2);
        long pushedUpdates = ids.stream().filter(id -> count("updated", id) > 0).count();
        receiver.consumer().run();
        for (String id : ids) {
            assertEquals(1, count("updated", id), "updated of " + id + " once: " + joined(received));
        }

        List<WebhookDelivery> deliveries = simulator.webhookDeliveries();
        assertTrue(deliveries.stream().anyMatch(d -> "drop".equals(d.fault())), "some deliveries dropped");
        assertTrue(deliveries.stream().anyMatch(d -> "duplicate".equals(d.fault())), "some duplicated");
        assertTrue(deliveries.stream().anyMatch(d -> "reorder".equals(d.fault())), "some reordered");
        assertTrue(pushedCreates + pushedUpdates < 2 * ids.size(),
                "the drops left gaps for the polls to fill (" + pushedCreates + " + " + pushedUpdates + " pushed)");
        assertEquals(1 + 2 * ids.size() + 2, received.size(), joined(received));
        assertEquals(received.size(), received.stream().map(Received::eventId).distinct().count(),
                "no event id twice");
    }

    /**
     * Turns the faults off and renames the marker: a held-back (reordered) delivery goes out before the marker's,
     * and the consumer compares pushed shares in order on one thread, so once the marker's update is emitted every
     * delivery has been handled.
     */
    private void settle(String marker, int round) {
        simulator.webhookFaults(WebhookFaults.NONE);
        admin.edit(marker, Map.of("name", "Marker " + round));
        await("the marker's update " + round, Duration.ofSeconds(10), () -> count("updated", marker) == round);
    }

    // ---- refusals ----------------------------------------------------------------------------------------------

    private static String sign(String secret, long timestamp, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
        return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private HttpResponse<String> post(String url, byte[] body, long timestamp, String signature)
            throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .header("X-Frameio-Request-Timestamp", Long.toString(timestamp)).header("X-Frameio-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private byte[] delivery(String shareId, int padding) {
        return ("{\"account\":{\"id\":\"" + fx.accountId() + "\"},\"project\":{\"id\":\"" + fx.projectId()
                + "\"},\"resource\":{\"id\":\"" + shareId + "\",\"type\":\"share\"},\"type\":\"share.updated\","
                + "\"user\":{\"id\":\"u\"},\"workspace\":{\"id\":\"" + fx.workspaceId() + "\"}" + (padding > 0
                        ? ",\"pad\":\"" + "x".repeat(padding) + "\"" : "") + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void forgedReplayedAndOversizedDeliveriesAreRefusedAndEmitNothing() throws Exception {
        // registered by hand: the route is given the secret and registers nothing
        String url = url("/by-hand");
        Webhook byHand = FrameioSharesClient.await(sdk.createWebhook(fx.accountId(), fx.workspaceId(), "by hand", url,
                List.of("share.created", "share.updated", "share.deleted", "share.viewed"))).body();
        String secret = byHand.getSecret();
        route(context, "refusals", pushUri("webhookPath=/by-hand&webhookSecret=RAW(" + secret + ")"));
        ShareWebhookReceiver receiver = receiver(context, "refusals");
        await("the baseline", Duration.ofSeconds(10), receiver.consumer()::hasBaseline);
        assertEquals(List.of(byHand.getId()), webhooksTo(url).stream().map(Webhook::getId).toList());
        String id = admin.createShare("Guarded", "public", List.of(fx.assetIds().get(0)));
        awaitEvent("created", id); // Frame.io's own deliveries verify with the secret given

        // the share changes, but every attempt Frame.io makes carries a wrong signature
        simulator.webhookFaults(WebhookFaults.builder().badSignature(1.0).build());
        admin.edit(id, Map.of("name", "Guarded, renamed"));
        simulator.awaitWebhookDeliveries(d -> d.resourceId().equals(id) && "share.updated".equals(d.eventType())
                                              && d.status() == 401, 1, Duration.ofSeconds(10));
        long now = Instant.now().getEpochSecond();
        byte[] body = delivery(id, 0);
        HttpResponse<String> forged = post(url, body, now, sign("not-the-secret", now, body));
        HttpResponse<String> replayed = post(url, body, now - 600, sign(secret, now - 600, body));
        byte[] big = delivery(id, 70_000);
        HttpResponse<String> oversized = post(url, big, now, sign(secret, now, big));
        for (HttpResponse<String> refused : List.of(forged, replayed, oversized)) {
            assertEquals(401, refused.statusCode());
            assertTrue(refused.headers().firstValue("X-Frameio-Signature").isEmpty(), "no request header echoed");
        }
        assertTrue(receiver.refused() >= 4, "refused: " + receiver.refused());
        assertEquals(0, count("updated", id), "nothing emitted for a refused delivery: " + received);

        // the control: the same delivery, fresh and signed with the secret, is accepted and emits the change
        HttpResponse<String> genuine = post(url, body, now, sign(secret, now, body));
        assertEquals(204, genuine.statusCode());
        awaitEvent("updated", id);
        assertEquals(1, count("updated", id));
    }

    // ---- restarts ----------------------------------------------------------------------------------------------

    /** A context of its own, on a port of its own, with the route from {@link #storedUri()}. */
    private CamelContext startOwn(int ownPort, String uri) throws Exception {
        CamelContext own = new DefaultCamelContext();
        pointAt(simulator, own.getComponent("frameio-shares", FrameioSharesComponent.class).getConfiguration());
        receiveOn(own, ownPort);
        route(own, "restart", uri);
        ownContexts.add(own);
        own.start();
        await("the baseline", Duration.ofSeconds(10), receiver(own, "restart").consumer()::hasBaseline);
        return own;
    }

    @Test
    void aRestartKeepsTheRegistrationAndItsSecretAndLostStateReplacesTheWebhook() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        String url = url("/frameio");
        CamelContext first = startOwn(port, storedUri());
        List<Webhook> registered = webhooksTo(url);
        assertEquals(1, registered.size(), registered + " of all " + webhooksTo(null));
        String id = admin.createShare("Restarted", "public", List.of(fx.assetIds().get(0)));
        awaitEvent("created", id);
        first.stop();

        CamelContext second = startOwn(port, storedUri());
        assertEquals(List.of(registered.get(0).getId()), webhooksTo(url).stream().map(Webhook::getId).toList(),
                "the same webhook, no second one");
        admin.edit(id, Map.of("name", "Restarted, renamed"));
        awaitEvent("updated", id); // signed with the secret created before the restart, unsealed from the store
        assertEquals(0, receiver(second, "restart").refused());
        second.stop();

        // the sealed secret is lost (or stored with another key): the webhook cannot be verified, so it is replaced
        try (Stream<Path> files = Files.list(stateDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().contains("webhook")).toList()) {
                Files.delete(f);
            }
        }
        CamelContext third = startOwn(port, storedUri());
        List<Webhook> now = webhooksTo(url);
        assertEquals(1, now.size(), "one webhook: " + now);
        assertNotEquals(registered.get(0).getId(), now.get(0).getId(), "replaced");
        admin.view(id);
        awaitEvent("viewed", id);
        assertEquals(0, receiver(third, "restart").refused());
        assertEquals(1, count("created", id));
        assertEquals(1, count("updated", id));
    }

    @Test
    void theWebhookIsDeletedOnStopOnlyWhenAsked() throws Exception {
        port = AvailablePortFinder.getNextAvailable();
        String url = url("/frameio");
        CamelContext kept = startOwn(port, storedUri());
        assertEquals(1, webhooksTo(url).size());
        kept.stop();
        assertEquals(1, webhooksTo(url).size(), "kept by default, with its secret, for the restart");

        CamelContext deleting = startOwn(port, storedUri() + "&deleteWebhookOnStop=true");
        assertEquals(1, webhooksTo(url).size(), "the same one reused");
        deleting.stop();
        assertEquals(List.of(), webhooksTo(url), "deleted on stop");
    }

    @Test
    void optionsThatCannotWorkAreRefusedNamingThemBeforeAnyRequest() throws Exception {
        long before = apiCalls("webhooks.index") + apiCalls("webhooks.create");
        Exception noKey = assertThrows(Exception.class, () -> {
            route(context, "no-key", pushUri("stateDirectory=" + stateDir));
        });
        assertTrue(messages(noKey).contains("webhookSecretKey"), messages(noKey));
        Exception noWorkspace = assertThrows(Exception.class,
                () -> route(context, "no-workspace", "webhook:frameio-shares:shareChanges?webhookSecretKey=" + KEY));
        assertTrue(messages(noWorkspace).contains("workspaceId"), messages(noWorkspace));
        Exception producer = assertThrows(Exception.class,
                () -> route(context, "producer", "webhook:frameio-shares:listShares?workspaceId=" + fx.workspaceId()));
        assertTrue(messages(producer).contains("only shareChanges"), messages(producer));
        assertEquals(before, apiCalls("webhooks.index") + apiCalls("webhooks.create"));
        Map<String, Object> none = new HashMap<>();
        assertNull(none.get("x"));
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable e = t; e != null; e = e.getCause()) {
            all.append(e.getMessage()).append(" | ");
        }
        return all.toString();
    }

    static String joined(List<Received> events) {
        return events.stream().map(r -> r.type() + ":" + r.shareId()).collect(Collectors.joining(", "));
    }
}
