package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.contract.Violation;
import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.http.HttpResponse;
import io.github.camelframeio.frameio.simulator.state.Fixtures;
import io.github.camelframeio.frameio.simulator.state.StoredWebhook;
import io.github.camelframeio.frameio.simulator.state.WebhookStore;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The five webhook operations, checked in the Shares operations' order: query and body first (400, 422, by the
 * contract's {@link RequestValidator#SERVER}), then the account (404, 403), then the workspace or webhook (404).
 * The signing {@code secret} is in the answer to the create call and nowhere else.
 */
public final class WebhooksApi {

    private final WebhookStore store;
    private final Fixtures fixtures;

    public WebhooksApi(WebhookStore store, Fixtures fixtures) {
        this.store = store;
        this.fixtures = fixtures;
    }

    /**
     * @param userId the authenticated caller, the creator of a new webhook
     */
    public HttpResponse handle(SharesOperation.Match match, HttpRequest request, String userId) {
        Map<String, String> p = match.pathParams();
        return switch (match.operation()) {
            case LIST_WEBHOOKS -> list(p, request);
            case CREATE_WEBHOOK -> create(p, request, userId);
            case SHOW_WEBHOOK -> show(p, request);
            case UPDATE_WEBHOOK -> update(p, request);
            case DELETE_WEBHOOK -> delete(p);
            default -> throw new IllegalArgumentException(match.operation() + " is not a webhook operation");
        };
    }

    private HttpResponse list(Map<String, String> p, HttpRequest request) {
        Query query = Query.of(SharesOperation.LIST_WEBHOOKS, request);
        query.validate();
        boolean creator = query.include().contains("creator");
        String sort = query.sort();
        String workspaceId = workspace(p);
        List<StoredWebhook> webhooks = new ArrayList<>(store.of(workspaceId));
        if (sort != null) {
            webhooks.sort(order(sort));
        }
        return Json.response(200, query.page(webhooks, w -> Render.webhook(w, creator, false, fixtures)));
    }

    private HttpResponse create(Map<String, String> p, HttpRequest request, String userId) {
        JsonNode data = valid(SharesOperation.CREATE_WEBHOOK, Requests.jsonBody(request));
        String workspaceId = workspace(p);
        StoredWebhook created = store.create(p.get("account_id"), workspaceId, data.get("name").asText(),
                data.get("url").asText(), events(data.get("events")), userId);
        return Json.response(201, Json.data(Render.webhook(created, false, true, fixtures)));
    }

    private HttpResponse show(Map<String, String> p, HttpRequest request) {
        Query query = Query.of(SharesOperation.SHOW_WEBHOOK, request);
        query.validate();
        boolean creator = query.include().contains("creator");
        return Json.response(200, Json.data(Render.webhook(webhook(p), creator, false, fixtures)));
    }

    private HttpResponse update(Map<String, String> p, HttpRequest request) {
        JsonNode data = valid(SharesOperation.UPDATE_WEBHOOK, Requests.jsonBody(request));
        StoredWebhook webhook = webhook(p);
        JsonNode active = data.get("active");
        StoredWebhook updated = store.update(webhook.id(), text(data, "name"), text(data, "url"),
                data.has("events") ? events(data.get("events")) : null, active == null ? null : active.asBoolean());
        if (updated == null) {
            throw ApiException.notFound("Webhook not found");
        }
        return Json.response(200, Json.data(Render.webhook(updated, false, false, fixtures)));
    }

    private HttpResponse delete(Map<String, String> p) {
        StoredWebhook webhook = webhook(p);
        if (store.delete(webhook.id()) == null) {
            throw ApiException.notFound("Webhook not found");
        }
        return HttpResponse.noContent();
    }

    /** The contract's checks, then a URL the simulator can deliver to: absolute, http or https, with a host. */
    private static JsonNode valid(SharesOperation op, JsonNode body) {
        List<Violation> violations = RequestValidator.SERVER.validateBody(op, body);
        if (!violations.isEmpty()) {
            throw ShareRequests.invalid(violations);
        }
        JsonNode data = body.get("data");
        JsonNode url = data.get("url");
        if (url != null && !deliverable(url.asText())) {
            throw ApiException.invalid("/data/url", "Invalid URL: expected an absolute http or https URL");
        }
        return data;
    }

    private static boolean deliverable(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static List<String> events(JsonNode events) {
        List<String> result = new ArrayList<>();
        events.forEach(e -> result.add(e.asText()));
        return result;
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null ? null : value.asText();
    }



    private String workspace(Map<String, String> p) {
        Requests.requireAccount(fixtures, p);
        String workspaceId = p.get("workspace_id");
        if (!fixtures.workspaceId.equals(workspaceId)) {
            throw ApiException.notFound("Workspace not found");
        }
        return workspaceId;
    }

    private StoredWebhook webhook(Map<String, String> p) {
        Requests.requireAccount(fixtures, p);
        StoredWebhook webhook = store.get(p.get("webhook_id"));
        if (webhook == null || !webhook.accountId().equals(p.get("account_id"))) {
            throw ApiException.notFound("Webhook not found");
        }
        return webhook;
    }

    private static Comparator<StoredWebhook> order(String sort) {
        Comparator<StoredWebhook> created = Comparator.comparingLong(StoredWebhook::createdAt)
                .thenComparing(StoredWebhook::id);
        Comparator<StoredWebhook> byName = Comparator.comparing(StoredWebhook::name, String.CASE_INSENSITIVE_ORDER);
        return switch (sort) {
            case "name_asc" -> byName.thenComparing(created);
            case "name_desc" -> byName.reversed().thenComparing(created);
            case "created_at_desc" -> created.reversed();
            default -> created;
        };
    }
}
