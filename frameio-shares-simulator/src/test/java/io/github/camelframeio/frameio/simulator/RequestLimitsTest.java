package io.github.camelframeio.frameio.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import static io.github.camelframeio.frameio.simulator.RawHttp.readResponse;
import static io.github.camelframeio.frameio.simulator.RawHttp.write;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createBody;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a request may be: heads up to the header limit, bodies up to the body limit and within the body deadline,
 * well-formed chunking. Beyond that the answer is 431, 413, 408 or 400, and the server goes on serving.
 */
class RequestLimitsTest {

    private static final int BODY_LIMIT = 1_000;
    private static final Duration BODY_DEADLINE = Duration.ofMillis(500);

    private static FrameioSimulator sim;
    private static SimulatorFixtures f;

    @BeforeAll
    static void start() {
        sim = FrameioSimulator.builder().rateLimits(false).maxRequestBodySize(BODY_LIMIT)
                .requestBodyTimeout(BODY_DEADLINE).start();
        f = sim.fixtures();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void aDeclaredBodyOverTheLimitIs413BeforeItIsSent() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, post("Content-Length: " + (BODY_LIMIT + 1)));
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("{\"errors\":[{\"detail\":\"Request body too large\"}]}"), response);
            assertEquals(-1, socket.getInputStream().read(), "the unread body ends the connection");
        }
        assertHealthy();
    }

    @Test
    void aChunkedBodyThatGrowsOverTheLimitIs413() throws IOException {
        String chunk = "x".repeat(BODY_LIMIT / 2 + 1);
        int shares = sim.shareCount();
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, post("Transfer-Encoding: chunked") + chunkOf(chunk) + chunkOf(chunk) + "0\r\n\r\n");
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
        }
        assertEquals(shares, sim.shareCount());
        assertHealthy();
    }

    @Test
    void aBodyAtTheLimitIsRead() throws IOException {
        String body = createBody("At the limit", "public");
        String padded = body.substring(0, body.length() - 2) + " ".repeat(BODY_LIMIT - body.length()) + "}}";
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, post("Content-Length: " + padded.getBytes(StandardCharsets.UTF_8).length) + padded);
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 201"), response);
        }
    }

    @Test
    void aChunkSizeOfMinusOneIs400AndTheServerStaysHealthy() throws IOException {
        for (int i = 0; i < 3; i++) {
            try (Socket socket = new Socket("127.0.0.1", sim.port())) {
                write(socket, post("Transfer-Encoding: chunked") + "-1\r\nxx\r\n0\r\n\r\n");
                String response = readResponse(socket.getInputStream());
                assertTrue(response.startsWith("HTTP/1.1 400"), response);
            }
        }
        assertHealthy();
    }

    @Test
    void aHeaderLineOfOneMegabyteIs431() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            // written on another thread: the server answers (and stops reading) long before the megabyte is sent
            CompletableFuture<Void> sending = CompletableFuture.runAsync(() -> {
                try {
                    write(socket, "GET /_sim/health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(1024 * 1024) + "\r\n\r\n");
                } catch (IOException e) {
                    // the server closed the connection after answering
                }
            });
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 431"), response);
            sending.join();
        }
        assertHealthy();
    }

    @Test
    void aBodyThatDoesNotArriveInTimeIs408() throws IOException {
        int shares = sim.shareCount();
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            long start = System.nanoTime();
            write(socket, post("Content-Length: 100") + "{\"data\":");
            String response = readResponse(socket.getInputStream());
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(response.startsWith("HTTP/1.1 408"), response);
            assertTrue(millis >= BODY_DEADLINE.toMillis() - 50, "answered after " + millis + " ms");
            assertEquals(-1, socket.getInputStream().read(), "the connection ends with the 408");
        }
        assertEquals(shares, sim.shareCount());
        assertHealthy();
    }

    private static String post(String framing) {
        return "POST " + sharesPath(f) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f.token()
               + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n";
    }

    private static String chunkOf(String data) {
        return Integer.toHexString(data.length()) + "\r\n" + data + "\r\n";
    }

    private static void assertHealthy() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, "GET /_sim/health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 200"));
        }
    }
}
