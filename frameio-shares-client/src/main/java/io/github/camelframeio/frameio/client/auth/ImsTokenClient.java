package io.github.camelframeio.frameio.client.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.FrameioAuthenticationException;
import io.github.camelframeio.frameio.client.FrameioTransport;
import io.github.camelframeio.frameio.client.FrameioTransportException;

import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.core5.http.ContentType;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

/**
 * Asks Adobe IMS ({@code POST /ims/token/v3}) for access tokens, by client credentials or by refresh token.
 * <p>
 * Failures are repeated where that is safe, up to {@link #MAX_ATTEMPTS} attempts with a short back-off: a 429
 * (IMS did not process it; its {@code Retry-After} is honoured up to {@link #MAX_WAIT}) and a connection that was
 * never made, for both grants; a 5xx, a reset or a timeout only for client credentials, since asking again for a
 * token changes nothing. A refresh-token grant is not repeated after those: IMS may have rotated the refresh token,
 * and repeating it with the old one would fail as {@code invalid_grant} and hide what happened.
 */
public final class ImsTokenClient {

    public static final String TOKEN_PATH = "/ims/token/v3";
    /** Attempts of one token request at most. */
    public static final int MAX_ATTEMPTS = 3;
    /** The longest wait between two attempts, a {@code Retry-After} included (longer: the failure is reported). */
    public static final Duration MAX_WAIT = Duration.ofSeconds(5);
    private static final long FIRST_BACKOFF_MILLIS = 250;

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
        return post(form, "client_credentials", clientId, true);
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
        return post(form, "refresh_token", clientId, false);
    }

    private CompletableFuture<ImsToken> post(Map<String, String> form, String grant, String clientId,
                                             boolean repeatable) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((k, v) -> body.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        CompletableFuture<ImsToken> result = new CompletableFuture<>();
        attempt(body.toString(), grant, clientId, repeatable, 1, result);
        return result;
    }

    private void attempt(String form, String grant, String clientId, boolean repeatable, int attempt,
                         CompletableFuture<ImsToken> result) {
        SimpleHttpRequest request = SimpleHttpRequest.create("POST", tokenUri);
        request.setHeader("Accept", "application/json");
        request.setBody(form, ContentType.APPLICATION_FORM_URLENCODED);
        transport.execute(request).whenComplete((response, error) -> {
            FrameioAuthenticationException failure;
            long waitMillis = FIRST_BACKOFF_MILLIS << (attempt - 1);
            boolean again;
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause()
                        : error;
                boolean sent = FrameioTransportException.classify(null, cause).isMaybeProcessed();
                failure = new FrameioAuthenticationException("Adobe IMS at " + tokenUri + " could not be reached for"
                        + " the " + grant + " grant" + (attempt > 1 ? " (attempt " + attempt + ")" : "") + ": " + cause
                        + (sent && !repeatable ? "; the request may have been processed, so it is not repeated (the"
                                + " refresh token may have been rotated)" : ""), cause);
                again = !sent || repeatable;
            } else {
                try {
                    result.complete(parse(response, grant, clientId));
                    return;
                } catch (FrameioAuthenticationException e) {
                    failure = e;
                }
                int status = response.status();
                Long retryAfter = retryAfterMillis(response.header("retry-after"));
                if (retryAfter != null) {
                    waitMillis = Math.max(waitMillis, retryAfter);
                }
                again = status == 429 || (status >= 500 && repeatable);
            }
            if (again && attempt < MAX_ATTEMPTS && waitMillis <= MAX_WAIT.toMillis()) {
                CompletableFuture.delayedExecutor(waitMillis, TimeUnit.MILLISECONDS)
                        .execute(() -> attempt(form, grant, clientId, repeatable, attempt + 1, result));
            } else {
                result.completeExceptionally(failure);
            }
        });
    }

    private static Long retryAfterMillis(String header) {
        if (header == null) {
            return null;
        }
        try {
            return Math.max(0, Long.parseLong(header.trim())) * 1000;
        } catch (NumberFormatException e) {
            return null; // an HTTP date or garbage: the back-off applies
        }
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
            int status = response.status();
            StringBuilder message = new StringBuilder("Adobe IMS ")
                    .append(status >= 500 ? "failed" : status == 200 ? "answered without a token to" : "refused")
                    .append(" the ").append(grant).append(" grant for client ").append(clientId).append(" with ")
                    .append(status);
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
