package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.model.AssetChange;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.ReviewerType;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareActivity;
import io.github.camelframeio.frameio.client.model.ShareAsset;
import io.github.camelframeio.frameio.client.model.ShareReviewer;
import io.github.camelframeio.frameio.client.model.Webhook;
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One Shares call, checked and ready to send: operation, path parameters, query, body, how to read the answer, and
 * what the answer is when a repeat finds the call already done. The factories check every input against the
 * contract ({@link RequestCheck}) and throw {@link FrameioInvalidRequestException} before anything is sent.
 *
 * @param <T> the type of the answer's body
 */
public final class SharesCall<T> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonPointer DATA = JsonPointer.compile("/data");

    /** How to read a successful answer's body. */
    @FunctionalInterface
    interface Reader<T> {
        T read(ObjectMapper mapper, byte[] body) throws IOException;
    }

    /**
     * The answer when a repeat, after an attempt whose outcome was unknown, says the first attempt did it (the
     * operation's {@link io.github.camelframeio.frameio.contract.Reconciliation#doneStatus()}).
     */
    @FunctionalInterface
    interface Settlement<T> {
        CompletableFuture<FrameioResponse<T>> settle(FrameioSharesClient client, SharesCall<T> call);
    }

    private final SharesOperation operation;
    private final Map<String, String> pathParams;
    private final Map<String, String> query;
    private final JsonNode body;
    private final ListOptions options;
    private final Reader<T> reader;
    private final Settlement<T> settlement;

    private SharesCall(SharesOperation operation, Map<String, String> pathParams, Map<String, String> query,
                       JsonNode body, ListOptions options, Reader<T> reader, Settlement<T> settlement) {
        this.operation = operation;
        this.pathParams = Collections.unmodifiableMap(pathParams);
        this.query = Collections.unmodifiableMap(query);
        this.body = body;
        this.options = options;
        this.reader = reader;
        this.settlement = settlement;
    }

    /** A path parameter, e.g. {@code account_id}; null when the operation has none of that name. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The list options of a list call, null for other calls. */
    public ListOptions options() {
        return options;
    }

    public SharesOperation operation() {
        return operation;
    }

    /** The request path, every parameter percent-encoded so that no input can change the path. */
    public String path() {
        StringBuilder path = new StringBuilder();
        for (String segment : operation.pathTemplate().substring(1).split("/")) {
            path.append('/');
            if (segment.startsWith("{")) {
                path.append(PathSegments.encode(pathParams.get(segment.substring(1, segment.length() - 1))));
            } else {
                path.append(segment);
            }
        }
        return path.toString();
    }

    /** The query parameters, already checked. */
    public Map<String, String> query() {
        return query;
    }

    /** The JSON body with its {@code data} envelope, or null. */
    public JsonNode body() {
        return body;
    }

    T read(ObjectMapper mapper, byte[] json) throws IOException {
        return reader.read(mapper, json);
    }

    /** The answer when a repeat says the call was already done, or null when the operation has no such answer. */
    CompletableFuture<FrameioResponse<T>> settle(FrameioSharesClient client) {
        return settlement == null ? null : settlement.settle(client, this);
    }

    /** The same list call with other list options (another page, another size). */
    public SharesCall<T> withOptions(ListOptions newOptions) {
        Map<String, String> q = query(newOptions);
        RequestCheck.check(operation, pathParams, q, body, name(operation) + " request");
        return new SharesCall<>(operation, new LinkedHashMap<>(pathParams), q, body, newOptions, reader, settlement);
    }

    // ---- the twelve operations ---------------------------------------------------------------------------------

    public static SharesCall<Page<Share>> listShares(String accountId, String projectId, ListOptions options) {
        return list(SharesOperation.LIST_SHARES, project(accountId, projectId), options, Share.class);
    }

    /**
     * List shares, each as Frame.io sent it: the change feed compares shares field by field, including fields this
     * version does not model, and must tell an absent field from a null one.
     */
    public static SharesCall<Page<ObjectNode>> listSharesJson(String accountId, String projectId, ListOptions options) {
        return list(SharesOperation.LIST_SHARES, project(accountId, projectId), options, ObjectNode.class);
    }

    /** Show a share as Frame.io sent it (see {@link #listSharesJson}). */
    public static SharesCall<ObjectNode> getShareJson(String accountId, String shareId) {
        return checked(SharesOperation.SHOW_SHARE, share(accountId, shareId), null, null,
                (m, json) -> (ObjectNode) m.readTree(json).path("data"), null);
    }

    public static SharesCall<Share> getShare(String accountId, String shareId) {
        return checked(SharesOperation.SHOW_SHARE, share(accountId, shareId), null, null, SharesCall::readShare, null);
    }

    /** {@code data} as the AssetShareParams object (without the envelope). */
    public static SharesCall<Share> createShare(String accountId, String projectId, ObjectNode data) {
        return checked(SharesOperation.CREATE_SHARE, project(accountId, projectId), envelope(data), null,
                SharesCall::readShare, null);
    }

    /** {@code data} as the UpdateShareParams data object (without the envelope). */
    public static SharesCall<Share> updateShare(String accountId, String shareId, ObjectNode data) {
        return checked(SharesOperation.UPDATE_SHARE, share(accountId, shareId), envelope(data), null,
                SharesCall::readShare, null);
    }

    public static SharesCall<Void> deleteShare(String accountId, String shareId) {
        return checked(SharesOperation.DELETE_SHARE, share(accountId, shareId), null, null, (m, json) -> null,
                SharesCall::deleted);
    }

    public static SharesCall<AssetChange> addAsset(String accountId, String shareId, String assetId) {
        ObjectNode data = NODES.objectNode().put("asset_id", assetId);
        return checked(SharesOperation.ADD_ASSET, share(accountId, shareId), envelope(data), null,
                (m, json) -> readAssetChange(m, json, "asset_added"), (client, call) -> assetChanged(client, call, assetId));
    }

    public static SharesCall<AssetChange> removeAsset(String accountId, String shareId, String assetId) {
        Map<String, String> path = share(accountId, shareId);
        path.put("asset_id", assetId);
        return checked(SharesOperation.REMOVE_ASSET, path, null, null, (m, json) -> readAssetChange(m, json,
                "asset_removed"), (client, call) -> assetChanged(client, call, assetId));
    }

    public static SharesCall<Page<ShareAsset>> listShareAssets(String accountId, String shareId, ListOptions options) {
        return list(SharesOperation.LIST_SHARE_ASSETS, share(accountId, shareId), options, ShareAsset.class);
    }

    /** One add-reviewers call: 1 to 10 identifiers of one type; {@code notifyByEmail} null for Frame.io's default. */
    public static SharesCall<Void> addReviewers(String accountId, String shareId, ReviewerType type,
                                                List<String> identifiers, String message, Boolean notifyByEmail) {
        ObjectNode data = NODES.objectNode();
        if (message != null) {
            data.put("message", message);
        }
        if (notifyByEmail != null) {
            data.put("notify_by_email", notifyByEmail);
        }
        ArrayNode list = data.putObject("reviewers").putArray(type.wireName());
        identifiers.forEach(list::add);
        return checked(SharesOperation.ADD_REVIEWERS, share(accountId, shareId), envelope(data), null,
                (m, json) -> null, null);
    }

    /**
     * Lists every reviewer. The contract's answer has no {@code links} (list reviewers is not paged); should Frame.io
     * send them, the client follows them.
     */
    public static SharesCall<Page<ShareReviewer>> listReviewers(String accountId, String shareId, ListOptions options) {
        return list(SharesOperation.LIST_REVIEWERS, share(accountId, shareId), options, ShareReviewer.class);
    }

    /** One remove-reviewers call: 1 to 10 identifiers of one type (not share lists). */
    public static SharesCall<Void> removeReviewers(String accountId, String shareId, ReviewerType type,
                                                   List<String> identifiers) {
        if (type == ReviewerType.SHARE_LIST_IDS) {
            throw new FrameioInvalidRequestException("Invalid removeReviewers request: reviewers: share lists can be"
                    + " added but not removed; name users by emails, user_ids or adobe_user_ids");
        }
        ObjectNode data = NODES.objectNode();
        ArrayNode list = data.putObject("reviewers").putArray(type.wireName());
        identifiers.forEach(list::add);
        return checked(SharesOperation.REMOVE_REVIEWERS, share(accountId, shareId), envelope(data), null,
                (m, json) -> null, null);
    }

    public static SharesCall<Page<ShareActivity>> listShareActivities(String accountId, String shareId,
                                                                     ListOptions options) {
        return list(SharesOperation.LIST_SHARE_ACTIVITIES, share(accountId, shareId), options, ShareActivity.class);
    }

    // ---- the five webhook operations ---------------------------------------------------------------------------

    /** One page of a workspace's webhooks. */
    public static SharesCall<Page<Webhook>> listWebhooks(String accountId, String workspaceId, ListOptions options) {
        return list(SharesOperation.LIST_WEBHOOKS, workspace(accountId, workspaceId), options, Webhook.class);
    }

    /**
     * Creates a webhook posting {@code events} to {@code url}; the answer holds its signing secret, the only time
     * Frame.io sends it.
     */
    public static SharesCall<Webhook> createWebhook(String accountId, String workspaceId, String name, String url,
                                                    List<String> events) {
        ObjectNode data = NODES.objectNode();
        data.put("name", name);
        data.put("url", url);
        ArrayNode list = data.putArray("events");
        if (events != null) {
            events.forEach(list::add);
        }
        return checked(SharesOperation.CREATE_WEBHOOK, workspace(accountId, workspaceId), envelope(data), null,
                SharesCall::readWebhook, null);
    }

    public static SharesCall<Webhook> getWebhook(String accountId, String webhookId) {
        return checked(SharesOperation.SHOW_WEBHOOK, webhook(accountId, webhookId), null, null,
                SharesCall::readWebhook, null);
    }

    /** {@code data} as the WebhookUpdateParams data object (name, url, events, active), without the envelope. */
    public static SharesCall<Webhook> updateWebhook(String accountId, String webhookId, ObjectNode data) {
        return checked(SharesOperation.UPDATE_WEBHOOK, webhook(accountId, webhookId), envelope(data), null,
                SharesCall::readWebhook, null);
    }

    public static SharesCall<Void> deleteWebhook(String accountId, String webhookId) {
        return checked(SharesOperation.DELETE_WEBHOOK, webhook(accountId, webhookId), null, null, (m, json) -> null,
                SharesCall::deleted);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** How a delete that a repeat found already done is settled: as Frame.io's 204 to the delete would have been. */
    private static CompletableFuture<FrameioResponse<Void>> deleted(FrameioSharesClient client, SharesCall<Void> call) {
        return CompletableFuture.completedFuture(new FrameioResponse<>(call.operation(), 204, null, null, null));
    }

    private static <E> SharesCall<Page<E>> list(SharesOperation op, Map<String, String> path, ListOptions options,
                                                Class<E> type) {
        ListOptions o = options == null ? ListOptions.defaults() : options;
        return checked(op, path, null, o, pageReader(type), null);
    }

    /** A call checked against the contract (path, query, body) before it exists. */
    private static <T> SharesCall<T> checked(SharesOperation op, Map<String, String> path, JsonNode body,
                                             ListOptions options, Reader<T> reader, Settlement<T> settlement) {
        Map<String, String> query = query(options);
        RequestCheck.check(op, path, query, body, name(op) + " request");
        return new SharesCall<>(op, path, query, body, options, reader, settlement);
    }

    /** The operation as the SDK's method calling it is named, for messages: {@code createShare}, ... */
    static String name(SharesOperation op) {
        return switch (op) {
            case LIST_SHARES -> "listShares";
            case CREATE_SHARE -> "createShare";
            case SHOW_SHARE -> "getShare";
            case UPDATE_SHARE -> "updateShare";
            case DELETE_SHARE -> "deleteShare";
            case LIST_SHARE_ASSETS -> "listShareAssets";
            case ADD_ASSET -> "addAsset";
            case REMOVE_ASSET -> "removeAsset";
            case LIST_REVIEWERS -> "listReviewers";
            case ADD_REVIEWERS -> "addReviewers";
            case REMOVE_REVIEWERS -> "removeReviewers";
            case LIST_SHARE_ACTIVITIES -> "listShareActivities";
            case LIST_WEBHOOKS -> "listWebhooks";
            case CREATE_WEBHOOK -> "createWebhook";
            case SHOW_WEBHOOK -> "getWebhook";
            case UPDATE_WEBHOOK -> "updateWebhook";
            case DELETE_WEBHOOK -> "deleteWebhook";
        };
    }

    private static Map<String, String> project(String accountId, String projectId) {
        Map<String, String> path = new LinkedHashMap<>();
        path.put("account_id", accountId);
        path.put("project_id", projectId);
        return path;
    }

    private static Map<String, String> share(String accountId, String shareId) {
        Map<String, String> path = new LinkedHashMap<>();
        path.put("account_id", accountId);
        path.put("share_id", shareId);
        return path;
    }

    private static Map<String, String> workspace(String accountId, String workspaceId) {
        Map<String, String> path = new LinkedHashMap<>();
        path.put("account_id", accountId);
        path.put("workspace_id", workspaceId);
        return path;
    }

    private static Map<String, String> webhook(String accountId, String webhookId) {
        Map<String, String> path = new LinkedHashMap<>();
        path.put("account_id", accountId);
        path.put("webhook_id", webhookId);
        return path;
    }

    private static Map<String, String> query(ListOptions options) {
        Map<String, String> query = new LinkedHashMap<>();
        if (options == null) {
            return query;
        }
        query.put("page_size", Integer.toString(options.pageSize()));
        putIfSet(query, "after", options.after());
        if (options.includeTotalCount()) {
            query.put("include_total_count", "true");
        }
        putIfSet(query, "include", normalise(options.include()));
        putIfSet(query, "sort", options.sort());
        return query;
    }

    private static void putIfSet(Map<String, String> query, String name, String value) {
        if (value != null && !value.isEmpty()) {
            query.put(name, value);
        }
    }

    /** A comma list of include values, trimmed; null when empty. */
    private static String normalise(String include) {
        if (include == null || include.isBlank()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (String value : include.split(",")) {
            values.add(value.trim());
        }
        return String.join(",", values);
    }

    private static ObjectNode envelope(ObjectNode data) {
        ObjectNode body = NODES.objectNode();
        body.set("data", data);
        return body;
    }

    /** In one pass: the parser skips to {@code data} and binds it (no tree in between). */
    private static Share readShare(ObjectMapper mapper, byte[] json) throws IOException {
        return mapper.readerFor(Share.class).at(DATA).readValue(json);
    }

    private static Webhook readWebhook(ObjectMapper mapper, byte[] json) throws IOException {
        return mapper.readerFor(Webhook.class).at(DATA).readValue(json);
    }

    private static AssetChange readAssetChange(ObjectMapper mapper, byte[] json, String field) throws IOException {
        ObjectNode data = mapper.readTree(json).path("data").deepCopy();
        JsonNode assetId = data.remove(field);
        return new AssetChange(assetId == null ? "" : assetId.asText(), mapper.convertValue(data, Share.class));
    }

    /** An add or remove a repeat found done: the share as it is now, with the asset concerned. */
    private static CompletableFuture<FrameioResponse<AssetChange>> assetChanged(FrameioSharesClient client,
                                                                               SharesCall<AssetChange> call,
                                                                               String assetId) {
        return client.getShare(call.pathParam("account_id"), call.pathParam("share_id"))
                .thenApply(share -> new FrameioResponse<>(call.operation(), 200, new AssetChange(assetId, share.body()),
                        share.rateLimit(), share.requestId()));
    }

    /** A list answer as it comes: the items of {@code data}, {@code links.next} and {@code total_count}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    private record PageEnvelope<E>(@JsonProperty("data") List<E> data, @JsonProperty("links") Links links,
                                   @JsonProperty("total_count") Integer totalCount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record Links(@JsonProperty("next") String next) {
    }

    /** In one pass, typed items bound as they are read (no tree in between). */
    private static <E> Reader<Page<E>> pageReader(Class<E> type) {
        return (mapper, bytes) -> {
            PageEnvelope<E> page = mapper.readerFor(mapper.getTypeFactory().constructParametricType(PageEnvelope.class,
                    type)).readValue(bytes);
            List<E> items = page.data() == null ? List.of() : page.data();
            return new Page<>(items, cursorOf(page.links() == null ? null : page.links().next()), page.totalCount());
        };
    }

    /**
     * The {@code after} value of a {@code links.next} link, or null. Only the cursor is taken from the link: the
     * client sends its own page size, sort and include with it.
     */
    static String cursorOf(String next) {
        if (next == null || next.isEmpty()) {
            return null;
        }
        int q = next.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : next.substring(q + 1).split("&")) {
            if (pair.startsWith("after=")) {
                String cursor = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                return cursor.isEmpty() ? null : cursor;
            }
        }
        return null;
    }
}
