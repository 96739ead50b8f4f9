package io.github.camelframeio.frameio.simulator.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.http.HttpRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Query parameters of the list operations: cursor paging ({@code after}, {@code page_size},
 * {@code include_total_count}), {@code sort} and {@code include}, validated together so that one 422 names every
 * bad parameter.
 */
final class Query {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 100;

    private final HttpRequest request;
    private final List<ApiException.Error> errors = new ArrayList<>();
    private int pageSize = DEFAULT_PAGE_SIZE;
    private int offset;
    private boolean includeTotalCount;
    private boolean badCursor;

    private Query(HttpRequest request) {
        this.request = request;
    }

    /** Reads and checks the paging parameters; call {@link #validate()} after reading the others. */
    static Query paging(HttpRequest request) {
        Query q = new Query(request);
        String size = request.queryParam("page_size");
        if (size != null) {
            try {
                long n = Long.parseLong(size.trim());
                if (n < 1) {
                    q.error("/page_size", n + " is smaller than inclusive minimum 1");
                } else if (n > MAX_PAGE_SIZE) {
                    q.error("/page_size", n + " is larger than inclusive maximum " + MAX_PAGE_SIZE);
                } else {
                    q.pageSize = (int) n;
                }
            } catch (NumberFormatException e) {
                q.error("/page_size", "Invalid integer. Got: string");
            }
        }
        String total = request.queryParam("include_total_count");
        if (total != null) {
            if (total.equals("true") || total.equals("false")) {
                q.includeTotalCount = Boolean.parseBoolean(total);
            } else {
                q.error("/include_total_count", "Invalid boolean. Got: string");
            }
        }
        String after = request.queryParam("after");
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

    /** The {@code sort} parameter if it is one of {@code allowed}, else null (and an error when it was given). */
    String sort(List<String> allowed) {
        String sort = request.queryParam("sort");
        if (sort == null || sort.isEmpty()) {
            return null;
        }
        if (!allowed.contains(sort)) {
            error("/sort", "Invalid value for enum");
            return null;
        }
        return sort;
    }

    /** The comma-separated {@code include} values, each of which must be in {@code allowed}. */
    Set<String> include(List<String> allowed) {
        Set<String> result = new LinkedHashSet<>();
        String include = request.queryParam("include");
        if (include == null || include.isEmpty()) {
            return result;
        }
        for (String value : include.split(",")) {
            String v = value.trim();
            if (!allowed.contains(v)) {
                error("/include", "Invalid value for enum");
            } else {
                result.add(v);
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
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        if (badCursor) {
            throw ApiException.badRequest("Invalid cursor in 'after'; use the value from links.next");
        }
    }

    private void error(String pointer, String detail) {
        errors.add(new ApiException.Error(detail, pointer, "Invalid value"));
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
