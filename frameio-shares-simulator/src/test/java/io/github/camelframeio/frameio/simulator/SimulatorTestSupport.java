package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.simulator.contract.ContractClient;
import io.github.camelframeio.frameio.simulator.contract.Exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Paths and helpers shared by the simulator's tests.
 */
final class SimulatorTestSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private SimulatorTestSupport() {
    }

    /** Calls the admin API and checks the status; returns the JSON answer, or null when it is empty. */
    static JsonNode admin(FrameioSimulator sim, String method, String path, String body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body().isEmpty() ? null : MAPPER.readTree(response.body());
    }

    static String sharesPath(SimulatorFixtures f) {
        return "/v4/accounts/" + f.accountId() + "/projects/" + f.projectId() + "/shares";
    }

    static String sharePath(SimulatorFixtures f, String shareId) {
        return "/v4/accounts/" + f.accountId() + "/shares/" + shareId;
    }

    static String createBody(String name, String access, String... assetIds) {
        StringBuilder sb = new StringBuilder("{\"data\":{\"type\":\"asset\",\"name\":\"").append(name)
                .append("\",\"access\":\"").append(access).append('"');
        if (assetIds.length > 0) {
            sb.append(",\"asset_ids\":[");
            for (int i = 0; i < assetIds.length; i++) {
                sb.append(i == 0 ? "" : ",").append('"').append(assetIds[i]).append('"');
            }
            sb.append(']');
        }
        return sb.append("}}").toString();
    }

    /** Creates a share through the API and returns it. */
    static JsonNode createShare(ContractClient client, SimulatorFixtures f, String name, String access, String... assetIds) {
        Exchange created = client.post(sharesPath(f), createBody(name, access, assetIds)).assertStatus(201);
        return created.data();
    }
}
