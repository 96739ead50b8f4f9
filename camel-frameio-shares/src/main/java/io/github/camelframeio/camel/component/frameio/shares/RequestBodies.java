package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import io.github.camelframeio.frameio.client.RequestCheck;
import io.github.camelframeio.frameio.client.Reviewers;
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

    /** The reviewers of one exchange, with the add-reviewers message and e-mail flag. */
    record ReviewerRequest(Reviewers reviewers, String message, Boolean notifyByEmail) {
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
     * The reviewers of addReviewers or removeReviewers, of any number and types (the SDK groups them by type and cuts
     * them into calls of at most 10). Sources, in order: header CamelFrameioSharesReviewers; a typed request; a Map or
     * JSON object in the API's shape (several types and more than 10 allowed); a Collection or a separated String of
     * identifiers, whose types are told by their form unless reviewerType names it.
     */
    static ReviewerRequest reviewers(Message message, ObjectMapper mapper, FrameioSharesConfiguration config, boolean add) {
        String op = add ? "addReviewers" : "removeReviewers";
        Reviewers reviewers = null;
        String bodyMessage = null;
        Boolean notify = null;
        Object header = message.getHeader(FrameioSharesConstants.REVIEWERS);
        Object body = message.getBody();
        String forcedName = message.getHeader(FrameioSharesConstants.REVIEWER_TYPE, config.getReviewerType(), String.class);
        ReviewerType forced = forcedName == null || forcedName.isBlank() ? null
                : reviewerType(forcedName, message.getHeader(FrameioSharesConstants.REVIEWER_TYPE) != null
                        ? "the " + FrameioSharesConstants.REVIEWER_TYPE + " header" : "the reviewerType option");

        if (header != null) {
            reviewers = Reviewers.parse(identifiers(header, FrameioSharesConstants.REVIEWERS + " header"), forced,
                    FrameioSharesConstants.REVIEWERS);
        } else if (add && body instanceof AddReviewersRequest r) {
            reviewers = Reviewers.of(r.type(), r.identifiers());
            bodyMessage = r.message();
            notify = r.notifyByEmail();
        } else if (!add && body instanceof RemoveReviewersRequest r) {
            reviewers = Reviewers.of(r.type(), r.identifiers());
        } else if (body instanceof Collection<?> || (body instanceof String s && !s.trim().startsWith("{"))) {
            reviewers = Reviewers.parse(identifiers(body, "body"), forced, "the body");
        } else if (body != null) {
            ObjectNode data = unwrapData(toJsonObject(message, mapper, op), op);
            Set<String> allowed = add ? Set.of("message", "notify_by_email", "reviewers") : Set.of("reviewers");
            data.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    throw new FrameioInvalidRequestException("Invalid " + op + " request: data." + f
                                                             + ": is not a field of this request");
                }
            });
            JsonNode list = data.path("reviewers");
            if (!list.isObject() || list.isEmpty()) {
                throw new FrameioInvalidRequestException("Invalid " + op + " request: data.reviewers: must name reviewers"
                        + " by emails, user_ids, adobe_user_ids" + (add ? " or share_list_ids" : ""));
            }
            Iterator<Map.Entry<String, JsonNode>> types = list.fields();
            reviewers = Reviewers.of(ReviewerType.EMAILS, List.of());
            while (types.hasNext()) {
                Map.Entry<String, JsonNode> type = types.next();
                String field = "data.reviewers." + type.getKey();
                ReviewerType reviewerType = reviewerType(type.getKey(), field);
                if (!type.getValue().isArray()) {
                    throw new FrameioInvalidRequestException("Invalid " + op + " request: " + field + ": must be an"
                            + " array of strings, got " + kind(type.getValue()));
                }
                List<String> ids = new ArrayList<>();
                for (JsonNode id : type.getValue()) {
                    if (!id.isTextual()) {
                        throw new FrameioInvalidRequestException("Invalid " + op + " request: " + field + ": every"
                                + " item must be a string, got " + kind(id));
                    }
                    ids.add(id.asText());
                }
                reviewers = reviewers.and(reviewerType, ids);
            }
            JsonNode text = data.path("message");
            if (!text.isMissingNode() && !text.isNull()) {
                if (!text.isTextual()) {
                    throw new FrameioInvalidRequestException("Invalid " + op + " request: data.message: must be a"
                            + " string, got " + kind(text));
                }
                bodyMessage = text.asText();
            }
            JsonNode flag = data.path("notify_by_email");
            if (!flag.isMissingNode() && !flag.isNull()) {
                if (!flag.isBoolean()) {
                    throw new FrameioInvalidRequestException("Invalid " + op + " request: data.notify_by_email: must"
                            + " be true or false, got " + kind(flag));
                }
                notify = flag.booleanValue();
            }
        }
        if (reviewers == null || reviewers.isEmpty()) {
            throw new FrameioInvalidRequestException(op + " needs reviewers: a body with e-mails or ids (a List, a"
                    + " comma-separated String, an " + (add ? "AddReviewersRequest" : "RemoveReviewersRequest")
                    + " or the API's JSON), or the " + FrameioSharesConstants.REVIEWERS + " header");
        }
        String text = bodyMessage != null ? bodyMessage
                : message.getHeader(FrameioSharesConstants.REVIEWER_MESSAGE, config.getReviewerMessage(), String.class);
        if (add && text == null) {
            throw new FrameioInvalidRequestException("addReviewers needs a message for the notification: set the"
                    + " reviewerMessage option, the " + FrameioSharesConstants.REVIEWER_MESSAGE + " header, or 'message'"
                    + " in the body");
        }
        return new ReviewerRequest(reviewers, text, notify != null ? notify : config.isNotifyByEmail());
    }

    /** A reviewer type by name, or a clear error naming where the name came from. */
    private static ReviewerType reviewerType(String name, String source) {
        try {
            return ReviewerType.of(name);
        } catch (IllegalArgumentException e) {
            throw new FrameioInvalidRequestException("Unknown reviewer type '" + name + "' in " + source + "; use emails,"
                    + " user_ids, adobe_user_ids or share_list_ids");
        }
    }

    /**
     * Reviewer identifiers from a String, an array or a Collection of Strings; anything else (a Map, a number, a
     * bean) is refused instead of being read through its toString().
     */
    private static List<String> identifiers(Object value, String source) {
        if (value instanceof Collection<?> collection) {
            for (Object item : collection) {
                if (item != null && !(item instanceof CharSequence)) {
                    throw new FrameioInvalidRequestException("The " + source + " must hold reviewer identifiers as"
                            + " strings, got a " + item.getClass().getSimpleName());
                }
            }
        } else if (!(value instanceof CharSequence) && !(value instanceof String[])) {
            throw new FrameioInvalidRequestException("The " + source + " must be a String or a List of reviewer"
                    + " identifiers, got a " + value.getClass().getSimpleName() + (value instanceof Map
                            ? "; send the API's shape ({\"reviewers\": {\"emails\": [...]}}) as the body instead" : ""));
        }
        return strings(value);
    }

    private static String kind(JsonNode node) {
        return node.isTextual() ? "\"" + abbreviate(node.asText()) + "\"" : node.getNodeType().name().toLowerCase(Locale.ROOT)
                + (node.isValueNode() ? " " + abbreviate(node.asText()) : "");
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
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
        BodyDepth.requireBounded(body, op);
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
