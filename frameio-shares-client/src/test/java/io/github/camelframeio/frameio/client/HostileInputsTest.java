package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.auth.InMemoryRefreshTokenStore;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.FrameioSimulatorExtension;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the SDK does with odd settings and failing token calls: timeouts that would wait forever are refused by name,
 * limits too small to read any answer are refused, and Adobe IMS is asked again where that is safe (client
 * credentials after a 500; any grant after a 429) and not where it is not (a refresh token after a 500, which IMS may
 * have rotated).
 */
class HostileInputsTest {

    @RegisterExtension
    static FrameioSimulatorExtension frameio = FrameioSimulatorExtension.create(b -> b.rateLimits(false));

    private SimulatorFixtures f;
    private FrameioSimulator sim;

    @BeforeEach
    void fixtures() {
        f = frameio.fixtures();
        sim = frameio.simulator();
    }

    @Test
    void timeoutsThatWouldWaitForeverAreRefusedByName() {
        FrameioInvalidRequestException zero = assertThrows(FrameioInvalidRequestException.class,
                () -> FrameioSharesClient.builder().responseTimeout(Duration.ZERO));
        assertTrue(zero.getMessage().startsWith("responseTimeout must be a positive duration"), zero.getMessage());
        FrameioInvalidRequestException negative = assertThrows(FrameioInvalidRequestException.class,
                () -> FrameioSharesClient.builder().connectTimeout(Duration.ofMillis(-1)));
        assertTrue(negative.getMessage().startsWith("connectTimeout must be a positive duration"), negative.getMessage());
        FrameioInvalidRequestException overall = assertThrows(FrameioInvalidRequestException.class,
                () -> new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofMillis(-5)));
        assertTrue(overall.getMessage().startsWith("overallTimeout must not be negative (0: no limit)"), overall.getMessage());
    }

    @Test
    void limitsTooSmallForAnyAnswerAreRefused() {
        FrameioInvalidRequestException e = assertThrows(FrameioInvalidRequestException.class,
                () -> ResponseLimits.DEFAULT.withMaxBodyBytes(10));
        assertTrue(e.getMessage().startsWith("maxResponseSize must be at least 1024 bytes"), e.getMessage());
        assertThrows(FrameioInvalidRequestException.class, () -> FrameioSharesClient.builder().maxPages(0));
    }

    @Test
    void anAnswerOverALowLimitFailsTypedAndTheNextCallSucceeds() {
        sim.bulkCreateShares(f.projectId(), 3);
        String id = sim.shareIds().iterator().next();
        try (FrameioSharesClient client = FrameioSharesClient.builder().baseUrl(f.baseUrl()).accessToken(f.token())
                .responseLimits(ResponseLimits.DEFAULT.withMaxBodyBytes(1024)).build()) {
            FrameioResponseTooLargeException e = assertThrows(FrameioResponseTooLargeException.class,
                    () -> client.blocking().listShares(f.accountId(), f.projectId(), ListOptions.pageSize(3)));
            assertEquals(200, e.getAnswerStatus());
            assertTrue(e.getMessage().contains("maxResponseSize"), e.getMessage());
            Share share = client.blocking().getShare(f.accountId(), id);
            assertEquals(id, share.getId(), "the client is healthy after the cut-off answer");
        }
    }

    @Test
    void clientCredentialsAreAskedAgainAfterAServerError() {
        sim.faults(FaultRule.status("ims.token", 500).times(2));
        try (FrameioSharesClient client = FrameioSharesClient.builder().baseUrl(f.baseUrl()).imsUrl(f.imsUrl())
                .clientCredentials(f.clientId(), f.clientSecret(), null).build()) {
            client.blocking().listShares(f.accountId(), f.projectId(), ListOptions.pageSize(1)); // throws if not
        }
        assertEquals(3, sim.requests().count("ims.token"));
    }

    @Test
    void aRefreshTokenIsNotSentAgainAfterAServerErrorButIsAfterA429() {
        sim.faults(FaultRule.status("ims.token", 429).times(1));
        try (FrameioSharesClient client = refreshing()) {
            client.blocking().listShares(f.accountId(), f.projectId(), ListOptions.pageSize(1));
        }
        assertEquals(2, sim.requests().count("ims.token"), "a 429 was not processed: asked again");

        sim.reset();
        sim.faults(FaultRule.status("ims.token", 500).times(1));
        try (FrameioSharesClient client = refreshing()) {
            FrameioAuthenticationException e = assertThrows(FrameioAuthenticationException.class,
                    () -> client.blocking().listShares(f.accountId(), f.projectId(), ListOptions.pageSize(1)));
            assertEquals(500, e.getStatusCode());
            assertTrue(e.getMessage().contains("Adobe IMS failed the refresh_token grant"), e.getMessage());
        }
        assertEquals(1, sim.requests().count("ims.token"), "IMS may have rotated the token: not repeated");
    }

    private FrameioSharesClient refreshing() {
        return FrameioSharesClient.builder().baseUrl(f.baseUrl()).imsUrl(f.imsUrl())
                .refreshToken(f.clientId(), f.clientSecret(), f.refreshToken(), new InMemoryRefreshTokenStore()).build();
    }
}
