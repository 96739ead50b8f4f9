package io.github.camelframeio.frameio.simulator.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The one Jetty handler: reads the body as it arrives (within the size limit and the body deadline), hands the
 * simulator an {@link HttpRequest}, and writes its {@link HttpResponse}, or drops the connection when a fault says
 * so.
 */
final class ExchangeHandler extends Handler.Abstract {

    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer.Handler simulator;
    private final ServerLimits limits;
    private final Scheduler scheduler;

    ExchangeHandler(HttpServer.Handler simulator, ServerLimits limits, Scheduler scheduler) {
        this.simulator = simulator;
        this.limits = limits;
        this.scheduler = scheduler;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Callback done = settling(request, callback);
        HttpFields headers = request.getHeaders();
        long declared = headers.getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > limits.maxRequestBodySize()) {
            // refused on the declared length, before a byte of the body is read or a buffer allocated
            refuse(response, done, HttpStatus.PAYLOAD_TOO_LARGE_413, "Request body too large");
        } else if (declared <= 0 && !headers.contains(HttpHeader.TRANSFER_ENCODING)) {
            answer(request, response, done, new byte[0]);
        } else {
            new BodyReader(request, response, done, declared).run();
        }
        return true;
    }

    /** The JSON error body the simulator's own refusals and Jetty's (bad requests, oversized heads) carry. */
    static byte[] errorBody(String detail) {
        return ("{\"errors\":[{\"detail\":\"" + detail + "\"}]}").getBytes(StandardCharsets.UTF_8);
    }

    /** Jetty's error handler: a request Jetty refused before it reached the simulator (400, 414, 431...). */
    static boolean writeServerError(Request request, Response response, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(errorBody(HttpStatus.getMessage(response.getStatus()))), callback);
        return true;
    }

    private void answer(Request request, Response response, Callback callback, byte[] body) {
        HttpResponse answer;
        try {
            answer = simulator.handle(toSimulatorRequest(request, body));
        } catch (RuntimeException e) {
            answer = HttpResponse.json(500, errorBody("Internal server error"));
        }
        if (answer.abort() != null) {
            drop(request, callback, answer.abort());
            return;
        }
        write(response, callback, answer, closeRequested(request));
    }

    private static HttpRequest toSimulatorRequest(Request request, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HttpField field : request.getHeaders()) {
            headers.merge(field.getLowerCaseName(), field.getValue(), (a, b) -> a + ", " + b);
        }
        return new HttpRequest(request.getMethod(), request.getHttpURI().getPathQuery(), headers, body);
    }

    /** With {@code close}, the answer says {@code Connection: close} and the connection ends after it. */
    private static void write(Response response, Callback callback, HttpResponse answer, boolean close) {
        int status = answer.status();
        response.setStatus(status);
        HttpFields.Mutable fields = response.getHeaders();
        for (String[] header : answer.headers()) {
            fields.add(header[0], header[1]);
        }
        byte[] body = answer.body();
        boolean bodyAllowed = status != 204 && status != 304 && status >= 200;
        if (bodyAllowed) {
            fields.put(HttpHeader.CONTENT_LENGTH, body.length);
        }
        if (close) {
            fields.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, bodyAllowed && body.length > 0 ? ByteBuffer.wrap(body) : null, callback);
    }

    private static void refuse(Response response, Callback callback, int status, String detail) {
        HttpResponse answer = HttpResponse.json(status, errorBody(detail));
        // the rest of the body is never read, so the connection cannot carry another request
        write(response, callback, answer, true);
    }

    /** A fault instead of an answer: the connection ends with a TCP reset (SO_LINGER 0) or a plain close. */
    private static void drop(Request request, Callback callback, HttpResponse.Abort abort) {
        EndPoint endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
        if (abort == HttpResponse.Abort.RESET && endPoint.getTransport() instanceof NetworkChannel channel) {
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException e) {
                // already closing: the client sees the end of the stream instead
            }
        }
        endPoint.close();
        callback.failed(new EofException("connection " + abort.name().toLowerCase(Locale.ROOT) + " by a fault rule"));
    }

    /** Whether the client asked for the connection to end with this answer (Jetty closes, but only says so for 1.0). */
    private static boolean closeRequested(Request request) {
        String connection = request.getHeaders().get(HttpHeader.CONNECTION);
        String value = connection == null ? "" : connection.toLowerCase(Locale.ROOT);
        return request.getConnectionMetaData().getHttpVersion() == HttpVersion.HTTP_1_0
                ? !value.contains("keep-alive") : value.contains("close");
    }

    /** Tells the head deadline when a request has been answered, so that what follows counts as the next one. */
    private static Callback settling(Request request, Callback callback) {
        if (!(request.getConnectionMetaData().getAttribute(RequestHeadDeadline.ATTRIBUTE)
                instanceof RequestHeadDeadline.Watch watch)) {
            return callback;
        }
        return new Callback() {
            @Override
            public void succeeded() {
                watch.requestEnded();
                callback.succeeded();
            }

            @Override
            public void failed(Throwable failure) {
                watch.requestEnded();
                callback.failed(failure);
            }

            @Override
            public InvocationType getInvocationType() {
                return callback.getInvocationType();
            }
        };
    }

    /**
     * Reads a body chunk by chunk as Jetty hands it over, holding no thread while it waits, into a buffer that grows
     * with what arrived (not with what was declared).
     */
    private final class BodyReader implements Runnable {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final ByteArrayOutputStream body;
        private final AtomicBoolean finished = new AtomicBoolean();
        private volatile Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback, long declared) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.body = new ByteArrayOutputStream(declared > 0 ? (int) Math.min(declared, 16 * 1024) : 1024);
        }

        /** Reads what is there; demands more (and runs again) when nothing is. */
        @Override
        public void run() {
            while (!finished.get()) {
                Content.Chunk chunk = request.read();
                if (chunk == null) {
                    if (deadline == null) {
                        deadline = scheduler.schedule(this::expire, limits.requestBodyTimeout().toNanos(),
                                TimeUnit.NANOSECONDS);
                    }
                    request.demand(this);
                    return;
                }
                if (Content.Chunk.isFailure(chunk)) {
                    // e.g. malformed chunking: Jetty answers with the failure's status (400)
                    if (finish()) {
                        callback.failed(chunk.getFailure());
                    }
                    return;
                }
                ByteBuffer bytes = chunk.getByteBuffer();
                boolean last = chunk.isLast();
                if (body.size() + (long) bytes.remaining() > limits.maxRequestBodySize()) {
                    chunk.release();
                    if (finish()) {
                        refuse(response, callback, HttpStatus.PAYLOAD_TOO_LARGE_413, "Request body too large");
                    }
                    return;
                }
                copy(bytes);
                chunk.release();
                if (last) {
                    if (finish()) {
                        answer(request, response, callback, body.toByteArray());
                    }
                    return;
                }
            }
        }

        private void copy(ByteBuffer bytes) {
            if (bytes.hasArray()) {
                body.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            } else {
                byte[] copy = new byte[bytes.remaining()];
                bytes.get(copy);
                body.writeBytes(copy);
            }
        }

        private void expire() {
            if (finish()) {
                refuse(response, callback, HttpStatus.REQUEST_TIMEOUT_408, "Request body too slow");
            }
        }

        private boolean finish() {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            if (deadline != null) {
                deadline.cancel();
            }
            return true;
        }
    }
}
