package io.github.camelframeio.frameio.simulator.http;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small HTTP/1.1 server on blocking sockets, one thread per connection, with keep-alive.
 * <p>
 * The simulator owns its wire instead of using {@code com.sun.net.httpserver} for two reasons: fault injection
 * needs real TCP resets and truncated bodies, which that API cannot produce, and that server leaves Nagle's
 * algorithm on unless a JVM-wide system property is set before its first use, which costs 40 ms per keep-alive
 * request. It has no dependencies, so it adds nothing to the classpath of the tests that embed it.
 */
public final class HttpServer implements AutoCloseable {

    /** Turns one request into one response. Runs on the connection's thread and may block. */
    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(HttpRequest request);
    }

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY = 32 * 1024 * 1024;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final ExecutorService workers;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;
    private volatile boolean running = true;
    private volatile long dateSecond;
    private volatile String dateValue;

    private HttpServer(ServerSocket serverSocket, Handler handler) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        AtomicInteger counter = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "frameio-sim-http-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.acceptor = new Thread(this::acceptLoop, "frameio-sim-acceptor-" + serverSocket.getLocalPort());
        this.acceptor.setDaemon(true);
    }

    /** Binds and starts accepting; port 0 picks a free port. */
    public static HttpServer start(InetAddress address, int port, Handler handler) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(address, port), 1024);
        HttpServer server = new HttpServer(socket, handler);
        server.acceptor.start();
        return server;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetAddress address() {
        return serverSocket.getInetAddress();
    }

    /** Stops accepting, closes every open connection and waits briefly for handlers to finish. */
    @Override
    public void close() {
        running = false;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : connections) {
            closeQuietly(socket);
        }
        workers.shutdownNow();
        try {
            acceptor.join(2000);
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (!running) {
                    return;
                }
                continue;
            }
            try {
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
                connections.add(socket);
                workers.execute(() -> serve(socket));
            } catch (IOException | RejectedExecutionException e) {
                connections.remove(socket);
                closeQuietly(socket);
            }
        }
    }

    private void serve(Socket socket) {
        try {
            Input in = new Input(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (running) {
                String requestLine = in.readLine();
                if (requestLine == null) {
                    return;
                }
                if (requestLine.isEmpty()) {
                    continue; // tolerated: a stray CRLF between requests
                }
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    writeSimple(out, 400, "Bad request line");
                    return;
                }
                String method = parts[0];
                boolean http10 = parts[2].equals("HTTP/1.0");
                Map<String, String> headers = in.readHeaders();
                String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
                boolean keepAlive = http10 ? connection.contains("keep-alive") : !connection.contains("close");
                if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
                    out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                }
                byte[] body = in.readBody(headers);
                HttpResponse response;
                try {
                    response = handler.handle(new HttpRequest(method, parts[1], headers, body));
                } catch (RuntimeException e) {
                    response = HttpResponse.json(500,
                            "{\"errors\":[{\"detail\":\"Internal server error\"}]}".getBytes(StandardCharsets.UTF_8));
                }
                if (response.abort() != null) {
                    if (response.abort() == HttpResponse.Abort.RESET) {
                        socket.setSoLinger(true, 0);
                    }
                    return;
                }
                write(out, response, keepAlive, method.equals("HEAD"));
                if (!keepAlive) {
                    return;
                }
            }
        } catch (BadRequestException e) {
            try {
                writeSimple(socket.getOutputStream(), e.status, e.getMessage());
            } catch (IOException ignored) {
                // the client is gone
            }
        } catch (SocketTimeoutException | SocketException | EOFException e) {
            // idle keep-alive connection timed out, or the client went away
        } catch (IOException e) {
            // nothing more to say on this connection
        } finally {
            connections.remove(socket);
            closeQuietly(socket);
        }
    }

    private void write(OutputStream out, HttpResponse response, boolean keepAlive, boolean head) throws IOException {
        int status = response.status();
        byte[] body = response.body();
        StringBuilder sb = new StringBuilder(256);
        sb.append("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        sb.append("date: ").append(date()).append("\r\n");
        for (String[] h : response.headers()) {
            sb.append(h[0]).append(": ").append(h[1]).append("\r\n");
        }
        boolean bodyAllowed = status != 204 && status != 304 && status >= 200;
        if (bodyAllowed) {
            sb.append("content-length: ").append(body.length).append("\r\n");
        }
        sb.append("connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        byte[] headBytes = sb.toString().getBytes(StandardCharsets.UTF_8);
        if (bodyAllowed && !head && body.length > 0) {
            byte[] all = new byte[headBytes.length + body.length];
            System.arraycopy(headBytes, 0, all, 0, headBytes.length);
            System.arraycopy(body, 0, all, headBytes.length, body.length);
            out.write(all); // one write, one segment for small responses
        } else {
            out.write(headBytes);
        }
        out.flush();
    }

    private static void writeSimple(OutputStream out, int status, String message) throws IOException {
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason(status) + "\r\ncontent-type: text/plain; charset=utf-8\r\n"
                      + "content-length: " + body.length + "\r\nconnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private String date() {
        long second = System.currentTimeMillis() / 1000;
        String value = dateValue;
        if (value == null || second != dateSecond) {
            value = HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC));
            dateValue = value;
            dateSecond = second;
        }
        return value;
    }

    static String reason(int status) {
        switch (status) {
            case 100: return "Continue";
            case 200: return "OK";
            case 201: return "Created";
            case 204: return "No Content";
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 408: return "Request Timeout";
            case 409: return "Conflict";
            case 411: return "Length Required";
            case 413: return "Content Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Content";
            case 429: return "Too Many Requests";
            case 431: return "Request Header Fields Too Large";
            case 500: return "Internal Server Error";
            case 501: return "Not Implemented";
            case 502: return "Bad Gateway";
            case 503: return "Service Unavailable";
            case 504: return "Gateway Timeout";
            default: return "Status " + status;
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private static final class BadRequestException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;

        BadRequestException(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** An unsynchronized buffered reader of request heads and bodies. */
    private static final class Input {
        private final InputStream in;
        private final byte[] buffer = new byte[16 * 1024];
        private int pos;
        private int limit;

        Input(InputStream in) {
            this.in = in;
        }

        private boolean fill() throws IOException {
            int n = in.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            pos = 0;
            limit = n;
            return true;
        }

        private int read() throws IOException {
            if (pos >= limit && !fill()) {
                return -1;
            }
            return buffer[pos++] & 0xff;
        }

        /** A line without its CRLF (or bare LF); null at end of stream before any byte. */
        String readLine() throws IOException {
            ByteArrayOutputStream line = null;
            int start = pos;
            // fast path: the whole line is already buffered
            for (int i = pos; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > start && buffer[i - 1] == '\r' ? i - 1 : i;
                    pos = i + 1;
                    return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
                }
            }
            line = new ByteArrayOutputStream(128);
            int c;
            boolean any = false;
            while ((c = read()) != -1) {
                any = true;
                if (c == '\n') {
                    byte[] bytes = line.toByteArray();
                    int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                    return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
                }
                line.write(c);
                if (line.size() > MAX_LINE) {
                    throw new BadRequestException(431, "Line too long");
                }
            }
            if (!any) {
                return null;
            }
            throw new EOFException("stream ended inside a line");
        }

        Map<String, String> readHeaders() throws IOException {
            Map<String, String> headers = new LinkedHashMap<>();
            int total = 0;
            while (true) {
                String line = readLine();
                if (line == null) {
                    throw new EOFException("stream ended inside the headers");
                }
                if (line.isEmpty()) {
                    return headers;
                }
                total += line.length();
                if (total > MAX_HEADER_BYTES) {
                    throw new BadRequestException(431, "Headers too large");
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new BadRequestException(400, "Malformed header line");
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                headers.merge(name, value, (a, b) -> a + ", " + b);
            }
        }

        byte[] readBody(Map<String, String> headers) throws IOException {
            String transferEncoding = headers.get("transfer-encoding");
            if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
                return readChunked();
            }
            String length = headers.get("content-length");
            if (length == null) {
                return new byte[0];
            }
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new BadRequestException(400, "Invalid content-length");
            }
            if (n < 0 || n > MAX_BODY) {
                throw new BadRequestException(413, "Body too large");
            }
            return readExactly((int) n);
        }

        private byte[] readExactly(int n) throws IOException {
            byte[] body = new byte[n];
            int off = 0;
            while (off < n) {
                if (pos >= limit && !fill()) {
                    throw new EOFException("stream ended inside the body");
                }
                int chunk = Math.min(n - off, limit - pos);
                System.arraycopy(buffer, pos, body, off, chunk);
                pos += chunk;
                off += chunk;
            }
            return body;
        }

        private byte[] readChunked() throws IOException {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = readLine();
                if (sizeLine == null) {
                    throw new EOFException("stream ended inside a chunked body");
                }
                int semicolon = sizeLine.indexOf(';');
                String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
                int size;
                try {
                    size = Integer.parseInt(hex, 16);
                } catch (NumberFormatException e) {
                    throw new BadRequestException(400, "Invalid chunk size");
                }
                if (size == 0) {
                    // trailers until the empty line
                    String trailer;
                    do {
                        trailer = readLine();
                    } while (trailer != null && !trailer.isEmpty());
                    return body.toByteArray();
                }
                if (body.size() + (long) size > MAX_BODY) {
                    throw new BadRequestException(413, "Body too large");
                }
                body.write(readExactly(size));
                readLine(); // the CRLF after the chunk data
            }
        }
    }
}
