package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.contract.Violation;
import io.github.camelframeio.frameio.simulator.http.HttpRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Query parameters of the list operations: cursor paging ({@code after}, {@code page_size},
 * {@code include_total_count}), {@code sort} and {@code include}, checked together by the contract's
 * {@link RequestValidator#SERVER}, so that one 422 names every bad parameter.
 */
final class Query {

    static final int DEFAULT_PAGE_SIZE = 50;

    private final HttpRequest request;
    private final List<Violation> violations;
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int offset;
    private boolean includeTotalCount;
    private boolean badCursor;

    private Query(HttpRequest request, List<Violation> violations) {
        this.request = request;
        this.violations = violations;
    }

    /** Checks every query parameter of the operation and reads the paging ones; call {@link #validate()} next. */
    static Query of(SharesOperation op, HttpRequest request) {
        Map<String, String> params = new LinkedHashMap<>();
        request.query().forEach((name, values) -> {
            if (!values.isEmpty()) {
                params.put(name, values.get(0));
            }
        });
        Query q = new Query(request, RequestValidator.SERVER.validateQuery(op, params));
        if (q.violations.isEmpty()) {
            String size = params.get("page_size");
            if (size != null) {
                q.pageSize = Integer.parseInt(size.trim());
            }
            q.includeTotalCount = "true".equals(params.get("include_total_count"));
        }
        String after = params.get("after");
        if (after != null && !after.isEmpty()) {
            int decoded = OffsetCursor.decode(after);
            if (decoded < 0) {
                q.badCursor = true;
            } else {
                q.offset = decoded;
            }
        }
        return q;
    }

    /** The {@code sort} parameter, or null for the default order (valid once {@link #validate()} passed). */
    String sort() {
        String sort = request.queryParam("sort");
        return sort == null || sort.isEmpty() ? null : sort;
    }

    /** The comma-separated {@code include} values (valid once {@link #validate()} passed). */
    Set<String> include() {
        Set<String> result = new LinkedHashSet<>();
        String include = request.queryParam("include");
        if (include != null && !include.isEmpty()) {
            for (String value : include.split(",")) {
                result.add(value.trim());
            }
        }
        return result;
    }

    /**
     * Everything in one {@code data} array, for a response schema without {@code links} (ShareReviewersResponse):
     * the paging parameters are validated, but there is no way to ask for a next page, so none is cut.
     */
    <T> ObjectNode all(List<T> all, Function<T, JsonNode> render) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        all.forEach(item -> data.add(render.apply(item)));
        return body;
    }

    /** Throws 422 for invalid parameters, or 400 for a cursor this API never issued. */
    void validate() {
        if (!violations.isEmpty()) {
            throw ShareRequests.invalid(violations);
        }
        if (badCursor) {
            throw ApiException.badRequest("Invalid cursor in 'after'; use the value from links.next");
        }
    }

    /**
     * One page of {@code all}: {@code data}, {@code links.next} (the request path plus {@code ?after=}, null on the
     * last page) and {@code total_count} only when asked for.
     */
    <T> ObjectNode page(List<T> all, Function<T, JsonNode> render) {
        return page(all, render, true);
    }

    /**
     * One page, for a response schema that has no {@code total_count} (ShareActivityResponse) when
     * {@code totalCountDeclared} is false: the parameter is accepted and validated, but no count is sent.
     */
    <T> ObjectNode page(List<T> all, Function<T, JsonNode> render, boolean totalCountDeclared) {
        ObjectNode body = Json.object();
        ArrayNode data = body.putArray("data");
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + pageSize);
        for (int i = from; i < to; i++) {
            data.add(render.apply(all.get(i)));
        }
        ObjectNode links = body.putObject("links");
        if (to < all.size()) {
            links.put("next", request.rawPath() + "?after="
                              + URLEncoder.encode(OffsetCursor.encode(to), StandardCharsets.UTF_8));
        } else {
            links.set("next", NullNode.getInstance());
        }
        if (includeTotalCount && totalCountDeclared) {
            body.put("total_count", all.size());
        }
        return body;
    }
}
