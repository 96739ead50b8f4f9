package io.github.camelframeio.camel.component.frameio.shares.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Changes made "in the web app": through the simulator's admin API over HTTP, as a user's own route test would,
 * plus the true state read back through the V4 API.
 */
final class SimulatorAdmin {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final FrameioSimulator sim;
    private final SimulatorFixtures fx;

    SimulatorAdmin(FrameioSimulator sim) {
        this.sim = sim;
        this.fx = sim.fixtures();
    }

    String createShare(String name, String access, List<String> assetIds) {
        ObjectNode data = JSON.createObjectNode().put("name", name).put("access", access).put("type", "asset");
        ArrayNode assets = data.putArray("asset_ids");
        assetIds.forEach(assets::add);
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        return send("POST", "/_sim/projects/" + fx.projectId() + "/shares", body, 201).path("data").path("id").asText();
    }

    void edit(String shareId, Map<String, ?> fields) {
        send("PATCH", "/_sim/shares/" + shareId, JSON.valueToTree(fields), 200);
    }

    void view(String shareId) {
        send("POST", "/_sim/shares/" + shareId + "/view", null, 200);
    }

    void delete(String shareId) {
        send("DELETE", "/_sim/shares/" + shareId, null, 204);
    }

    void addReviewers(String shareId, List<String> emails) {
        send("POST", "/_sim/shares/" + shareId + "/reviewers", JSON.createObjectNode().set("emails", JSON.valueToTree(emails)), 200);
    }

    void removeReviewers(String shareId, List<String> emails) {
        send("DELETE", "/_sim/shares/" + shareId + "/reviewers", JSON.createObjectNode().set("emails", JSON.valueToTree(emails)), 200);
    }

    void addAsset(String shareId, String assetId) {
        send("POST", "/_sim/shares/" + shareId + "/assets", JSON.createObjectNode().put("asset_id", assetId), 200);
    }

    void removeAsset(String shareId, String assetId) {
        send("DELETE", "/_sim/shares/" + shareId + "/assets/" + assetId, null, 200);
    }

    /** Adds an item to a share's activity feed; returns its id. */
    String activity(String shareId, String type, String assetId) {
        ObjectNode body = JSON.createObjectNode().put("type", type);
        if (assetId != null) {
            body.put("asset_id", assetId);
        }
        return send("POST", "/_sim/shares/" + shareId + "/activities", body, 201).path("data").path("id").asText();
    }

    void faults(String rulesJson) {
        send("PUT", "/_sim/faults", readTree("{\"rules\":" + rulesJson + "}"), 200);
    }

    void clearFaults() {
        send("DELETE", "/_sim/faults", null, 204);
    }

    // ---- the truth, read through the V4 API ----------------------------------------------------------------------

    /** Every share of the fixture project, by id, as the API shows it. */
    Map<String, JsonNode> shares() {
        Map<String, JsonNode> shares = new TreeMap<>();
        String next = "/v4/accounts/" + fx.accountId() + "/projects/" + fx.projectId() + "/shares?page_size=100";
        while (next != null) {
            JsonNode page = api(next);
            page.path("data").forEach(s -> shares.put(s.path("id").asText(), s));
            JsonNode link = page.path("links").path("next");
            next = link.isNull() || link.isMissingNode() ? null : link.asText() + "&page_size=100";
        }
        return shares;
    }

    /** A share's reviewers: user id, or e-mail for invited people. */
    TreeSet<String> reviewers(String shareId) {
        TreeSet<String> keys = new TreeSet<>();
        api("/v4/accounts/" + fx.accountId() + "/shares/" + shareId + "/reviewers").path("data")
                .forEach(r -> keys.add(r.hasNonNull("id") ? r.get("id").asText() : r.path("email").asText()));
        return keys;
    }

    /** A share's assets (recursively flat). */
    TreeSet<String> assets(String shareId) {
        TreeSet<String> ids = new TreeSet<>();
        String next = "/v4/accounts/" + fx.accountId() + "/shares/" + shareId + "/assets?page_size=100";
        while (next != null) {
            JsonNode page = api(next);
            page.path("data").forEach(a -> ids.add(a.path("id").asText()));
            JsonNode link = page.path("links").path("next");
            next = link.isNull() || link.isMissingNode() ? null : link.asText() + "&page_size=100";
        }
        return ids;
    }

    /** A share's activity item ids, oldest first. */
    List<String> activityIds(String shareId) {
        List<String> ids = new ArrayList<>();
        api("/v4/accounts/" + fx.accountId() + "/shares/" + shareId + "/activities?page_size=100").path("data")
                .forEach(a -> ids.add(0, a.path("id").asText()));
        return ids;
    }

    private JsonNode api(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path))
                .header("Authorization", "Bearer " + fx.token()).GET().build();
        return exchange(request, 200);
    }

    private JsonNode send(String method, String path, JsonNode body, int expected) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path));
        if (body != null) {
            builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return exchange(builder.build(), expected);
    }

    private static JsonNode exchange(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new AssertionError(request.method() + " " + request.uri() + " answered " + response.statusCode()
                                         + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
