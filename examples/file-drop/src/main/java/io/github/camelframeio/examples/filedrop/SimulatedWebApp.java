package io.github.camelframeio.examples.filedrop;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What people do to shares in the Frame.io web app, played through the simulator's admin API ({@code /_sim}),
 * the same calls a {@code curl} against a standalone simulator would make.
 */
final class SimulatedWebApp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    SimulatedWebApp(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Someone edits the share's settings, e.g. renames it. */
    void edit(String shareId, Map<String, ?> fields) throws IOException, InterruptedException {
        send("PATCH", "/_sim/shares/" + shareId, fields);
    }

    /** Someone opens the share link. */
    void view(String shareId) throws IOException, InterruptedException {
        send("POST", "/_sim/shares/" + shareId + "/view", null);
    }

    /** Someone invites reviewers to the share. */
    void addReviewers(String shareId, List<String> emails) throws IOException, InterruptedException {
        send("POST", "/_sim/shares/" + shareId + "/reviewers", Map.of("emails", emails));
    }

    /** Someone deletes the share. */
    void delete(String shareId) throws IOException, InterruptedException {
        send("DELETE", "/_sim/shares/" + shareId, null);
    }

    private void send(String method, String path, Object body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
