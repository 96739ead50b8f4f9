package io.github.camelframeio.frameio.client;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SDK's helpers that need no server: safe URLs and path segments. {@link SharesOperationsTest} calls every
 * operation against the simulator.
 */
class FrameioSharesClientTest {

    @Test
    void onlySafeUrlsCarryTokens() {
        for (String ok : new String[] { "https://api.frame.io", "https://api.frame.io/", "http://127.0.0.1:8080",
                                        "http://127.0.0.2", "http://localhost:9", "http://[::1]:8787" }) {
            assertTrue(FrameioUrls.requireSafe(ok, "baseUrl").toString().startsWith("http"), ok);
        }
        for (String bad : new String[] { "http://api.frame.io", "http://localhost.example.com", "http://10.0.0.1",
                                         "ftp://api.frame.io", "https://api.frame.io?x=1", "https://user:pw@api.frame.io",
                                         "api.frame.io", "" }) {
            assertThrows(FrameioInvalidRequestException.class, () -> FrameioUrls.requireSafe(bad, "baseUrl"), bad);
        }
        assertFalse(FrameioUrls.requireSafe("https://api.frame.io/", "baseUrl").toString().endsWith("/"));
    }

    @Test
    void pathSegmentsCannotChangeThePath() {
        assertEquals("adobe:urn%7Caa%2F..%3Fx%23y", PathSegments.encode("adobe:urn|aa/..?x#y"));
        assertEquals("%2E%2E", PathSegments.encode(".."));
        assertEquals("a.b", PathSegments.encode("a.b"));
    }
}
