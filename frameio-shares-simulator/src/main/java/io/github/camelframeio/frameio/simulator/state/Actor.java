package io.github.camelframeio.frameio.simulator.state;

import java.util.function.Supplier;

/**
 * Who is changing the state on this thread: the authenticated caller of an API request. Changes made outside a
 * request (the admin API, the Java API) have none, and webhook payloads name the account's first user, the one
 * working in the web app.
 */
public final class Actor {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Actor() {
    }

    /** Runs {@code work} as {@code userId}. */
    public static <T> T as(String userId, Supplier<T> work) {
        String before = CURRENT.get();
        CURRENT.set(userId);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    /** The user of the current request, or null. */
    public static String current() {
        return CURRENT.get();
    }
}
