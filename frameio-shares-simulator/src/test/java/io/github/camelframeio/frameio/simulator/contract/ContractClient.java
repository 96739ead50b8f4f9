package io.github.camelframeio.frameio.simulator.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for tests (java.net.http, so nothing of our own is under test) that records each exchange
 * for contract checks.
 */
public final class ContractClient {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String baseUrl;
    private final String token;

    public ContractClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    public ContractClient withToken(String newToken) {
        return new ContractClient(baseUrl, newToken);
    }

    public Exchange get(String pathAndQuery) {
        return send("GET", pathAndQuery, null);
    }

    public Exchange post(String path, String json) {
        return send("POST", path, json);
    }

    public Exchange patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Exchange delete(String path) {
        return send("DELETE", path, null);
    }

    public Exchange delete(String path, String json) {
        return send("DELETE", path, json);
    }

    public Exchange send(String method, String pathAndQuery, String json) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (token != null) {
            headers.put("Authorization", List.of("Bearer " + token));
        }
        if (json != null) {
            headers.put("Content-Type", List.of("application/json"));
        }
        return send(method, pathAndQuery, json, headers);
    }

    public Exchange send(String method, String pathAndQuery, String body, Map<String, List<String>> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach((name, values) -> values.forEach(v -> builder.header(name, v)));
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            int q = pathAndQuery.indexOf('?');
            String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            return new Exchange(method, path, parseQuery(q < 0 ? null : pathAndQuery.substring(q + 1)), headers,
                    body, response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<String>> parseQuery(String query) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        if (query == null) {
            return result;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }
}
