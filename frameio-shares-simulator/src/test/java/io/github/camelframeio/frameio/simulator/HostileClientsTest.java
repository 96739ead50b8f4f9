package io.github.camelframeio.frameio.simulator;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.github.camelframeio.frameio.simulator.RawHttp.readHead;
import static io.github.camelframeio.frameio.simulator.RawHttp.readResponse;
import static io.github.camelframeio.frameio.simulator.RawHttp.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Clients that each cost the server this one replaced a thread or a buffer: idle connections, heads sent a byte at a
 * time ("slowloris"), bodies declared and never sent. Here each costs a connection at most, ordinary requests are
 * served meanwhile, and a head that does not arrive within its deadline loses its connection.
 */
class HostileClientsTest {

    private static final Duration HEAD_DEADLINE = Duration.ofSeconds(2);
    private static final int IDLE = 1_000;
    private static final int SLOW = 300;
    private static final int ORDINARY = 100;

    @Test
    void idleAndSlowlorisConnectionsHoldNoThreadsAndSlowHeadsAreCutAtTheirDeadline() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).requestHeaderTimeout(HEAD_DEADLINE)
                .idleTimeout(Duration.ofSeconds(30)).start()) {
            String showShare = showShareUrl(sim);
            ExecutorService clientThreads = Executors.newFixedThreadPool(2);
            HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
            assertEquals(200, get(http, showShare, sim.fixtures().token())); // the server's threads are up
            int before = threads.getThreadCount();

            List<Socket> idle = connect(sim, IDLE);
            List<Socket> slow = connect(sim, SLOW);
            long firstByte = System.nanoTime();
            for (Socket socket : slow) {
                write(socket, "GET /_sim/health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            }
            // a byte per connection every 100 ms: far inside the idle timeout, so only the head deadline can end them
            ScheduledExecutorService drip = Executors.newSingleThreadScheduledExecutor();
            drip.scheduleAtFixedRate(() -> slow.forEach(HostileClientsTest::writeQuietly), 100, 100, TimeUnit.MILLISECONDS);
            try {
                AtomicInteger peak = new AtomicInteger(threads.getThreadCount());
                List<Integer> statuses = ordinaryRequests(http, showShare, sim.fixtures().token(), threads, peak);
                assertEquals(ORDINARY, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
                assertTrue(peak.get() - before < 80, "live threads grew by " + (peak.get() - before)
                        + " while " + (IDLE + SLOW) + " connections were held");
                assertTrue(serverThreads() <= 64 + 1, serverThreads() + " server threads, at most 64 and the timer");

                long closedAfter = awaitClosedByServer(slow, firstByte);
                assertTrue(closedAfter >= HEAD_DEADLINE.toNanos() - TimeUnit.MILLISECONDS.toNanos(100),
                        "the first slow head was cut " + closedAfter / 1_000_000 + " ms after its first byte");
            } finally {
                drip.shutdownNow();
                clientThreads.shutdownNow();
            }
            // the idle connections outlived the slow ones: silence is the idle timeout's business, not the deadline's
            Socket stillIdle = idle.get(IDLE / 2);
            write(stillIdle, "GET /_sim/health HTTP/1.1\r\nHost: x\r\n\r\n");
            assertTrue(readResponse(stillIdle.getInputStream()).startsWith("HTTP/1.1 200"));
            closeAll(idle);
            closeAll(slow);
        }
    }

    @Test
    void declaredBodiesThatNeverComeHoldNoMemory() throws Exception {
        int connections = 100;
        long declared = 30L * 1024 * 1024;
        try (FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false)
                .maxRequestBodySize(32 * 1024 * 1024).start()) {
            String path = "/_sim/projects/" + sim.fixtures().projectId() + "/shares";
            long before = usedHeapAfterGc();
            List<Socket> waiting = connect(sim, connections);
            for (Socket socket : waiting) {
                write(socket, "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              + "Expect: 100-continue\r\nContent-Length: " + declared + "\r\n\r\n");
            }
            for (Socket socket : waiting) {
                // the server asks for the body: it has read the head and is waiting for the bytes
                String interim = readHead(socket.getInputStream());
                assertTrue(interim.startsWith("HTTP/1.1 100"), interim);
            }
            long held = usedHeapAfterGc() - before;
            assertTrue(held < 64L * 1024 * 1024, (held >> 20) + " MiB more heap while " + connections
                    + " bodies of " + (declared >> 20) + " MiB are declared and none sent");
            HttpClient http = HttpClient.newHttpClient();
            for (int i = 0; i < 10; i++) {
                assertEquals(200, get(http, sim.baseUrl() + "/_sim/health", null));
            }
            closeAll(waiting);
        }
    }

    private static String showShareUrl(FrameioSimulator sim) {
        sim.bulkCreateShares(sim.fixtures().projectId(), 1);
        return sim.baseUrl() + "/v4/accounts/" + sim.fixtures().accountId() + "/shares/" + sim.shareIds().iterator().next();
    }

    private static List<Integer> ordinaryRequests(HttpClient http, String url, String token, ThreadMXBean threads,
                                                  AtomicInteger peak) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < ORDINARY; i++) {
                calls.add(() -> {
                    int status = get(http, url, token);
                    peak.accumulateAndGet(threads.getThreadCount(), Math::max);
                    return status;
                });
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : callers.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                statuses.add(status.get());
            }
            return statuses;
        } finally {
            callers.shutdownNow();
        }
    }

    private static int get(HttpClient http, String url, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Waits for the server to close every socket, reading each until the end of the stream (or a reset), for at most
     * three deadlines after the first byte; returns how long after the first byte the first one was seen closed.
     */
    private static long awaitClosedByServer(List<Socket> sockets, long firstByte) throws IOException {
        long deadline = firstByte + HEAD_DEADLINE.multipliedBy(3).toNanos();
        long firstClosed = -1;
        for (Socket socket : sockets) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            socket.setSoTimeout((int) Math.max(1, left));
            InputStream in = socket.getInputStream();
            try {
                int read = in.read();
                assertEquals(-1, read, "the server closes without answering");
            } catch (SocketTimeoutException e) {
                throw new AssertionError("a slow head was still connected " + HEAD_DEADLINE.multipliedBy(3)
                                         + " after its first byte", e);
            } catch (SocketException e) {
                // reset: closed all the same
            }
            if (firstClosed < 0) {
                firstClosed = System.nanoTime() - firstByte;
            }
        }
        return firstClosed;
    }

    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("frameio-sim-")).count();
    }

    private static List<Socket> connect(FrameioSimulator sim, int count) throws IOException {
        List<Socket> sockets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sockets.add(new Socket("127.0.0.1", sim.port()));
        }
        return sockets;
    }

    private static void writeQuietly(Socket socket) {
        try {
            socket.getOutputStream().write('a');
        } catch (IOException e) {
            // closed by the server, as it should be once the deadline has passed
        }
    }

    private static long usedHeapAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private static void closeAll(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
