package io.github.camelframeio.frameio.simulator.http;

import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;

import java.io.IOException;
import java.net.InetAddress;

/**
 * The simulator's HTTP/1.1 server: Jetty 12's core server (no servlets) with a bounded thread pool, keep-alive,
 * TCP_NODELAY and the limits of {@link ServerLimits}, so that idle, slow or oversized clients cost a connection
 * each, not a thread or a buffer of the size they declare.
 * <p>
 * Its threads are daemons named {@code frameio-sim-http-N} (the scheduler {@code frameio-sim-timer}), so a
 * simulator a test forgot to close does not keep the JVM alive.
 */
public final class HttpServer implements AutoCloseable {

    /** Turns one request into one response. Runs on a server thread and may block (a fault's delay does). */
    @FunctionalInterface
    public interface Handler {
        HttpResponse handle(HttpRequest request);
    }

    private final Server server;
    private final ServerConnector connector;
    private final InetAddress address;

    private HttpServer(Server server, ServerConnector connector, InetAddress address) {
        this.server = server;
        this.connector = connector;
        this.address = address;
    }

    /** Binds and starts serving; port 0 picks a free port. */
    public static HttpServer start(InetAddress address, int port, ServerLimits limits, Handler handler)
            throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), Math.min(4, limits.maxThreads()));
        threads.setName("frameio-sim-http");
        threads.setDaemon(true);
        // close() waits half of this for handlers (a fault's delay, say), then interrupts them
        threads.setStopTimeout(1_000);
        ScheduledExecutorScheduler timer = new ScheduledExecutorScheduler("frameio-sim-timer", true);
        Server server = new Server(threads, timer, null);
        server.setStopTimeout(0);

        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(limits.maxRequestHeaderSize());
        http.setIdleTimeout(limits.idleTimeout().toMillis());
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // ids are matched segment by segment and nothing maps to files, so an encoded slash or dot in an id is
        // just an unknown id (404), as on the server this one replaced, not a 400
        http.setUriCompliance(UriCompliance.LEGACY);

        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(address.getHostAddress());
        connector.setPort(port);
        connector.setReuseAddress(true);
        connector.setAcceptQueueSize(1024);
        connector.setAcceptedTcpNoDelay(true);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        connector.addEventListener(new RequestHeadDeadline(timer, limits.requestHeaderTimeout().toNanos()));
        server.addConnector(connector);
        server.setErrorHandler(ExchangeHandler::writeServerError);
        server.setHandler(new ExchangeHandler(handler, limits, timer));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("Cannot start the HTTP server: " + e.getMessage(), e);
        }
        return new HttpServer(server, connector, address);
    }

    public int port() {
        return connector.getLocalPort();
    }

    public InetAddress address() {
        return address;
    }

    /** Stops accepting and closes every open connection at once. */
    @Override
    public void close() {
        stopQuietly(server);
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway: the connector and the threads are closed or going
        }
    }
}
