package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.simulator.admin.FaultRule;
import io.github.camelframeio.frameio.simulator.admin.RequestLog;
import io.github.camelframeio.frameio.simulator.contract.Exchange;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.admin;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createBody;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of fault of {@code /_sim/faults}: error statuses, delays, connection resets and malformed bodies, with
 * {@code times}, {@code probability}, {@code processed} and operation matching.
 */
class FaultInjectionTest extends SimulatorApiTestBase {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void statusFaultAnswersThatStatusForTheGivenNumberOfRequests() throws Exception {
        admin(sim, "PUT", "/_sim/faults", "{\"rules\":[{\"operation\":\"shares.index\",\"status\":503,\"times\":2}]}", 200);
        Exchange first = client.get(sharesPath(f)).assertStatus(503);
        assertEquals("{\"errors\":[{\"detail\":\"Service unavailable\"}]}", first.responseBody());
        assertNull(first.header("x-ratelimit-limit"), "a 5xx from in front of the API has no rate-limit headers");
        client.get(sharesPath(f)).assertStatus(503);
        client.get(sharesPath(f)).assertValid().assertStatus(200);
        JsonNode rules = admin(sim, "GET", "/_sim/faults", null, 200).get("rules");
        assertEquals(2, rules.get(0).get("fired").asInt());
        assertEquals(0, rules.get(0).get("remaining").asInt());
    }

    @Test
    void injected4xxAnswersLookLikeTheApis() {
        sim.faults(FaultRule.status("shares.show", 409).times(1), FaultRule.status("shares.index", 429).times(1));
        String id = createShare(client, f, "x", "public").get("id").asText();
        client.get(sharePath(f, id)).assertValid().assertError(409, null, "Conflict");
        Exchange limited = client.get(sharesPath(f)).assertValid().assertStatus(429);
        assertEquals("0", limited.header("x-ratelimit-remaining"));
    }

    @Test
    void statusFaultWithoutProcessedLeavesNoTrace() {
        sim.faults(FaultRule.status("shares.create", 500).times(1));
        client.post(sharesPath(f), createBody("never", "public")).assertStatus(500);
        assertEquals(0, sim.shareCount());
    }

    @Test
    void processedFaultAppliesTheRequestThenFails() throws Exception {
        admin(sim, "PUT", "/_sim/faults", "{\"rules\":[{\"operation\":\"shares.create\",\"status\":502,\"processed\":true,\"times\":1}]}", 200);
        client.post(sharesPath(f), createBody("created anyway", "public")).assertStatus(502);
        assertEquals(1, sim.shareCount(), "the share exists although the client saw 502");
    }

    @Test
    void resetDropsTheConnection() {
        // unlimited: java.net.http quietly retries an idempotent GET once after a reset
        sim.faults(new FaultRule("shares.index", null, null, 1.0, 0, true, false, false));
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> client.get(sharesPath(f)));
        assertTrue(e.getCause() instanceof IOException);
        sim.clearFaults();
        client.get(sharesPath(f)).assertStatus(200);
        RequestLog.Entry logged = sim.requests().recent().get(0);
        assertEquals(0, logged.status());
        assertEquals("reset", logged.fault());
    }

    @Test
    void resetIsATcpResetOnTheWire() throws IOException {
        sim.faults(new FaultRule("shares.index", null, 1, 1.0, 0, true, false, false));
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            socket.setSoTimeout(5000);
            RawHttp.write(socket, "GET " + sharesPath(f) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f.token()
                                  + "\r\n\r\n");
            SocketException reset = assertThrows(SocketException.class, () -> socket.getInputStream().read());
            assertTrue(reset.getMessage().contains("reset"), reset.getMessage());
        }
    }

    @Test
    void resetAfterProcessingCreatesTheShare() {
        sim.faults(new FaultRule("shares.create", null, 1, 1.0, 0, true, false, true));
        assertThrows(UncheckedIOException.class, () -> client.post(sharesPath(f), createBody("lost answer", "public")));
        assertEquals(1, sim.shareCount());
    }

    @Test
    void delayHoldsTheAnswer() {
        sim.faults(new FaultRule("shares.index", null, 1, 1.0, 400, false, false, false));
        long start = System.nanoTime();
        client.get(sharesPath(f)).assertStatus(200);
        assertTrue((System.nanoTime() - start) / 1_000_000 >= 400);
    }

    @Test
    void delayBeyondTheClientTimeoutStillProcessesTheRequest() throws Exception {
        sim.faults(new FaultRule("shares.create", null, 1, 1.0, 500, false, false, false));
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + sharesPath(f)))
                .timeout(Duration.ofMillis(100))
                .header("Authorization", "Bearer " + f.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(createBody("slow", "public"))).build();
        assertThrows(HttpTimeoutException.class, () -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        long deadline = System.currentTimeMillis() + 5000;
        while (sim.shareCount() == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, sim.shareCount(), "the slow request was processed after the client gave up");
    }

    @Test
    void skipLetsTheFirstMatchingRequestsThrough() throws Exception {
        admin(sim, "PUT", "/_sim/faults", "{\"rules\":[{\"operation\":\"shares.index\",\"status\":503,\"skip\":2,\"times\":1}]}", 200);
        client.get(sharesPath(f)).assertStatus(200);
        client.get(sharesPath(f)).assertStatus(200);
        client.get(sharesPath(f)).assertStatus(503);
        client.get(sharesPath(f)).assertStatus(200);
        assertEquals(0, new FaultRule("shares.index", 503, 1, 1.0, 0, false, false, false).skip());
        assertThrows(IllegalArgumentException.class, () -> FaultRule.status("shares.index", 503).skip(-1));
    }

    @Test
    void malformedSendsABodyThatIsNotJson() {
        createShare(client, f, "x", "public");
        sim.faults(new FaultRule("shares.index", null, 1, 1.0, 0, false, true, false));
        Exchange broken = client.get(sharesPath(f)).assertStatus(200);
        assertThrows(UncheckedIOException.class, broken::json);
        assertEquals("application/json; charset=utf-8", broken.header("content-type"));
    }

    @Test
    void probabilityDecidesPerRequest() {
        sim.faults(FaultRule.status("shares.index", 503).probability(0.0));
        for (int i = 0; i < 20; i++) {
            client.get(sharesPath(f)).assertStatus(200);
        }
        sim.faults(FaultRule.status("shares.index", 503).probability(0.5));
        int failed = 0;
        for (int i = 0; i < 200; i++) {
            failed += client.get(sharesPath(f)).status() == 503 ? 1 : 0;
        }
        assertTrue(failed > 60 && failed < 140, failed + " of 200 failed at probability 0.5");
    }

    @Test
    void wildcardMatchesSharesOperationsButNotTheTokenEndpointOrTheWebhooks() throws Exception {
        sim.faults(FaultRule.status("*", 503));
        client.get(sharesPath(f)).assertStatus(503);
        client.post(sharesPath(f), createBody("x", "public")).assertStatus(503);
        String webhooks = "/v4/accounts/" + f.accountId() + "/workspaces/" + f.workspaceId() + "/webhooks";
        client.get(webhooks).assertStatus(200);
        sim.faults(FaultRule.status("webhooks.index", 503).times(1));
        client.get(webhooks).assertStatus(503);
        sim.faults(FaultRule.status("*", 503));
        HttpResponse<String> token = HTTP.send(HttpRequest.newBuilder(URI.create(sim.imsUrl() + "/ims/token/v3"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + f.clientId()
                                                          + "&client_secret=" + f.clientSecret())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode());
        sim.faults(FaultRule.status("ims.token", 503).times(1));
        HttpResponse<String> failed = HTTP.send(HttpRequest.newBuilder(URI.create(sim.imsUrl() + "/ims/token/v3"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, failed.statusCode());
    }

    @Test
    void rulesApplyInOrderAndDeleteClearsThem() throws Exception {
        admin(sim, "PUT", "/_sim/faults", "{\"rules\":[{\"operation\":\"shares.index\",\"status\":502,\"times\":1},"
                                     + "{\"operation\":\"*\",\"status\":504,\"times\":1}]}", 200);
        client.get(sharesPath(f)).assertStatus(502);
        client.get(sharesPath(f)).assertStatus(504);
        client.get(sharesPath(f)).assertStatus(200);
        sim.faults(FaultRule.status("*", 500));
        admin(sim, "DELETE", "/_sim/faults", null, 204);
        client.get(sharesPath(f)).assertStatus(200);
    }

    @Test
    void badRulesAreRefusedWithTheReason() throws Exception {
        JsonNode error = admin(sim, "PUT", "/_sim/faults", "{\"rules\":[{\"operation\":\"shares.index\",\"probability\":2,\"status\":500}]}", 422);
        assertTrue(error.toString().contains("probability"));
        error = admin(sim, "PUT", "/_sim/faults", "{\"rules\":[{\"operation\":\"shares.index\"}]}", 422);
        assertTrue(error.toString().contains("at least one of"));
        error = admin(sim, "PUT", "/_sim/faults", "{\"rules\":[{\"operation\":\"shares.index\",\"status\":500,\"colour\":1}]}", 422);
        assertTrue(error.toString().contains("colour"));
        admin(sim, "PUT", "/_sim/faults", "{\"rules\":[", 400);
    }

    @Test
    void faultsAreRecordedInTheRequestLog() {
        sim.faults(FaultRule.status("shares.index", 503).times(1));
        client.get(sharesPath(f));
        List<RequestLog.Entry> recent = sim.requests().recent();
        assertEquals("status", recent.get(recent.size() - 1).fault());
        assertEquals(503, recent.get(recent.size() - 1).status());
    }

}
