package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.simulator.contract.ContractClient;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bearer-token check of every /v4 call and the Adobe IMS look-alike: client credentials, refresh-token
 * rotation and expiry (on a clock the test moves).
 */
class AuthTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final MutableClock clock = new MutableClock();
    private FrameioSimulator sim;
    private SimulatorFixtures f;

    @BeforeEach
    void start() {
        sim = FrameioSimulator.builder().clock(clock).accessTokenTtl(Duration.ofSeconds(60)).start();
        f = sim.fixtures();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void everyApiCallNeedsABearerToken() {
        ContractClient anonymous = new ContractClient(sim.baseUrl(), null);
        anonymous.get(sharesPath(f)).assertResponseValid().assertError(401, null, "Unauthorized");
        anonymous.withToken("wrong").get(sharesPath(f)).assertError(401, null, "Unauthorized");
        anonymous.withToken(f.token()).get(sharesPath(f)).assertValid().assertStatus(200);
        // Basic credentials or a bare token are not bearer tokens
        anonymous.send("GET", sharesPath(f), null, java.util.Map.of("Authorization", java.util.List.of(f.token())))
                .assertError(401, null, null);
    }

    @Test
    void clientCredentialsIssueAServerToServerToken() throws Exception {
        JsonNode token = token("grant_type=client_credentials&client_id=" + f.clientId() + "&client_secret="
                               + f.clientSecret() + "&scope=openid,AdobeID,frame.s2s.all", 200);
        assertEquals("bearer", token.get("token_type").asText());
        assertEquals(60, token.get("expires_in").asLong());
        new ContractClient(sim.baseUrl(), token.get("access_token").asText()).get(sharesPath(f)).assertValid()
                .assertStatus(200);
    }

    @Test
    void clientCredentialsAlsoWorkWithBasicAuthentication() throws Exception {
        String basic = Base64.getEncoder().encodeToString((f.clientId() + ":" + f.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sim.imsUrl() + "/ims/token/v3"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=openid%20AdobeID%20frame.s2s.all"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void serverToServerTokenWithoutTheFrameioScopeIsRefused() throws Exception {
        JsonNode token = token("grant_type=client_credentials&client_id=" + f.clientId() + "&client_secret="
                               + f.clientSecret() + "&scope=openid,AdobeID", 200);
        new ContractClient(sim.baseUrl(), token.get("access_token").asText()).get(sharesPath(f))
                .assertError(401, null, "Unauthorized");
    }

    @Test
    void wrongClientCredentialsAreInvalidClient() throws Exception {
        assertEquals("invalid_client", token("grant_type=client_credentials&client_id=" + f.clientId()
                                             + "&client_secret=nope", 401).get("error").asText());
        assertEquals("invalid_client", token("grant_type=client_credentials&client_id=someone&client_secret="
                                             + f.clientSecret(), 401).get("error").asText());
        assertEquals("unsupported_grant_type", token("grant_type=password&client_id=" + f.clientId(), 400)
                .get("error").asText());
        assertEquals("invalid_request", token("client_id=" + f.clientId(), 400).get("error").asText());
    }

    @Test
    void refreshTokensRotateAndTheOldOneStopsWorking() throws Exception {
        JsonNode first = token(refresh(f.refreshToken()), 200);
        String rotated = first.get("refresh_token").asText();
        assertNotEquals(f.refreshToken(), rotated);
        new ContractClient(sim.baseUrl(), first.get("access_token").asText()).get(sharesPath(f)).assertStatus(200);

        assertEquals("invalid_grant", token(refresh(f.refreshToken()), 400).get("error").asText());
        JsonNode second = token(refresh(rotated), 200);
        assertNotEquals(rotated, second.get("refresh_token").asText());
        assertEquals("invalid_grant", token(refresh(rotated), 400).get("error").asText());
        // an access token issued before a rotation stays valid until it expires
        new ContractClient(sim.baseUrl(), first.get("access_token").asText()).get(sharesPath(f)).assertStatus(200);
    }

    @Test
    void refreshWithAWrongSecretIsInvalidClientAndKeepsTheToken() throws Exception {
        assertEquals("invalid_client", token(refresh(f.refreshToken()) + "&client_secret=wrong", 401)
                .get("error").asText());
        token(refresh(f.refreshToken()) + "&client_secret=" + f.clientSecret(), 200);
    }

    @Test
    void accessTokensExpire() throws Exception {
        String access = token(refresh(f.refreshToken()), 200).get("access_token").asText();
        ContractClient client = new ContractClient(sim.baseUrl(), access);
        client.get(sharesPath(f)).assertStatus(200);
        clock.advance(Duration.ofSeconds(59));
        client.get(sharesPath(f)).assertStatus(200);
        clock.advance(Duration.ofSeconds(1));
        client.get(sharesPath(f)).assertResponseValid().assertError(401, null, "Unauthorized");
        // the static token never expires
        client.withToken(f.token()).get(sharesPath(f)).assertStatus(200);
    }

    @Test
    void lifetimesAreConfigurableAndTokensCanBeExpiredOnDemand() throws Exception {
        sim.accessTokenTtl(Duration.ofSeconds(5));
        JsonNode token = token(refresh(f.refreshToken()), 200);
        assertEquals(5, token.get("expires_in").asLong());
        ContractClient client = new ContractClient(sim.baseUrl(), token.get("access_token").asText());
        client.get(sharesPath(f)).assertStatus(200);
        HttpResponse<String> expired = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/tokens/expire"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(1, MAPPER.readTree(expired.body()).get("expired").asInt());
        client.get(sharesPath(f)).assertError(401, null, null);
    }

    @Test
    void rotatedRefreshTokensExpire() throws Exception {
        FrameioSimulator shortLived = FrameioSimulator.builder().clock(clock).refreshTokenTtl(Duration.ofHours(1)).start();
        try {
            SimulatorFixtures sf = shortLived.fixtures();
            String rotated = postForm(shortLived.imsUrl(), refreshFor(sf, sf.refreshToken()), 200).get("refresh_token").asText();
            clock.advance(Duration.ofHours(1));
            assertEquals("invalid_grant", postForm(shortLived.imsUrl(), refreshFor(sf, rotated), 400).get("error").asText());
        } finally {
            shortLived.close();
        }
    }

    @Test
    void resetRestoresTheFixtureRefreshToken() throws Exception {
        token(refresh(f.refreshToken()), 200);
        token(refresh(f.refreshToken()), 400);
        sim.reset();
        token(refresh(f.refreshToken()), 200);
    }

    @Test
    void tokenEndpointWantsAForm() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sim.imsUrl() + "/ims/token/v3"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"grant_type\":\"client_credentials\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("invalid_request"));
    }

    private String refresh(String refreshToken) {
        return refreshFor(f, refreshToken);
    }

    private static String refreshFor(SimulatorFixtures fx, String refreshToken) {
        return "grant_type=refresh_token&client_id=" + fx.clientId() + "&refresh_token=" + refreshToken;
    }

    private JsonNode token(String form, int expectedStatus) throws IOException, InterruptedException {
        return postForm(sim.imsUrl(), form, expectedStatus);
    }

    private static JsonNode postForm(String imsUrl, String form, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(imsUrl + "/ims/token/v3"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return MAPPER.readTree(response.body());
    }
}
