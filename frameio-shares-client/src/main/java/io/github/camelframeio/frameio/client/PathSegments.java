package io.github.camelframeio.frameio.client;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of one path segment (RFC 3986): only unreserved characters and {@code : @} stay as they are, so
 * a {@code /}, {@code ?}, {@code #}, {@code %} or {@code ..} inside an id can never change the request path.
 */
final class PathSegments {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PathSegments() {
    }

    static String encode(String segment) {
        StringBuilder sb = new StringBuilder(segment.length() + 8);
        for (byte b : segment.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            boolean keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                           || c == '-' || c == '_' || c == '~' || c == ':' || c == '@'
                           || (c == '.' && !segment.chars().allMatch(ch -> ch == '.'));
            if (keep) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }
}
