package io.github.camelframeio.frameio.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.github.camelframeio.frameio.simulator.RawHttp.readHead;
import static io.github.camelframeio.frameio.simulator.RawHttp.readResponse;
import static io.github.camelframeio.frameio.simulator.RawHttp.write;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createBody;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator's own HTTP/1.1 wire, spoken by hand: keep-alive, chunked bodies, 100-continue, closing.
 */
class HttpServerTest {

    private static FrameioSimulator sim;
    private static SimulatorFixtures f;

    @BeforeAll
    static void start() {
        sim = FrameioSimulator.builder().rateLimits(false).start();
        f = sim.fixtures();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void keepAliveServesSeveralRequestsOnOneConnection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            for (int i = 0; i < 3; i++) {
                write(socket, "GET /_sim/health HTTP/1.1\r\nHost: x\r\n\r\n");
                String response = readResponse(socket.getInputStream());
                assertTrue(response.startsWith("HTTP/1.1 200 OK"), response);
                // HTTP/1.1 connections persist unless the server says close (Jetty writes no redundant keep-alive)
                assertFalse(response.toLowerCase().contains("connection: close"), response);
            }
        }
    }

    @Test
    void chunkedRequestBodiesAreRead() throws IOException {
        String body = createBody("Chunked", "public");
        String half1 = body.substring(0, 20);
        String half2 = body.substring(20);
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, "POST " + sharesPath(f) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f.token()
                          + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                          + Integer.toHexString(half1.length()) + "\r\n" + half1 + "\r\n"
                          + Integer.toHexString(half2.length()) + ";ext=1\r\n" + half2 + "\r\n0\r\n\r\n");
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 201 Created"), response);
            assertTrue(response.contains("\"name\":\"Chunked\""));
        }
    }

    @Test
    void expectContinueIsAnswered() throws IOException {
        String body = createBody("Continued", "public");
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, "POST " + sharesPath(f) + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + f.token()
                          + "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: "
                          + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n");
            String interim = readHead(socket.getInputStream());
            assertTrue(interim.startsWith("HTTP/1.1 100 Continue"), interim);
            write(socket, body);
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 201"));
        }
    }

    @Test
    void connectionCloseAndHttp10CloseAfterTheResponse() throws IOException {
        for (String request : new String[] { "GET /_sim/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                                             "GET /_sim/health HTTP/1.0\r\n\r\n" }) {
            try (Socket socket = new Socket("127.0.0.1", sim.port())) {
                write(socket, request);
                String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(all.startsWith("HTTP/1.1 200"), all);
                assertTrue(all.toLowerCase().contains("connection: close"), all);
            }
        }
    }

    @Test
    void garbageIsABadRequest() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, "HELLO\r\n\r\n");
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(all.startsWith("HTTP/1.1 400"), all);
        }
    }

    @Test
    void noContentAnswersHaveNoLength() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, "POST /_sim/reset HTTP/1.1\r\nHost: x\r\n\r\n");
            String head = readHead(socket.getInputStream());
            assertTrue(head.startsWith("HTTP/1.1 204 No Content"), head);
            assertTrue(!head.toLowerCase().contains("content-length"), head);
            write(socket, "GET /_sim/health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(readResponse(socket.getInputStream()).startsWith("HTTP/1.1 200"), "connection still usable");
        }
    }

    @Test
    void encodedSlashesStayInsideTheirSegment() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sim.port())) {
            write(socket, "GET /v4/accounts/" + f.accountId() + "/shares/..%2F..%2F_sim%2Ffixtures HTTP/1.1\r\nHost: x\r\n"
                          + "Authorization: Bearer " + f.token() + "\r\n\r\n");
            String response = readResponse(socket.getInputStream());
            assertTrue(response.startsWith("HTTP/1.1 404"), response);
        }
    }
}
