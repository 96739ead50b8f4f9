package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.contract.Violation;
import io.github.camelframeio.frameio.simulator.state.SimClock;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The request bodies of the Shares operations, checked by the contract's {@link RequestValidator#SERVER} (every
 * violation at once, as one 422 in Frame.io's OpenApiSpex wording) and then read into what the API needs. The
 * checks are the client's own: the simulator has no rule of its own beyond the contract module's.
 */
public final class ShareRequests {

    /** A valid create request: the share's fields (without type and asset_ids) and the asset ids. */
    public record CreateRequest(Map<String, JsonNode> fields, List<String> assetIds) {
    }

    /**
     * A valid reviewer request.
     *
     * @param kind          the identifier type: {@code adobe_user_ids}, {@code emails}, {@code user_ids} or
     *                      {@code share_list_ids}
     * @param identifiers   the identifiers, in request order
     * @param message       the notification message (add only)
     * @param notifyByEmail whether to send e-mails (add only)
     */
    public record ReviewerRequest(String kind, List<String> identifiers, String message, boolean notifyByEmail) {
    }

    private ShareRequests() {
    }

    public static CreateRequest create(JsonNode body) {
        ObjectNode data = valid(SharesOperation.CREATE_SHARE, body);
        Map<String, JsonNode> fields = fields(data);
        fields.remove("type");
        JsonNode ids = fields.remove("asset_ids");
        List<String> assetIds = new ArrayList<>();
        if (ids != null) {
            ids.forEach(id -> assetIds.add(id.asText()));
        }
        return new CreateRequest(fields, assetIds);
    }

    public static Map<String, JsonNode> update(JsonNode body) {
        return fields(valid(SharesOperation.UPDATE_SHARE, body));
    }

    /**
     * The fields of a web-app edit ({@code PATCH /_sim/shares/{id}}): update fields, with or without the data
     * envelope.
     */
    public static Map<String, JsonNode> webAppEdit(JsonNode body) {
        if (body != null && body.isObject() && !(body.size() == 1 && body.has("data"))) {
            return update(Json.data(body));
        }
        return update(body);
    }

    public static String addAsset(JsonNode body) {
        return valid(SharesOperation.ADD_ASSET, body).get("asset_id").asText();
    }

    public static ReviewerRequest addReviewers(JsonNode body) {
        ObjectNode data = valid(SharesOperation.ADD_REVIEWERS, body);
        ReviewerRequest reviewers = reviewers(data);
        return new ReviewerRequest(reviewers.kind(), reviewers.identifiers(), data.get("message").asText(),
                data.path("notify_by_email").asBoolean(true));
    }

    public static ReviewerRequest removeReviewers(JsonNode body) {
        return reviewers(valid(SharesOperation.REMOVE_REVIEWERS, body));
    }

    /** Throws the 422 of every violation, or returns the (valid) {@code data} object. */
    private static ObjectNode valid(SharesOperation op, JsonNode body) {
        List<Violation> violations = RequestValidator.SERVER.validateBody(op, body);
        if (!violations.isEmpty()) {
            throw invalid(violations);
        }
        return (ObjectNode) body.get("data");
    }

    /** One 422 in Frame.io's wording, one error per violation, each pointing at its field. */
    public static ApiException invalid(List<Violation> violations) {
        List<ApiException.Error> errors = new ArrayList<>();
        for (Violation v : violations) {
            errors.add(new ApiException.Error(v.frameioDetail(), v.pointer(), "Invalid value"));
        }
        return ApiException.invalid(errors);
    }

    /** The exactly one identifier type of a valid reviewer request. */
    private static ReviewerRequest reviewers(ObjectNode data) {
        Map.Entry<String, JsonNode> only = data.get("reviewers").fields().next();
        List<String> identifiers = new ArrayList<>();
        only.getValue().forEach(id -> identifiers.add(id.asText()));
        return new ReviewerRequest(only.getKey(), identifiers, null, true);
    }

    /** The share fields as sent, timestamps normalised to UTC with microseconds as Frame.io echoes them. */
    private static Map<String, JsonNode> fields(ObjectNode data) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = data.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (field.getKey().equals("expiration") && value.isTextual()) {
                try {
                    value = TextNode.valueOf(SimClock.format(SimClock.toMicros(OffsetDateTime.parse(value.asText())
                            .toInstant())));
                } catch (DateTimeParseException e) {
                    // valid RFC 3339 that java.time does not read (a leap second, a lower-case t): kept as sent
                }
            }
            fields.put(field.getKey(), value);
        }
        return fields;
    }
}
