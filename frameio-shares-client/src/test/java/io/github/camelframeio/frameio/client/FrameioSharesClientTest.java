package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.AssetChange;
import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAccess;
import io.github.camelframeio.frameio.client.model.UpdateShareRequest;
import io.github.camelframeio.frameio.simulator.FrameioSimulatorExtension;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Iterator;

import static io.github.camelframeio.frameio.client.FrameioSharesClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client as a plain Java SDK, without Camel.
 */
class FrameioSharesClientTest {

    @RegisterExtension
    static FrameioSimulatorExtension frameio = FrameioSimulatorExtension.create(b -> b.rateLimits(false));

    @Test
    void createUpdateAddAssetAndPageWithoutCamel() {
        SimulatorFixtures f = frameio.fixtures();
        try (FrameioSharesClient client = FrameioSharesClient.builder().baseUrl(f.baseUrl()).imsUrl(f.imsUrl())
                .clientCredentials(f.clientId(), f.clientSecret(), null).build()) {
            Share share = await(client.createShare(f.accountId(), f.projectId(),
                    CreateShareRequest.of("SDK share", ShareAccess.SECURE)));
            Share renamed = await(client.updateShare(f.accountId(), share.getId(), UpdateShareRequest.create().name("Renamed")));
            assertEquals("Renamed", renamed.getName());
            AssetChange added = await(client.addAsset(f.accountId(), share.getId(), f.assetIds().get(0)));
            assertEquals(f.assetIds().get(0), added.getAssetId());

            frameio.simulator().bulkCreateShares(f.projectId(), 120);
            SharesCall<Page<Share>> list = SharesCall.listShares(f.accountId(), f.projectId(),
                    SharesCall.PageRequest.first(50), "name_asc");
            Page<Share> first = await(client.send(list)).body();
            Iterator<Share> all = client.iterate(list, first, 0);
            int n = 0;
            while (all.hasNext()) {
                all.next();
                n++;
            }
            assertEquals(121, n);

            await(client.deleteShare(f.accountId(), share.getId()));
            FrameioNotFoundException gone = assertThrows(FrameioNotFoundException.class,
                    () -> await(client.getShare(f.accountId(), share.getId())));
            assertEquals(404, gone.getStatusCode());
        }
    }

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
