package io.github.camelframeio.frameio.client;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Checks the base URLs of Frame.io and Adobe IMS: https, or plain http to a loopback address only (a local
 * simulator), because tokens travel in every request.
 */
public final class FrameioUrls {

    private FrameioUrls() {
    }

    /** The URL without a trailing slash; throws naming {@code option} when it is not safe to send tokens to. */
    public static URI requireSafe(String url, String option) {
        if (url == null || url.isBlank()) {
            throw new FrameioInvalidRequestException(option + " is required");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new FrameioInvalidRequestException(option + " is not a valid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new FrameioInvalidRequestException(option + " must be an https:// URL, got '" + url + "'");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new FrameioInvalidRequestException(option + " must not carry a query, fragment or user info");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new FrameioInvalidRequestException(option + " must use https: plain http is allowed only for loopback"
                                                     + " addresses such as 127.0.0.1, got '" + url + "'");
        }
        String s = uri.toString();
        return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        // only literal addresses are resolved here, so no DNS lookup decides where tokens go
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
