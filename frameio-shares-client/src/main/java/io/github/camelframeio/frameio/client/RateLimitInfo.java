package io.github.camelframeio.frameio.client;

import java.util.Optional;

/**
 * The rate-limit budget Frame.io reported with an answer ({@code x-ratelimit-limit}, {@code -remaining},
 * {@code -window}).
 *
 * @param limit         calls allowed per window
 * @param remaining     calls left in the current window
 * @param windowMillis  the window, in milliseconds
 */
public record RateLimitInfo(int limit, int remaining, long windowMillis) {

    /** The three headers, when all are present and numeric. */
    public static Optional<RateLimitInfo> fromHeaders(String limit, String remaining, String window) {
        if (limit == null || remaining == null || window == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RateLimitInfo(Integer.parseInt(limit.trim()), Integer.parseInt(remaining.trim()),
                    Long.parseLong(window.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
