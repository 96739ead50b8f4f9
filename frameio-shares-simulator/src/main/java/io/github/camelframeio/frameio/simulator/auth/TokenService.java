package io.github.camelframeio.frameio.simulator.auth;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.api.Json;
import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.http.HttpResponse;
import io.github.camelframeio.frameio.simulator.state.Fixtures;
import io.github.camelframeio.frameio.simulator.state.Ids;
import io.github.camelframeio.frameio.simulator.state.SimClock;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An Adobe IMS look-alike ({@code POST /ims/token/v3}) and the bearer-token check of every {@code /v4} call.
 * <p>
 * It issues access tokens for {@code client_credentials} (server-to-server) and {@code refresh_token} (user) grants.
 * Refresh tokens rotate: each use returns a new one and the used one stops working. Access tokens expire after the
 * configured lifetime; server-to-server tokens issued without the {@code frame.s2s.all} scope are refused by the
 * API, as Frame.io refuses them.
 */
public final class TokenService {

    /** Who a valid token acts for. */
    public record Principal(String userId, boolean serviceAccount, Set<String> scopes) {
    }

    private record AccessToken(Principal principal, long expiresAtMillis) {
    }

    private record RefreshToken(String userId, String scope, long expiresAtMillis) {
    }

    /** The scope a server-to-server token needs for the Frame.io API. */
    public static final String S2S_SCOPE = "frame.s2s.all";
    private static final String USER_SCOPE = "openid,AdobeID,profile,offline_access,additional_info.roles";

    private final Fixtures fixtures;
    private final SimClock clock;
    private volatile Duration accessTokenTtl;
    private volatile Duration refreshTokenTtl;
    /** Never restarted: a token issued before a reset must not be issued again, to someone else, after it. */
    private final Ids ids;
    private final Map<String, AccessToken> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshToken> refreshTokens = new ConcurrentHashMap<>();
    private final Principal staticPrincipal;

    public TokenService(Fixtures fixtures, SimClock clock, long seed, Duration accessTokenTtl, Duration refreshTokenTtl) {
        this.fixtures = fixtures;
        this.clock = clock;
        this.accessTokenTtl = accessTokenTtl;
        this.refreshTokenTtl = refreshTokenTtl;
        this.staticPrincipal = new Principal(fixtures.users.get(0).id(), false, scopes(USER_SCOPE));
        this.ids = new Ids(seed ^ 0x494d53L);
        reset();
    }

    /** Forgets every issued token; the fixture refresh token works again. */
    public synchronized void reset() {
        accessTokens.clear();
        refreshTokens.clear();
        refreshTokens.put(fixtures.refreshToken,
                new RefreshToken(fixtures.users.get(0).id(), USER_SCOPE, Long.MAX_VALUE));
    }

    public void setAccessTokenTtl(Duration ttl) {
        this.accessTokenTtl = ttl;
    }

    public void setRefreshTokenTtl(Duration ttl) {
        this.refreshTokenTtl = ttl;
    }

    public Duration accessTokenTtl() {
        return accessTokenTtl;
    }

    public Duration refreshTokenTtl() {
        return refreshTokenTtl;
    }

    /** Makes every access token issued so far expired (the static fixture token is not affected). */
    public int expireAccessTokens() {
        int n = 0;
        for (Map.Entry<String, AccessToken> e : accessTokens.entrySet()) {
            e.setValue(new AccessToken(e.getValue().principal(), 0));
            n++;
        }
        return n;
    }

    /**
     * The principal of an {@code Authorization: Bearer} header, or null when the header is missing, malformed, the
     * token unknown or expired, or a server-to-server token lacks the Frame.io scope.
     */
    public Principal authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        if (token.equals(fixtures.staticToken)) {
            return staticPrincipal;
        }
        AccessToken issued = accessTokens.get(token);
        if (issued == null || clock.nowMillis() >= issued.expiresAtMillis()) {
            return null;
        }
        if (issued.principal().serviceAccount() && !issued.principal().scopes().contains(S2S_SCOPE)) {
            return null;
        }
        return issued.principal();
    }

    /** {@code POST /ims/token/v3}: form-encoded, answering in the IMS format. */
    public HttpResponse token(HttpRequest request) {
        if (!request.method().equals("POST")) {
            return imsError(405, "invalid_request", "Use POST");
        }
        String contentType = request.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return imsError(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
        }
        Map<String, String> form = new HashMap<>();
        request.query().forEach((k, v) -> form.put(k, v.get(v.size() - 1)));
        HttpRequest.parseForm(request.bodyAsString()).forEach(form::put);
        basicCredentials(request.header("authorization"), form);

        String grantType = form.get("grant_type");
        if (grantType == null || grantType.isEmpty()) {
            return imsError(400, "invalid_request", "Missing grant_type");
        }
        String clientId = form.get("client_id");
        if (clientId == null || clientId.isEmpty()) {
            return imsError(400, "invalid_request", "Missing client_id");
        }
        if (!clientId.equals(fixtures.clientId)) {
            return imsError(401, "invalid_client", "invalid client_id parameter");
        }
        String secret = form.get("client_secret");
        switch (grantType) {
            case "client_credentials": {
                if (secret == null || !secret.equals(fixtures.clientSecret)) {
                    return imsError(401, "invalid_client", "invalid client_secret parameter");
                }
                String scope = form.getOrDefault("scope", "");
                String token = issue(new Principal(fixtures.serviceUser.id(), true, scopes(scope)));
                ObjectNode body = Json.object();
                body.put("access_token", token);
                body.put("token_type", "bearer");
                body.put("expires_in", accessTokenTtl.toSeconds());
                return Json.response(200, body);
            }
            case "refresh_token": {
                if (secret != null && !secret.equals(fixtures.clientSecret)) {
                    return imsError(401, "invalid_client", "invalid client_secret parameter");
                }
                String presented = form.get("refresh_token");
                if (presented == null || presented.isEmpty()) {
                    return imsError(400, "invalid_request", "Missing refresh_token");
                }
                RefreshToken refresh;
                String rotated;
                synchronized (this) {
                    refresh = refreshTokens.remove(presented);
                    if (refresh == null || clock.nowMillis() >= refresh.expiresAtMillis()) {
                        return imsError(400, "invalid_grant", "Invalid or expired refresh_token");
                    }
                    rotated = "sim-rt-" + ids.alphanumeric(40);
                    refreshTokens.put(rotated, new RefreshToken(refresh.userId(), refresh.scope(),
                            clock.nowMillis() + refreshTokenTtl.toMillis()));
                }
                String token = issue(new Principal(refresh.userId(), false, scopes(refresh.scope())));
                ObjectNode body = Json.object();
                body.put("access_token", token);
                body.put("refresh_token", rotated);
                body.put("token_type", "bearer");
                body.put("expires_in", accessTokenTtl.toSeconds());
                return Json.response(200, body);
            }
            default:
                return imsError(400, "unsupported_grant_type", "Unsupported grant_type: " + grantType);
        }
    }

    private String issue(Principal principal) {
        String token;
        synchronized (this) {
            token = "sim-at-" + ids.alphanumeric(48);
        }
        accessTokens.put(token, new AccessToken(principal, clock.nowMillis() + accessTokenTtl.toMillis()));
        return token;
    }

    private static void basicCredentials(String authorization, Map<String, String> form) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                form.putIfAbsent("client_id", decoded.substring(0, colon));
                form.putIfAbsent("client_secret", decoded.substring(colon + 1));
            }
        } catch (IllegalArgumentException ignored) {
            // not Basic credentials after all
        }
    }

    private static Set<String> scopes(String scope) {
        Set<String> result = new LinkedHashSet<>();
        for (String s : scope.split("[,\\s]+")) {
            if (!s.isBlank()) {
                result.add(s.trim());
            }
        }
        return result;
    }

    private static HttpResponse imsError(int status, String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return Json.response(status, body);
    }
}
