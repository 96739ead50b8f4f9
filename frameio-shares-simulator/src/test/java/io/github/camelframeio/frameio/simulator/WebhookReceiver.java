package io.github.camelframeio.frameio.simulator;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * A test's webhook endpoint on loopback (the JDK's own HTTP server): records every POST with its headers and body
 * and answers what {@link #answer} says for the n-th request (1-based), optionally after a pause.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String timestamp, String signature, String userAgent, String contentType, String body,
                    long receivedNanos) {
    }

    /** What to answer: a status, after {@code delayMillis}. */
    record Answer(int status, long delayMillis) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final List<Received> received = new ArrayList<>();
    private volatile IntFunction<Answer> answer = n -> new Answer(204, 0);

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/hook", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int n;
            synchronized (received) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("X-Frameio-Request-Timestamp"),
                        exchange.getRequestHeaders().getFirst("X-Frameio-Signature"),
                        exchange.getRequestHeaders().getFirst("User-Agent"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body, StandardCharsets.UTF_8), System.nanoTime()));
                n = received.size();
                received.notifyAll();
            }
            Answer a = answer.apply(n);
            if (a.delayMillis() > 0) {
                try {
                    Thread.sleep(a.delayMillis()); // the receiver being slow is what is under test
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                exchange.sendResponseHeaders(a.status(), -1);
            } catch (IOException e) {
                // the simulator gave up waiting and closed the connection
            }
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    void answer(IntFunction<Answer> answer) {
        this.answer = answer;
    }

    List<Received> received() {
        synchronized (received) {
            return new ArrayList<>(received);
        }
    }

    /** Waits until {@code count} requests arrived; fails naming how many did. */
    List<Received> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("expected " + count + " webhook requests, got " + received.size()
                                             + ": " + received);
                }
                TimeUnit.NANOSECONDS.timedWait(received, left);
            }
            return new ArrayList<>(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
