package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.state.Fixtures;

import java.util.Locale;
import java.util.Map;

/** What the Shares and webhook operations check alike: a JSON body, and the account of the path. */
final class Requests {

    private Requests() {
    }

    /** The parsed body: 400 for another content type or malformed JSON. */
    static JsonNode jsonBody(HttpRequest request) {
        String contentType = request.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw ApiException.badRequest("Content-Type must be application/json");
        }
        return Json.parseBody(request.body());
    }

    /** The account of the path: 404 when unknown, 403 when the caller may not use it. */
    static void requireAccount(Fixtures fixtures, Map<String, String> path) {
        String accountId = path.get("account_id");
        if (fixtures.forbiddenAccountId.equals(accountId)) {
            throw ApiException.forbidden("Forbidden");
        }
        if (!fixtures.accountId.equals(accountId)) {
            throw ApiException.notFound("Account not found");
        }
    }
}
