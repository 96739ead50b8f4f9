package io.github.camelframeio.frameio.simulator.http;

import java.time.Duration;

/**
 * What one client may cost the server: threads, time and bytes. A client beyond a limit is answered or dropped;
 * the others are served as before.
 *
 * @param maxThreads           the most threads the server runs, its acceptor and selector included
 * @param idleTimeout          how long a connection may stay silent, between requests or inside one
 * @param requestHeaderTimeout how long a request head (request line and headers) may take to arrive, counted from
 *                             its first byte; a connection still sending one then is closed
 * @param requestBodyTimeout   how long a request body may take to arrive once its head is in; then 408
 * @param maxRequestHeaderSize the largest request head in bytes; a larger one answers 431 (414 for a long URI)
 * @param maxRequestBodySize   the largest request body in bytes; a larger one answers 413, read as it arrives, never
 *                             allocated from the declared length
 */
public record ServerLimits(int maxThreads, Duration idleTimeout, Duration requestHeaderTimeout,
        Duration requestBodyTimeout, int maxRequestHeaderSize, int maxRequestBodySize) {

    /** The acceptor and the selector; every other thread of the pool serves requests. */
    static final int NETWORK_THREADS = 2;

    /** 64 threads, 60 s idle, 10 s for a head, 30 s for a body, a 64 KiB head and a 1 MiB body. */
    public static final ServerLimits DEFAULTS = new ServerLimits(64, Duration.ofSeconds(60), Duration.ofSeconds(10),
            Duration.ofSeconds(30), 64 * 1024, 1024 * 1024);

    public ServerLimits {
        if (maxThreads < NETWORK_THREADS + 2) {
            throw new IllegalArgumentException("maxThreads must be at least " + (NETWORK_THREADS + 2));
        }
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(requestHeaderTimeout, "requestHeaderTimeout");
        requirePositive(requestBodyTimeout, "requestBodyTimeout");
        if (maxRequestHeaderSize < 1024) {
            throw new IllegalArgumentException("maxRequestHeaderSize must be at least 1024 bytes");
        }
        if (maxRequestBodySize < 0) {
            throw new IllegalArgumentException("maxRequestBodySize must not be negative");
        }
    }

    static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
