package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.simulator.contract.ContractClient;
import io.github.camelframeio.frameio.simulator.contract.Exchange;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createBody;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leaky-bucket rate limits per account, user and operation, on a scaled window: scale 0.1 makes "10 per minute"
 * 10 per 6 s, one call draining every 600 ms, so a burst is always far faster than the drain.
 */
class RateLimitTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Compiles the contract's schemas first: a burst that compiles them on the way can outlast the drain. */
    @BeforeAll
    static void compileSchemas() {
        RequestValidator.prepare();
    }

    @Test
    void createShareAllowsTenThenAnswers429WithTheDocumentedBodyAndHeaders() {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimitScale(0.1).start()) {
            SimulatorFixtures f = sim.fixtures();
            ContractClient client = new ContractClient(sim.baseUrl(), f.token());
            client.get(sharesPath(f)).assertValid(); // warm up connection and contract check outside the burst
            List<Exchange> burst = new ArrayList<>();
            for (int i = 1; i <= 11; i++) {
                burst.add(client.post(sharesPath(f), createBody("Share " + i, "public")));
            }
            for (int i = 1; i <= 10; i++) {
                Exchange ok = burst.get(i - 1).assertValid().assertStatus(201);
                assertEquals("10", ok.header("x-ratelimit-limit"));
                assertEquals(Integer.toString(10 - i), ok.header("x-ratelimit-remaining"));
                assertEquals("6000", ok.header("x-ratelimit-window"));
            }
            Exchange limited = burst.get(10).assertValid().assertStatus(429);
            assertEquals("{\"errors\":[{\"detail\":\"Too many requests\"}]}", limited.responseBody());
            assertEquals("10", limited.header("x-ratelimit-limit"));
            assertEquals("0", limited.header("x-ratelimit-remaining"));
            assertEquals("6000", limited.header("x-ratelimit-window"));
            assertNull(limited.header("retry-after"), "Frame.io documents no Retry-After");
            assertEquals(10, sim.shareCount(), "a refused call changes nothing");
        }
    }

    @Test
    void webhookOperationsHaveTheirDocumentedLimits() {
        // the real window: 10 per minute drains one call every 6 s, far slower than any burst
        try (FrameioSimulator sim = FrameioSimulator.builder().start()) {
            SimulatorFixtures f = sim.fixtures();
            ContractClient client = new ContractClient(sim.baseUrl(), f.token());
            String webhooks = "/v4/accounts/" + f.accountId() + "/workspaces/" + f.workspaceId() + "/webhooks";
            Exchange listed = client.get(webhooks).assertValid().assertStatus(200);
            assertEquals("100", listed.header("x-ratelimit-limit"));
            List<Exchange> burst = new ArrayList<>();
            for (int i = 1; i <= 11; i++) {
                burst.add(client.post(webhooks, "{\"data\":{\"name\":\"w" + i + "\",\"url\":"
                        + "\"https://hooks.example.com/" + i + "\",\"events\":[\"share.created\"]}}"));
            }
            for (int i = 1; i <= 10; i++) {
                assertEquals("10", burst.get(i - 1).assertValid().assertStatus(201).header("x-ratelimit-limit"));
            }
            burst.get(10).assertValid().assertStatus(429);
            String id = burst.get(0).data().get("id").asText();
            Exchange deleted = client.delete("/v4/accounts/" + f.accountId() + "/webhooks/" + id).assertValid()
                    .assertStatus(204);
            assertNull(deleted.header("x-ratelimit-limit"), "204 answers carry no rate-limit headers");
            assertEquals("100", client.get("/v4/accounts/" + f.accountId() + "/webhooks/"
                    + burst.get(1).data().get("id").asText()).assertValid().header("x-ratelimit-limit"));
        }
    }

    @Test
    void theBucketLeaksContinuously() throws Exception {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimitScale(0.1).start()) {
            SimulatorFixtures f = sim.fixtures();
            ContractClient client = new ContractClient(sim.baseUrl(), f.token());
            int created = 0;
            while (client.post(sharesPath(f), createBody("x", "public")).status() == 201) {
                created++;
            }
            assertTrue(created >= 10 && created <= 11, "burst of " + created);
            Thread.sleep(700); // one call drains every 600 ms
            client.post(sharesPath(f), createBody("after the wait", "public")).assertStatus(201);
            client.post(sharesPath(f), createBody("too soon", "public")).assertStatus(429);
        }
    }

    @Test
    void retryAfterOnlyWhenAskedFor() {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimitScale(0.1).retryAfter(true).start()) {
            SimulatorFixtures f = sim.fixtures();
            ContractClient client = new ContractClient(sim.baseUrl(), f.token());
            Exchange last;
            do {
                last = client.post(sharesPath(f), createBody("x", "public"));
            } while (last.status() == 201);
            last.assertStatus(429);
            long seconds = Long.parseLong(last.header("retry-after"));
            assertTrue(seconds >= 1 && seconds <= 6, "Retry-After " + seconds);
        }
    }

    @Test
    void limitsArePerOperationAndPerUser() throws Exception {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimitScale(0.1).start()) {
            SimulatorFixtures f = sim.fixtures();
            ContractClient owner = new ContractClient(sim.baseUrl(), f.token());
            while (owner.post(sharesPath(f), createBody("x", "public")).status() == 201) {
                // exhaust shares.create for the static token's user
            }
            String shareId = owner.get(sharesPath(f)).data().get(0).get("id").asText();
            Exchange read = owner.get(sharePath(f, shareId)).assertStatus(200);
            assertEquals("100", read.header("x-ratelimit-limit"));
            assertEquals("99", read.header("x-ratelimit-remaining"));
            assertEquals("60", owner.delete(sharePath(f, shareId)).status() == 204 ? "60"
                    : owner.get(sharePath(f, shareId)).header("x-ratelimit-limit"));

            HttpResponse<String> token = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(sim.imsUrl() + "/ims/token/v3"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + f.clientId()
                                                              + "&client_secret=" + f.clientSecret()
                                                              + "&scope=openid,AdobeID,frame.s2s.all"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode s2s = MAPPER.readTree(token.body());
            new ContractClient(sim.baseUrl(), s2s.get("access_token").asText())
                    .post(sharesPath(f), createBody("service account", "public")).assertStatus(201);
        }
    }

    @Test
    void unauthenticatedCallsCarryHeadersButSpendNothing() {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimitScale(0.1).start()) {
            SimulatorFixtures f = sim.fixtures();
            ContractClient anonymous = new ContractClient(sim.baseUrl(), null);
            for (int i = 0; i < 20; i++) {
                Exchange e = anonymous.post(sharesPath(f), createBody("x", "public")).assertStatus(401);
                assertEquals("10", e.header("x-ratelimit-remaining"));
            }
            new ContractClient(sim.baseUrl(), f.token()).post(sharesPath(f), createBody("x", "public")).assertStatus(201);
        }
    }

    @Test
    void invalidCallsCountToo() {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimitScale(0.1).start()) {
            SimulatorFixtures f = sim.fixtures();
            ContractClient client = new ContractClient(sim.baseUrl(), f.token());
            for (int i = 0; i < 10; i++) {
                client.post(sharesPath(f), "{\"data\":{}}").assertStatus(422);
            }
            client.post(sharesPath(f), createBody("x", "public")).assertStatus(429);
        }
    }

    @Test
    void withoutRateLimitsNothingIsRefusedButHeadersStay() {
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).start()) {
            SimulatorFixtures f = sim.fixtures();
            ContractClient client = new ContractClient(sim.baseUrl(), f.token());
            for (int i = 0; i < 30; i++) {
                Exchange e = client.post(sharesPath(f), createBody("x" + i, "public")).assertValid().assertStatus(201);
                assertEquals("10", e.header("x-ratelimit-limit"));
                assertEquals("10", e.header("x-ratelimit-remaining"));
                assertEquals("60000", e.header("x-ratelimit-window"));
            }
        }
    }
}
