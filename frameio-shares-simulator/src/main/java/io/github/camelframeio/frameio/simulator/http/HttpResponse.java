package io.github.camelframeio.frameio.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What the server writes back: a status, headers and a body, or a connection fault instead of a response.
 */
public final class HttpResponse {

    /** How the connection ends when no regular response is written. */
    public enum Abort {
        /** Close with a TCP reset (SO_LINGER 0): the client sees "connection reset". */
        RESET,
        /** Close without writing anything: the client sees the stream end before a response. */
        CLOSE
    }

    private final int status;
    private final List<String[]> headers = new ArrayList<>();
    private byte[] body;
    private final Abort abort;

    private HttpResponse(int status, byte[] body, Abort abort) {
        this.status = status;
        this.body = body;
        this.abort = abort;
    }

    public static HttpResponse of(int status, byte[] body, String contentType) {
        HttpResponse response = new HttpResponse(status, body == null ? new byte[0] : body, null);
        if (contentType != null && body != null && body.length > 0) {
            response.header("content-type", contentType);
        }
        return response;
    }

    public static HttpResponse json(int status, byte[] body) {
        return of(status, body, "application/json; charset=utf-8");
    }

    public static HttpResponse text(int status, String text) {
        return of(status, text.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
    }

    public static HttpResponse noContent() {
        return new HttpResponse(204, new byte[0], null);
    }

    public static HttpResponse abort(Abort abort) {
        return new HttpResponse(0, new byte[0], abort);
    }

    public HttpResponse header(String name, String value) {
        headers.add(new String[] { name, value });
        return this;
    }

    /** Replaces the body, keeping status and headers (used to send malformed bodies). */
    public HttpResponse body(byte[] newBody, String contentType) {
        headers.removeIf(h -> h[0].equalsIgnoreCase("content-type"));
        this.body = newBody;
        if (contentType != null) {
            headers.add(new String[] { "content-type", contentType });
        }
        return this;
    }

    public int status() {
        return status;
    }

    public byte[] body() {
        return body;
    }

    public List<String[]> headers() {
        return headers;
    }

    public String headerValue(String name) {
        for (String[] h : headers) {
            if (h[0].equalsIgnoreCase(name)) {
                return h[1];
            }
        }
        return null;
    }

    public Abort abort() {
        return abort;
    }
}
