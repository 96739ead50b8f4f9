package io.github.camelframeio.frameio.simulator;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar frameio-shares-simulator.jar [options]}: runs the simulator until SIGTERM or Ctrl-C.
 * <p>
 * The first line on stdout is always {@code Frame.io simulator listening on http://HOST:PORT}, so a script can
 * start it on port 0 and read the URL.
 */
public final class Main {

    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar frameio-shares-simulator.jar [options]",
            "",
            "Serves the Frame.io V4 Shares API under /v4, an Adobe IMS token endpoint at /ims/token/v3",
            "and an admin API under /_sim (see GET /_sim/fixtures for ids and credentials).",
            "",
            "Options:",
            "  --port N                    port to listen on; 0 picks a free one (default 0)",
            "  --host ADDRESS              address to bind (default 127.0.0.1; 0.0.0.0 for every interface)",
            "  --seed N                    seed of every id, token and secret (default 1)",
            "  --rate-limit-scale F        multiply the 60 s rate-limit window by F (0.01: 10/min becomes 10 per 600 ms)",
            "  --no-rate-limits            do not enforce rate limits (the headers are still sent)",
            "  --retry-after               send Retry-After on 429 answers (Frame.io documents none)",
            "  --access-token-ttl SECONDS  lifetime of issued access tokens (default 86399)",
            "  --refresh-token-ttl SECONDS lifetime of rotated refresh tokens (default 1209600)",
            "  --view-touches-updated-at   a share view also moves updated_at (default: only last_viewed_at)",
            "  --no-custom-branded-shares  the account lacks the custom_branded_shares feature (description: 403)",
            "  --recent-requests N         how many requests /_sim/requests keeps (default 200)",
            "  --webhook-retry-scale F     multiply the waits between webhook attempts (15 s, 30 s, ...) by F (default 1)",
            "  --webhook-timeout-ms N      how long a webhook receiver may take to answer (default 5000)",
            "  --log-requests              print one line per API request to stdout",
            "  --help                      print this help and exit");

    private Main() {
    }

    /** The executable jar's slf4j binding; Jetty then says only what is wrong, on stderr. */
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        FrameioSimulator.Builder builder;
        try {
            builder = parse(args, System.out);
        } catch (IllegalArgumentException e) {
            System.err.println("frameio-shares-simulator: " + e.getMessage());
            System.err.println("Try --help.");
            System.exit(2);
            return;
        }
        if (builder == null) {
            return; // --help
        }
        FrameioSimulator simulator = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            System.out.println("Frame.io simulator stopped");
            System.out.flush();
            stopped.countDown();
        }, "frameio-sim-shutdown"));
        System.out.println("Frame.io simulator listening on " + simulator.baseUrl());
        System.out.flush();
        stopped.await();
    }

    /** Parses the flags; returns null after printing the help. */
    static FrameioSimulator.Builder parse(String[] args, PrintStream out) {
        FrameioSimulator.Builder b = FrameioSimulator.builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--help", "-h" -> {
                    out.println(USAGE);
                    return null;
                }
                case "--port" -> b.port(intValue(arg, next(args, ++i, arg)));
                case "--host" -> b.host(next(args, ++i, arg));
                case "--seed" -> b.seed(longValue(arg, next(args, ++i, arg)));
                case "--rate-limit-scale" -> b.rateLimitScale(doubleValue(arg, next(args, ++i, arg)));
                case "--no-rate-limits" -> b.rateLimits(false);
                case "--retry-after" -> b.retryAfter(true);
                case "--access-token-ttl" -> b.accessTokenTtl(Duration.ofSeconds(longValue(arg, next(args, ++i, arg))));
                case "--refresh-token-ttl" -> b.refreshTokenTtl(Duration.ofSeconds(longValue(arg, next(args, ++i, arg))));
                case "--view-touches-updated-at" -> b.viewTouchesUpdatedAt(true);
                case "--no-custom-branded-shares" -> b.customBrandedShares(false);
                case "--recent-requests" -> b.recentRequests(intValue(arg, next(args, ++i, arg)));
                case "--log-requests" -> b.logRequests(out);
                case "--webhook-retry-scale" -> b.webhookRetryScale(doubleValue(arg, next(args, ++i, arg)));
                case "--webhook-timeout-ms" -> b.webhookTimeout(Duration.ofMillis(longValue(arg, next(args, ++i, arg))));
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return b;
    }

    private static String next(String[] args, int i, String flag) {
        if (i >= args.length) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String flag, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static long longValue(String flag, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a whole number, got '" + value + "'");
        }
    }

    private static double doubleValue(String flag, String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " needs a number, got '" + value + "'");
        }
    }
}
