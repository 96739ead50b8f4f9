package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import io.github.camelframeio.frameio.client.RequestCheck;
import io.github.camelframeio.frameio.client.model.AddReviewersRequest;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.RemoveReviewersRequest;
import io.github.camelframeio.frameio.client.model.ReviewerType;
import io.github.camelframeio.frameio.client.model.ShareSettings;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;
import io.github.camelframeio.frameio.contract.ContractLimits;
import io.github.camelframeio.frameio.contract.SharesOperation;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns what a route sends (typed requests, Maps, JSON text, plain lists, headers) into the inputs of Frame.io
 * calls. Everything is checked here or by the call factories, before the first request of an exchange is sent.
 */
final class RequestBodies {

    /** One call's worth of reviewers: one type, 1 to 10 identifiers. */
    record ReviewerBatch(ReviewerType type, List<String> identifiers) {
    }

    /** The reviewer calls of one exchange, with the add-reviewers message and e-mail flag. */
    record Reviewers(List<ReviewerBatch> batches, String message, Boolean notifyByEmail) {
    }

    private RequestBodies() {
    }

    /**
     * The share fields of a createShare or updateShare body: a typed request, a Map or a JSON object of the fields,
     * with or without the {@code data} envelope. createShare adds {@code "type": "asset"} when missing (the only
     * type Frame.io has).
     */
    static ObjectNode shareData(Message message, ObjectMapper mapper, boolean create) {
        String op = create ? "createShare" : "updateShare";
        Object body = message.getBody();
        if (body == null) {
            throw new FrameioInvalidRequestException(op + " needs a body with the share's fields: a "
                    + (create ? "CreateShareRequest" : "UpdateShareRequest") + ", a Map or a JSON object");
        }
        if (body instanceof ShareSettings<?> settings) {
            if (create && body instanceof UpdateShareRequest || !create && body instanceof CreateShareRequest) {
                throw new FrameioInvalidRequestException(op + " got a " + body.getClass().getSimpleName() + "; send a "
                        + (create ? "CreateShareRequest" : "UpdateShareRequest"));
            }
            return mapper.valueToTree(settings.fields());
        }
        ObjectNode data = unwrapData(toJsonObject(message, mapper, op), op);
        if (create && !data.has("type")) {
            ObjectNode withType = mapper.createObjectNode().put("type", "asset");
            withType.setAll(data);
            data = withType;
        }
        return data;
    }

    /**
     * The assets of addAsset and removeAsset: header CamelFrameioSharesAssetIds, header CamelFrameioSharesAssetId,
     * a body of ids (a String or a Collection), or the assetId option, in that order. All ids are checked before
     * any is sent.
     */
    static List<String> assetIds(Message message, String option, String op) {
        List<String> ids = strings(message.getHeader(FrameioSharesConstants.ASSET_IDS));
        String source = FrameioSharesConstants.ASSET_IDS;
        if (ids.isEmpty()) {
            ids = strings(message.getHeader(FrameioSharesConstants.ASSET_ID));
            source = FrameioSharesConstants.ASSET_ID;
        }
        if (ids.isEmpty() && (message.getBody() instanceof String || message.getBody() instanceof Collection)) {
            ids = strings(message.getBody());
            source = "the body";
        }
        if (ids.isEmpty() && option != null && !option.isBlank()) {
            ids = List.of(option);
            source = "assetId";
        }
        if (ids.isEmpty()) {
            throw new FrameioInvalidRequestException(op + " needs an asset: set the " + FrameioSharesConstants.ASSET_IDS
                    + " or " + FrameioSharesConstants.ASSET_ID + " header, the assetId option, or a body with the asset ids");
        }
        for (String id : ids) {
            RequestCheck.requireId(SharesOperation.REMOVE_ASSET, "asset_id", id, "asset id in " + source);
        }
        return List.copyOf(new LinkedHashSet<>(ids));
    }

    /**
     * The reviewers of addReviewers or removeReviewers, grouped by type and cut into calls of at most 10.
     * Sources, in order: header CamelFrameioSharesReviewers; a typed request; a Map or JSON object in the API's
     * shape (several types and more than 10 allowed); a Collection or a separated String of identifiers.
     */
    static Reviewers reviewers(Message message, ObjectMapper mapper, FrameioSharesConfiguration config, boolean add) {
        String op = add ? "addReviewers" : "removeReviewers";
        Map<ReviewerType, List<String>> byType = new LinkedHashMap<>();
        String bodyMessage = null;
        Boolean notify = null;
        Object header = message.getHeader(FrameioSharesConstants.REVIEWERS);
        Object body = message.getBody();
        String forcedName = message.getHeader(FrameioSharesConstants.REVIEWER_TYPE, config.getReviewerType(), String.class);
        ReviewerType forced = forcedName == null || forcedName.isBlank() ? null : ReviewerType.of(forcedName);

        if (header != null) {
            classify(strings(header), forced, byType, FrameioSharesConstants.REVIEWERS);
        } else if (add && body instanceof AddReviewersRequest r) {
            byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).addAll(r.identifiers());
            bodyMessage = r.message();
            notify = r.notifyByEmail();
        } else if (!add && body instanceof RemoveReviewersRequest r) {
            byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).addAll(r.identifiers());
        } else if (body instanceof Collection<?> || (body instanceof String s && !s.trim().startsWith("{"))) {
            classify(strings(body), forced, byType, "the body");
        } else if (body != null) {
            ObjectNode data = unwrapData(toJsonObject(message, mapper, op), op);
            Set<String> allowed = add ? Set.of("message", "notify_by_email", "reviewers") : Set.of("reviewers");
            data.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    throw new FrameioInvalidRequestException("Invalid " + op + " request: data." + f
                                                             + ": is not a field of this request");
                }
            });
            JsonNode reviewers = data.path("reviewers");
            if (!reviewers.isObject() || reviewers.isEmpty()) {
                throw new FrameioInvalidRequestException("Invalid " + op + " request: data.reviewers: must name reviewers"
                        + " by emails, user_ids, adobe_user_ids" + (add ? " or share_list_ids" : ""));
            }
            Iterator<Map.Entry<String, JsonNode>> types = reviewers.fields();
            while (types.hasNext()) {
                Map.Entry<String, JsonNode> type = types.next();
                ReviewerType t = ReviewerType.of(type.getKey());
                for (JsonNode id : type.getValue()) {
                    byType.computeIfAbsent(t, k -> new ArrayList<>()).add(id.asText());
                }
            }
            if (data.hasNonNull("message")) {
                bodyMessage = data.get("message").asText();
            }
            if (data.has("notify_by_email")) {
                notify = data.get("notify_by_email").asBoolean();
            }
        }
        if (byType.isEmpty()) {
            throw new FrameioInvalidRequestException(op + " needs reviewers: a body with e-mails or ids (a List, a"
                    + " comma-separated String, an " + (add ? "AddReviewersRequest" : "RemoveReviewersRequest")
                    + " or the API's JSON), or the " + FrameioSharesConstants.REVIEWERS + " header");
        }
        List<ReviewerBatch> batches = new ArrayList<>();
        byType.forEach((type, ids) -> {
            List<String> unique = unique(type, ids);
            for (int i = 0; i < unique.size(); i += ContractLimits.MAX_REVIEWERS_PER_CALL) {
                batches.add(new ReviewerBatch(type, unique.subList(i, Math.min(unique.size(),
                        i + ContractLimits.MAX_REVIEWERS_PER_CALL))));
            }
        });
        String text = bodyMessage != null ? bodyMessage
                : message.getHeader(FrameioSharesConstants.REVIEWER_MESSAGE, config.getReviewerMessage(), String.class);
        return new Reviewers(batches, text, notify != null ? notify : config.isNotifyByEmail());
    }

    private static void classify(List<String> identifiers, ReviewerType forced, Map<ReviewerType, List<String>> byType,
                                 String source) {
        for (String id : identifiers) {
            ReviewerType type = forced != null ? forced : ReviewerType.guess(id);
            if (type == null) {
                throw new FrameioInvalidRequestException("Reviewer '" + id + "' in " + source + " is not an e-mail"
                        + " address, a user id (UUID) or an Adobe user id (...@AdobeID); set reviewerType to name its type");
            }
            byType.computeIfAbsent(type, t -> new ArrayList<>()).add(id);
        }
    }

    /** The identifiers once each (e-mails compared without case), in their first order. */
    private static List<String> unique(ReviewerType type, List<String> ids) {
        Map<String, String> seen = new LinkedHashMap<>();
        for (String id : ids) {
            String trimmed = id.trim();
            seen.putIfAbsent(type == ReviewerType.EMAILS ? trimmed.toLowerCase(Locale.ROOT) : trimmed, trimmed);
        }
        return new ArrayList<>(seen.values());
    }

    /** A List, array or separated String as trimmed, non-empty strings. */
    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Collection<?> collection) {
            for (Object item : collection) {
                if (item != null && !item.toString().isBlank()) {
                    result.add(item.toString().trim());
                }
            }
        } else if (value instanceof String[] array) {
            return strings(List.of(array));
        } else {
            String text = value.toString().trim();
            if (text.startsWith("[") && text.endsWith("]")) {
                // a JSON array of strings, e.g. from a file
                text = text.substring(1, text.length() - 1).replace("\"", " ");
            }
            for (String part : text.split("[,;\\s]+")) {
                if (!part.isBlank()) {
                    result.add(part.trim());
                }
            }
        }
        return result;
    }

    private static ObjectNode toJsonObject(Message message, ObjectMapper mapper, String op) {
        Object body = message.getBody();
        JsonNode node;
        if (body instanceof JsonNode json) {
            node = json.deepCopy();
        } else if (body instanceof Map<?, ?> map) {
            node = mapper.valueToTree(map);
        } else {
            String text = message.getBody(String.class);
            try {
                node = text == null ? null : mapper.readTree(text);
            } catch (JsonProcessingException e) {
                throw new FrameioInvalidRequestException(op + " body is not valid JSON: " + e.getOriginalMessage());
            }
        }
        if (node == null || !node.isObject()) {
            throw new FrameioInvalidRequestException(op + " body must be a JSON object (or a Map) of the request's fields");
        }
        return (ObjectNode) node;
    }

    /** Accepts the body with or without the API's {@code {"data": ...}} envelope. */
    private static ObjectNode unwrapData(ObjectNode node, String op) {
        if (node.size() == 1 && node.has("data")) {
            if (!node.get("data").isObject()) {
                throw new FrameioInvalidRequestException(op + " body: data must be an object");
            }
            return (ObjectNode) node.get("data");
        }
        return node;
    }
}
