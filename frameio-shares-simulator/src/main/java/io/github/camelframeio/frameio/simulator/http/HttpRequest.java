package io.github.camelframeio.frameio.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request: method, raw path, decoded path segments, query parameters, headers and body.
 */
public final class HttpRequest {

    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final List<String> segments;
    private final Map<String, List<String>> query;
    private final Map<String, String> headers;
    private final byte[] body;

    HttpRequest(String method, String target, Map<String, String> headers, byte[] body) {
        this.method = method;
        String path = target;
        // absolute-form targets (sent through proxies) carry scheme and authority
        int schemeEnd = path.indexOf("://");
        if (schemeEnd > 0 && schemeEnd < path.indexOf('/') + 1) {
            int slash = path.indexOf('/', schemeEnd + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int q = path.indexOf('?');
        this.rawPath = q < 0 ? path : path.substring(0, q);
        this.rawQuery = q < 0 ? null : path.substring(q + 1);
        this.segments = splitPath(rawPath);
        this.query = parseQuery(rawQuery);
        this.headers = headers;
        this.body = body;
    }

    /** For tests and in-process callers. */
    public static HttpRequest of(String method, String target, Map<String, String> headers, byte[] body) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        return new HttpRequest(method, target, lower, body == null ? new byte[0] : body);
    }

    public String method() {
        return method;
    }

    /** The path as sent, still percent-encoded. */
    public String rawPath() {
        return rawPath;
    }

    public String rawQuery() {
        return rawQuery;
    }

    /** Percent-decoded path segments; an encoded slash stays inside its segment. */
    public List<String> segments() {
        return segments;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** A header value; names are case-insensitive. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public byte[] body() {
        return body;
    }

    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static List<String> splitPath(String rawPath) {
        List<String> result = new ArrayList<>();
        for (String part : rawPath.split("/")) {
            if (!part.isEmpty()) {
                result.add(decode(part, false));
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** Parses an {@code application/x-www-form-urlencoded} body; the last value of a repeated name wins. */
    public static Map<String, String> parseForm(String form) {
        Map<String, String> result = new LinkedHashMap<>();
        parseQuery(form).forEach((k, v) -> result.put(k, v.get(v.size() - 1)));
        return result;
    }

    private static Map<String, List<String>> parseQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1), true);
            result.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return result;
    }

    static String decode(String value, boolean plusIsSpace) {
        if (value.indexOf('%') < 0 && (!plusIsSpace || value.indexOf('+') < 0)) {
            return value;
        }
        try {
            String escaped = plusIsSpace ? value : value.replace("+", "%2B");
            return URLDecoder.decode(escaped, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // a broken escape is kept verbatim, so it simply fails to match an id
            return value;
        }
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery);
    }
}
