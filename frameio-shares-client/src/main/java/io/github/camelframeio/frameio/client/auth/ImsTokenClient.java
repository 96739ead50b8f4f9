package io.github.camelframeio.frameio.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.FrameioAuthenticationException;
import io.github.camelframeio.frameio.client.FrameioTransport;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.ContentType;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Asks Adobe IMS ({@code POST /ims/token/v3}) for access tokens, by client credentials or by refresh token.
 */
public final class ImsTokenClient {

    public static final String TOKEN_PATH = "/ims/token/v3";

    private final URI tokenUri;
    private final FrameioTransport transport;
    private final ObjectMapper mapper;

    public ImsTokenClient(URI imsUrl, FrameioTransport transport, ObjectMapper mapper) {
        String base = imsUrl.toString();
        this.tokenUri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + TOKEN_PATH);
        this.transport = transport;
        this.mapper = mapper;
    }

    /** Server-to-server: {@code grant_type=client_credentials}. */
    public CompletableFuture<ImsToken> clientCredentials(String clientId, String clientSecret, String scopes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("scope", scopes);
        return post(form, "client_credentials", clientId);
    }

    /** User: {@code grant_type=refresh_token}; the answer carries the rotated refresh token. */
    public CompletableFuture<ImsToken> refresh(String clientId, String clientSecret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", clientId);
        if (clientSecret != null && !clientSecret.isEmpty()) {
            form.put("client_secret", clientSecret);
        }
        form.put("refresh_token", refreshToken);
        return post(form, "refresh_token", clientId);
    }

    private CompletableFuture<ImsToken> post(Map<String, String> form, String grant, String clientId) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        SimpleHttpRequest request = SimpleHttpRequest.create("POST", tokenUri);
        request.setHeader("Accept", "application/json");
        request.setBody(body.toString(), ContentType.APPLICATION_FORM_URLENCODED);
        return transport.execute(request)
                .exceptionally(e -> {
                    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                    throw new FrameioAuthenticationException("Adobe IMS at " + tokenUri + " could not be reached for the "
                                                             + grant + " grant: " + cause, cause);
                })
                .thenApply(response -> parse(response, grant, clientId));
    }

    private ImsToken parse(FrameioTransport.RawResponse response, String grant, String clientId) {
        JsonNode json;
        try {
            json = mapper.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        if (response.status() != 200 || json == null || !json.hasNonNull("access_token")) {
            String error = json == null ? null : json.path("error").asText(null);
            String description = json == null ? null : json.path("error_description").asText(null);
            StringBuilder message = new StringBuilder("Adobe IMS refused the ").append(grant).append(" grant for client ")
                    .append(clientId).append(" with ").append(response.status());
            if (error != null) {
                message.append(": ").append(error);
                if (description != null) {
                    message.append(" (").append(description).append(')');
                }
            }
            if ("invalid_grant".equals(error)) {
                message.append(". The refresh token was used already, revoked or expired: authorize again and set a"
                               + " new refreshToken");
            }
            throw new FrameioAuthenticationException(response.status(), error, message.toString());
        }
        return new ImsToken(json.get("access_token").asText(), json.path("refresh_token").asText(null),
                json.path("expires_in").asLong(86_399));
    }

    @Override
    public String toString() {
        return "ImsTokenClient[" + tokenUri + "]";
    }
}
