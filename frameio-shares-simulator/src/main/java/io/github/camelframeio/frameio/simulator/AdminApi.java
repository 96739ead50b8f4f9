package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.admin.FaultRule;
import io.github.camelframeio.frameio.simulator.api.ApiException;
import io.github.camelframeio.frameio.simulator.api.Json;
import io.github.camelframeio.frameio.simulator.api.Render;
import io.github.camelframeio.frameio.simulator.api.ShareRequests;
import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.http.HttpResponse;
import io.github.camelframeio.frameio.simulator.state.Activity;
import io.github.camelframeio.frameio.simulator.state.SimClock;
import io.github.camelframeio.frameio.simulator.state.SimUser;
import io.github.camelframeio.frameio.simulator.state.SimulatorState;
import io.github.camelframeio.frameio.simulator.state.StoredShare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The admin API under {@code /_sim}: no token, no rate limit, never logged as API traffic. Besides health,
 * fixtures, reset, the request log and fault rules, it lets a test do what a person does in the Frame.io web app
 * (edit, view, delete, create shares; add activity, reviewers and assets), so that change feeds have something to
 * notice.
 */
final class AdminApi {

    private static final Set<String> ACTIVITY_TYPES = Set.of("share_viewed", "asset_viewed", "asset_downloaded",
            "comment_created");

    private final FrameioSimulator simulator;

    AdminApi(FrameioSimulator simulator) {
        this.simulator = simulator;
    }

    HttpResponse handle(HttpRequest request) {
        try {
            return route(request);
        } catch (ApiException e) {
            return Json.error(e);
        } catch (NoSuchElementException e) {
            return Json.error(ApiException.notFound("Share not found"));
        } catch (IllegalArgumentException e) {
            return Json.error(ApiException.invalid("", e.getMessage()));
        }
    }

    private HttpResponse route(HttpRequest request) {
        List<String> s = request.segments().subList(1, request.segments().size());
        String method = request.method();
        String path = String.join("/", s);
        SimulatorState state = simulator.state();

        if (s.size() == 1) {
            switch (method + " " + path) {
                case "GET health": {
                    ObjectNode body = Json.object();
                    body.put("status", "UP");
                    body.put("shares", state.shareCount());
                    return Json.response(200, body);
                }
                case "GET fixtures":
                    return Json.response(200, SimulatorFixtures.toJson(simulator.fixtures(), state.fixtures()));
                case "POST reset":
                    simulator.reset();
                    return HttpResponse.noContent();
                case "GET requests":
                    return Json.response(200, simulator.requests().toJson());
                case "DELETE requests":
                    simulator.requests().clear();
                    return HttpResponse.noContent();
                case "GET faults":
                    return Json.response(200, simulator.faultInjector().toJson());
                case "PUT faults":
                    simulator.faults(rules(Json.parseBody(request.body())));
                    return Json.response(200, simulator.faultInjector().toJson());
                case "DELETE faults":
                    simulator.clearFaults();
                    return HttpResponse.noContent();
                case "GET notifications":
                    return Json.response(200, notifications(state));
                default:
                    break;
            }
        }
        if (s.size() == 2 && s.get(0).equals("webhooks")) {
            switch (method + " " + s.get(1)) {
                case "GET faults":
                    return Json.response(200, simulator.webhookFaults().toJson());
                case "POST faults":
                case "PUT faults":
                    simulator.webhookFaults(WebhookFaults.fromJson(Json.parseBody(request.body())));
                    return Json.response(200, simulator.webhookFaults().toJson());
                case "DELETE faults":
                    simulator.webhookFaults(WebhookFaults.NONE);
                    return HttpResponse.noContent();
                case "GET deliveries": {
                    ObjectNode body = Json.object();
                    ArrayNode list = body.putArray("data");
                    simulator.webhookDeliveries().forEach(d -> list.add(d.toJson()));
                    return Json.response(200, body);
                }
                case "DELETE deliveries":
                    simulator.clearWebhookDeliveries();
                    return HttpResponse.noContent();
                default:
                    break;
            }
        }
        if (path.equals("tokens/expire") && method.equals("POST")) {
            ObjectNode body = Json.object();
            body.put("expired", simulator.expireAccessTokens());
            return Json.response(200, body);
        }
        if (s.size() >= 2 && s.get(0).equals("shares")) {
            return share(method, s, request, state);
        }
        if (s.size() >= 3 && s.get(0).equals("projects") && s.get(2).equals("shares")) {
            String projectId = s.get(1);
            if (!state.fixtures().isProjectOfAccount(projectId, state.fixtures().accountId)) {
                throw ApiException.notFound("Project not found");
            }
            if (s.size() == 3 && method.equals("POST")) {
                ShareRequests.CreateRequest create = ShareRequests.create(Json.parseBody(request.body()));
                for (String assetId : create.assetIds()) {
                    if (state.fixtures().asset(assetId) == null) {
                        throw ApiException.notFound("Asset " + assetId + " not found");
                    }
                }
                return Json.response(201, Json.data(render(state.create(projectId, create.fields(), create.assetIds()))));
            }
            if (s.size() == 4 && s.get(3).equals("bulk") && method.equals("POST")) {
                JsonNode body = Json.parseBody(request.body());
                int count = body.path("count").asInt(-1);
                if (count < 0 || count > 1_000_000) {
                    throw ApiException.invalid("/count", "count must be between 0 and 1000000");
                }
                String access = body.path("access").asText("public");
                if (!access.equals("public") && !access.equals("secure")) {
                    throw ApiException.invalid("/access", "Invalid value for enum");
                }
                String prefix = body.path("name_prefix").asText("Bulk share");
                ObjectNode result = Json.object();
                result.put("created", state.bulkCreate(projectId, count, access, prefix));
                result.put("total", state.shares(projectId, null).size());
                return Json.response(201, result);
            }
        }
        throw ApiException.notFound("Not found");
    }

    private HttpResponse share(String method, List<String> s, HttpRequest request, SimulatorState state) {
        StoredShare share = state.share(s.get(1));
        if (share == null) {
            throw ApiException.notFound("Share not found");
        }
        String id = share.id();
        String rest = String.join("/", s.subList(2, s.size()));
        switch (method + " " + rest) {
            case "PATCH ":
                return Json.response(200, Json.data(render(state.update(id,
                        ShareRequests.webAppEdit(Json.parseBody(request.body()))))));
            case "DELETE ":
                state.delete(id);
                return HttpResponse.noContent();
            case "POST view": {
                String userId = request.body().length == 0 ? null
                        : Json.parseBody(request.body()).path("user_id").asText(null);
                return Json.response(200, Json.data(render(state.view(id,
                        userId != null ? userId : state.ids().uuid()))));
            }
            case "POST activities": {
                JsonNode body = Json.parseBody(request.body());
                String type = body.path("type").asText("");
                if (!ACTIVITY_TYPES.contains(type)) {
                    throw ApiException.invalid("/type", "type must be one of " + ACTIVITY_TYPES);
                }
                String userId = body.path("user_id").asText(null);
                String actor = userId != null ? userId : state.ids().uuid();
                Activity a;
                if (type.equals("share_viewed")) {
                    // a share view also moves last_viewed_at, as it does in the web app
                    state.view(id, actor);
                    a = state.activities(id).get(0);
                } else {
                    a = state.addActivity(id, type, body.path("asset_id").asText(null), actor);
                }
                ObjectNode result = Json.object();
                result.put("id", a.id());
                result.put("type", a.type());
                result.put("inserted_at", SimClock.format(a.insertedAt()));
                return Json.response(201, Json.data(result));
            }
            case "POST reviewers":
            case "DELETE reviewers": {
                JsonNode body = Json.parseBody(request.body());
                List<String> emails = new ArrayList<>();
                body.path("emails").forEach(e -> emails.add(e.asText().toLowerCase(Locale.ROOT)));
                if (emails.isEmpty()) {
                    throw ApiException.invalid("/emails", "emails must list at least one address");
                }
                if (method.equals("POST")) {
                    List<SimUser> people = new ArrayList<>();
                    for (String email : emails) {
                        SimUser known = state.fixtures().userByEmail(email);
                        people.add(known != null ? known : SimUser.invited(email));
                    }
                    state.addReviewers(id, people, body.path("message").asText("Added in the web app"), false);
                } else {
                    state.removeReviewers(id, u -> emails.contains(u.email().toLowerCase(Locale.ROOT)));
                }
                return Json.response(200, Json.data(render(state.share(id))));
            }
            case "POST assets": {
                String assetId = Json.parseBody(request.body()).path("asset_id").asText("");
                if (state.fixtures().asset(assetId) == null) {
                    throw ApiException.notFound("Asset " + assetId + " not found");
                }
                StoredShare updated = state.addAsset(id, assetId);
                return Json.response(200, Json.data(render(updated != null ? updated : state.share(id))));
            }
            default:
                if (method.equals("DELETE") && s.size() == 4 && s.get(2).equals("assets")) {
                    StoredShare updated = state.removeAsset(id, s.get(3));
                    if (updated == null) {
                        throw ApiException.notFound("Asset " + s.get(3) + " is not in the share");
                    }
                    return Json.response(200, Json.data(render(updated)));
                }
                throw ApiException.notFound("Not found");
        }
    }

    private static ObjectNode render(StoredShare share) {
        return Render.share(share);
    }

    private static List<FaultRule> rules(JsonNode body) {
        JsonNode rules = body.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new IllegalArgumentException("body must be {\"rules\": [...]}");
        }
        List<FaultRule> result = new ArrayList<>();
        for (JsonNode rule : rules) {
            result.add(FaultRule.fromJson(rule));
        }
        return result;
    }

    private static ObjectNode notifications(SimulatorState state) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("data");
        for (SimulatorState.Notification n : state.notifications()) {
            ObjectNode item = list.addObject();
            item.put("share_id", n.shareId());
            item.put("email", n.email());
            item.put("message", n.message());
            item.put("sent_at", SimClock.format(n.sentAt()));
        }
        return body;
    }
}
