package io.github.camelframeio.frameio.simulator;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createBody;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharesPath;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
                assertTrue(response.contains("connection: keep-alive"));
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
                assertTrue(all.contains("connection: close"));
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

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            head.write(c);
            matched = (c == '\r' && (matched == 0 || matched == 2)) || (c == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static String readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        int length = 0;
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        assertEquals(length, body.length);
        return head + new String(body, StandardCharsets.UTF_8);
    }
}
