package io.github.camelframeio.frameio.client;

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
import io.github.camelframeio.frameio.contract.SharesOperation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One Shares call, checked and ready to send: operation, path parameters, query, body and how to read the answer.
 * The factories check every input against Frame.io's rules and throw {@link FrameioInvalidRequestException} before
 * anything is sent.
 *
 * @param <T> the type of the answer's body
 */
public final class SharesCall<T> {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** How messages name each operation's request: as the component's operations are named. */
    private static final Map<SharesOperation, String> REQUEST_NAMES = new EnumMap<>(Map.ofEntries(
            Map.entry(SharesOperation.LIST_SHARES, "listShares"), Map.entry(SharesOperation.CREATE_SHARE, "createShare"),
            Map.entry(SharesOperation.SHOW_SHARE, "getShare"), Map.entry(SharesOperation.UPDATE_SHARE, "updateShare"),
            Map.entry(SharesOperation.DELETE_SHARE, "deleteShare"),
            Map.entry(SharesOperation.LIST_SHARE_ASSETS, "listShareAssets"), Map.entry(SharesOperation.ADD_ASSET, "addAsset"),
            Map.entry(SharesOperation.REMOVE_ASSET, "removeAsset"),
            Map.entry(SharesOperation.LIST_REVIEWERS, "listReviewers"),
            Map.entry(SharesOperation.ADD_REVIEWERS, "addReviewers"),
            Map.entry(SharesOperation.REMOVE_REVIEWERS, "removeReviewers"),
            Map.entry(SharesOperation.LIST_SHARE_ACTIVITIES, "listShareActivities")));

    private final SharesOperation operation;
    private final Map<String, String> pathParams;
    private final Map<String, String> query;
    private final JsonNode body;
    private final PageRequest page;
    private final BiFunction<ObjectMapper, JsonNode, T> reader;

    private SharesCall(SharesOperation operation, Map<String, String> pathParams, Map<String, String> query,
                       JsonNode body, PageRequest page, BiFunction<ObjectMapper, JsonNode, T> reader) {
        this.operation = operation;
        this.pathParams = Collections.unmodifiableMap(pathParams);
        Map<String, String> all = paging(page);
        all.putAll(query);
        this.query = Collections.unmodifiableMap(all);
        this.body = body;
        this.page = page;
        this.reader = reader;
    }

    /** A path parameter, e.g. {@code account_id}; null when the operation has none of that name. */
    public String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The paging of a list call, null for other calls. */
    public PageRequest page() {
        return page;
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

    public Map<String, String> query() {
        return query;
    }

    /** The JSON body with its {@code data} envelope, or null. */
    public JsonNode body() {
        return body;
    }

    T read(ObjectMapper mapper, JsonNode json) {
        return reader.apply(mapper, json);
    }

    /**
     * Paging of a list call.
     *
     * @param pageSize          items per page, 1 to 100
     * @param after             the cursor of the page to read, null for the first
     * @param includeTotalCount whether to ask for {@code total_count}
     */
    public record PageRequest(int pageSize, String after, boolean includeTotalCount) {

        public static PageRequest first(int pageSize) {
            return new PageRequest(pageSize, null, false);
        }

        public PageRequest after(String cursor) {
            return new PageRequest(pageSize, cursor, includeTotalCount);
        }

        public PageRequest pageSize(int size) {
            return new PageRequest(size, after, includeTotalCount);
        }
    }

    // ---- the twelve operations ---------------------------------------------------------------------------------

    public static SharesCall<Page<Share>> listShares(String accountId, String projectId, PageRequest page, String sort) {
        return listShares(accountId, projectId, page, sort, Share.class);
    }

    /**
     * List shares, each as Frame.io sent it: the consumer compares shares field by field, including fields this
     * version does not model, and must tell an absent field from a null one.
     */
    public static SharesCall<Page<ObjectNode>> listSharesJson(String accountId, String projectId, PageRequest page,
                                                             String sort) {
        return listShares(accountId, projectId, page, sort, ObjectNode.class);
    }

    private static <E> SharesCall<Page<E>> listShares(String accountId, String projectId, PageRequest page, String sort,
                                                      Class<E> type) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfSet(query, "sort", sort);
        return checked(SharesOperation.LIST_SHARES, project(accountId, projectId), query, null, page, pageReader(type));
    }

    /** Show a share as Frame.io sent it (see {@link #listSharesJson}). */
    public static SharesCall<ObjectNode> getShareJson(String accountId, String shareId) {
        return checked(SharesOperation.SHOW_SHARE, share(accountId, shareId), new LinkedHashMap<>(), null, null,
                (m, j) -> (ObjectNode) j.path("data").deepCopy());
    }

    public static SharesCall<Share> getShare(String accountId, String shareId) {
        return checked(SharesOperation.SHOW_SHARE, share(accountId, shareId), new LinkedHashMap<>(), null, null,
                SharesCall::readShare);
    }

    /** {@code data} as the AssetShareParams object (without the envelope). */
    public static SharesCall<Share> createShare(String accountId, String projectId, ObjectNode data) {
        return checked(SharesOperation.CREATE_SHARE, project(accountId, projectId), new LinkedHashMap<>(),
                envelope(data), null, SharesCall::readShare);
    }

    /** {@code data} as the UpdateShareParams data object (without the envelope). */
    public static SharesCall<Share> updateShare(String accountId, String shareId, ObjectNode data) {
        return checked(SharesOperation.UPDATE_SHARE, share(accountId, shareId), new LinkedHashMap<>(), envelope(data),
                null, SharesCall::readShare);
    }

    public static SharesCall<Void> deleteShare(String accountId, String shareId) {
        return checked(SharesOperation.DELETE_SHARE, share(accountId, shareId), new LinkedHashMap<>(), null, null,
                (m, j) -> null);
    }

    public static SharesCall<AssetChange> addAsset(String accountId, String shareId, String assetId) {
        ObjectNode data = NODES.objectNode().put("asset_id", assetId);
        return checked(SharesOperation.ADD_ASSET, share(accountId, shareId), new LinkedHashMap<>(), envelope(data), null,
                (m, j) -> readAssetChange(m, j, "asset_added"));
    }

    public static SharesCall<AssetChange> removeAsset(String accountId, String shareId, String assetId) {
        Map<String, String> path = share(accountId, shareId);
        path.put("asset_id", assetId);
        return checked(SharesOperation.REMOVE_ASSET, path, new LinkedHashMap<>(), null, null,
                (m, j) -> readAssetChange(m, j, "asset_removed"));
    }

    public static SharesCall<Page<ShareAsset>> listShareAssets(String accountId, String shareId, PageRequest page,
                                                              String sort, String include) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfSet(query, "include", normalise(include));
        putIfSet(query, "sort", sort);
        return checked(SharesOperation.LIST_SHARE_ASSETS, share(accountId, shareId), query, null, page,
                pageReader(ShareAsset.class));
    }

    /** One add-reviewers call: 1 to 10 identifiers of one type. */
    public static SharesCall<Void> addReviewers(String accountId, String shareId, ReviewerType type,
                                                List<String> identifiers, String message, Boolean notifyByEmail) {
        if (message == null) {
            throw new FrameioInvalidRequestException("addReviewers needs a message for the notification: set the"
                    + " reviewerMessage option, the CamelFrameioSharesReviewerMessage header, or 'message' in the body");
        }
        ObjectNode data = NODES.objectNode();
        data.put("message", message);
        if (notifyByEmail != null) {
            data.put("notify_by_email", notifyByEmail);
        }
        ArrayNode list = data.putObject("reviewers").putArray(type.wireName());
        identifiers.forEach(list::add);
        return checked(SharesOperation.ADD_REVIEWERS, share(accountId, shareId), new LinkedHashMap<>(), envelope(data),
                null, (m, j) -> null);
    }

    /**
     * Lists every reviewer. The contract's answer has no {@code links} (list reviewers is not paged); should Frame.io
     * send them, the client follows them.
     */
    public static SharesCall<Page<ShareReviewer>> listReviewers(String accountId, String shareId, PageRequest page,
                                                               String sort) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfSet(query, "sort", sort);
        return checked(SharesOperation.LIST_REVIEWERS, share(accountId, shareId), query, null, page,
                pageReader(ShareReviewer.class));
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
        return checked(SharesOperation.REMOVE_REVIEWERS, share(accountId, shareId), new LinkedHashMap<>(),
                envelope(data), null, (m, j) -> null);
    }

    public static SharesCall<Page<ShareActivity>> listShareActivities(String accountId, String shareId,
                                                                     PageRequest page, String include) {
        Map<String, String> query = new LinkedHashMap<>();
        putIfSet(query, "include", normalise(include));
        return checked(SharesOperation.LIST_SHARE_ACTIVITIES, share(accountId, shareId), query, null, page,
                pageReader(ShareActivity.class));
    }

    /** The same list call for another page (same sort and include). */
    public SharesCall<T> withPage(PageRequest newPage) {
        Map<String, String> q = new LinkedHashMap<>(query);
        q.keySet().removeAll(List.of("after", "page_size", "include_total_count"));
        return new SharesCall<>(operation, pathParams, q, body, newPage, reader);
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    /** A call checked against the contract (path, query with paging, body) before it exists. */
    private static <T> SharesCall<T> checked(SharesOperation op, Map<String, String> path, Map<String, String> query,
                                             JsonNode body, PageRequest page, BiFunction<ObjectMapper, JsonNode, T> reader) {
        Map<String, String> all = paging(page);
        all.putAll(query);
        RequestCheck.check(op, path, all, body, REQUEST_NAMES.get(op) + " request");
        return new SharesCall<>(op, path, query, body, page, reader);
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

    private static Map<String, String> paging(PageRequest page) {
        Map<String, String> query = new LinkedHashMap<>();
        if (page == null) {
            return query;
        }
        query.put("page_size", Integer.toString(page.pageSize()));
        putIfSet(query, "after", page.after());
        if (page.includeTotalCount()) {
            query.put("include_total_count", "true");
        }
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

    private static Share readShare(ObjectMapper mapper, JsonNode json) {
        return mapper.convertValue(json.path("data"), Share.class);
    }

    private static AssetChange readAssetChange(ObjectMapper mapper, JsonNode json, String field) {
        ObjectNode data = json.path("data").deepCopy();
        JsonNode assetId = data.remove(field);
        return new AssetChange(assetId == null ? "" : assetId.asText(), mapper.convertValue(data, Share.class));
    }

    private static <E> BiFunction<ObjectMapper, JsonNode, Page<E>> pageReader(Class<E> type) {
        return (mapper, json) -> {
            List<E> items = new ArrayList<>();
            for (JsonNode item : json.path("data")) {
                items.add(type == ObjectNode.class ? type.cast(item.deepCopy()) : mapper.convertValue(item, type));
            }
            JsonNode total = json.get("total_count");
            return new Page<>(items, cursorOf(json.path("links").path("next").asText(null)),
                    total == null || total.isNull() ? null : total.asInt());
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
