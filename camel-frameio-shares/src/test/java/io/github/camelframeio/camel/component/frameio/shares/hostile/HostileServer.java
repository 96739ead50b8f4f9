package io.github.camelframeio.camel.component.frameio.shares.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server that breaks HTTP on purpose, one way per share or project id, and answers ordinarily otherwise. It is
 * written on raw sockets because no HTTP server library will send what it must: an endless body, a 50 MB header
 * line, a body a byte at a time, nothing at all. A test fixture only.
 */
final class HostileServer implements AutoCloseable {

    /** What the server does with a request for a share (GET .../shares/{id}) or a project's shares. */
    enum Behaviour {
        /** 200 with a chunked body that never ends. */
        ENDLESS_BODY("00000000-0000-4000-8000-00000000e001"),
        /** 200 with Content-Length: 100 MB, and the 100 MB. */
        HUGE_BODY("00000000-0000-4000-8000-00000000e002"),
        /** 200 whose first header line is 50 MB long. */
        HUGE_HEADER("00000000-0000-4000-8000-00000000e003"),
        /** 200 with a 10,000-byte body sent a byte every 500 ms. */
        DRIP("00000000-0000-4000-8000-00000000e004"),
        /** Reads the request and never answers. */
        SILENT("00000000-0000-4000-8000-00000000e005"),
        /** A listing whose links.next never ends (a new cursor each page). */
        ENDLESS_LINKS("00000000-0000-4000-8000-00000000e006"),
        /** A listing whose links.next comes back to the same cursor. */
        LOOPING_LINKS("00000000-0000-4000-8000-00000000e007"),
        /** A listing that answers 100 items a page whatever page_size asks, five pages. */
        IGNORES_PAGE_SIZE("00000000-0000-4000-8000-00000000e008");

        final String id;

        Behaviour(String id) {
            this.id = id;
        }
    }

    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;

    private final ServerSocket server;
    private final String shareJson;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private final Thread acceptor;

    /** {@code shareJson}: the JSON of one share (its {@code data}), answered to ordinary requests. */
    HostileServer(String shareJson) throws IOException {
        this.shareJson = shareJson;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "hostile-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread connection = new Thread(() -> serve(socket), "hostile-connection");
                connection.setDaemon(true);
                connection.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String target = readRequest(in);
                if (target == null) {
                    return;
                }
                requests.incrementAndGet();
                if (!answer(target, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client gave up on the answer: that is the point
        } finally {
            open.remove(socket);
        }
    }

    /** The request target of the next request (its headers and any body read), or null at the end of the stream. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        long length = 0;
        for (String line : lines) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            }
        }
        in.skipNBytes(length);
        return lines[0].split(" ")[1];
    }

    /** Whether the connection may serve another request. */
    private boolean answer(String target, OutputStream out) throws IOException, InterruptedException {
        Behaviour behaviour = Arrays.stream(Behaviour.values()).filter(b -> target.contains(b.id)).findFirst()
                .orElse(null);
        if (behaviour == null) {
            boolean listing = target.contains("/projects/");
            send(out, 200, listing ? "{\"data\":[" + shareJson + "],\"links\":{\"next\":null}}"
                    : "{\"data\":" + shareJson + "}");
            return true;
        }
        switch (behaviour) {
            case ENDLESS_BODY -> {
                out.write(head(200, "Transfer-Encoding: chunked\r\n"));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                byte[] size = (Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
                while (true) {
                    out.write(size);
                    out.write(chunk);
                    out.write(new byte[] { '\r', '\n' });
                }
            }
            case HUGE_BODY -> {
                long total = 100L * 1024 * 1024;
                out.write(head(200, "Content-Length: " + total + "\r\n"));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) ' ');
                for (long sent = 0; sent < total; sent += chunk.length) {
                    out.write(chunk);
                }
                return false;
            }
            case HUGE_HEADER -> {
                out.write(("HTTP/1.1 200 OK\r\nX-Padding: ").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                for (int sent = 0; sent < 50 * 1024 * 1024; sent += chunk.length) {
                    out.write(chunk);
                }
                out.write("\r\nContent-Length: 2\r\n\r\n{}".getBytes(StandardCharsets.US_ASCII));
                return false;
            }
            case DRIP -> {
                out.write(head(200, "Content-Length: 10000\r\n"));
                out.flush();
                for (int i = 0; i < 10_000; i++) {
                    out.write(' ');
                    out.flush();
                    Thread.sleep(500); // the behaviour under test: a byte every 500 ms
                }
                return false;
            }
            case SILENT -> {
                closed.await(); // says nothing until the server closes
                return false;
            }
            case ENDLESS_LINKS, LOOPING_LINKS -> {
                String cursor = behaviour == Behaviour.LOOPING_LINKS ? "loop"
                        : "page" + requests.get();
                String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                send(out, 200, "{\"data\":[" + shareJson + "],\"links\":{\"next\":\"" + path + "?after=" + cursor
                        + "&page_size=100\"}}");
                return true;
            }
            case IGNORES_PAGE_SIZE -> {
                String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                int page = target.contains("after=p") ? Integer.parseInt(target.replaceAll(".*after=p(\\d+).*", "$1")) : 1;
                StringBuilder data = new StringBuilder();
                for (int i = 0; i < 100; i++) {
                    data.append(i == 0 ? "" : ",").append(shareJson);
                }
                String next = page < 5 ? "\"" + path + "?after=p" + (page + 1) + "\"" : "null";
                send(out, 200, "{\"data\":[" + data + "],\"links\":{\"next\":" + next + "}}");
                return true;
            }
            default -> throw new IllegalStateException(behaviour.name());
        }
    }

    private static void send(OutputStream out, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(head(status, "Content-Length: " + body.length + "\r\n"));
        out.write(body);
        out.flush();
    }

    private static byte[] head(int status, String extra) {
        return ("HTTP/1.1 " + status + " OK\r\nContent-Type: application/json\r\nDate: "
                + HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)) + "\r\n" + extra + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
        try {
            acceptor.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
