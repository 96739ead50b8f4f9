package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.CreateShareRequest;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.client.model.ShareAccess;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;
import io.github.camelframeio.frameio.simulator.admin.FaultRule;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A create share whose outcome is unknown is looked up, and the lookup never claims a share the attempt did not
 * create: one made in the web app just before (the case: 2 s; and 300 ms, within a second of the attempt),
 * one that differs in a setting, or one of two equal candidates. The simulator's clock is moved to make a share
 * "just before" or "just after" an attempt without waiting, while its {@code Date} headers keep the real time,
 * as Frame.io's would.
 */
class ReconcilerTest {

    /** A clock that can be set back or forth. */
    private static final class MovableClock extends Clock {
        private final AtomicLong offsetMillis = new AtomicLong();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plusMillis(offsetMillis.get());
        }

        void set(Duration offset) {
            offsetMillis.set(offset.toMillis());
        }
    }

    private final MovableClock clock = new MovableClock();
    private FrameioSimulator sim;
    private SimulatorFixtures f;
    private FrameioSharesClient client;
    private FrameioSharesClient webApp;

    @BeforeEach
    void start() {
        sim = FrameioSimulator.builder().rateLimits(false).clock(clock).start();
        f = sim.fixtures();
        client = FrameioSharesClient.builder().baseUrl(f.baseUrl()).accessToken(f.token()).pacing(false)
                .retryPolicy(new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofMillis(50),
                        Duration.ofSeconds(1), Duration.ofSeconds(60)))
                .reconcileWindow(Duration.ofMillis(500)).build();
        webApp = FrameioSharesClient.builder().baseUrl(f.baseUrl()).accessToken(f.token()).pacing(false).build();
    }

    @AfterEach
    void stop() {
        client.close();
        webApp.close();
        sim.close();
    }

    private Share madeInTheWebApp(CreateShareRequest request, Duration relativeToNow) {
        clock.set(relativeToNow);
        try {
            return webApp.blocking().createShare(f.accountId(), f.projectId(), request);
        } finally {
            clock.set(Duration.ZERO);
        }
    }

    private FrameioOutcomeUnknownException createThatNeverHappened(CreateShareRequest request) {
        sim.faults(FaultRule.status("shares.create", 500).times(1));
        return assertThrows(FrameioOutcomeUnknownException.class,
                () -> client.blocking().createShare(f.accountId(), f.projectId(), request));
    }

    @Test
    void aShareOfTheSameNameMadeTwoSecondsBeforeIsNotClaimed() {
        CreateShareRequest request = CreateShareRequest.of("Dailies", ShareAccess.PUBLIC);
        madeInTheWebApp(request, Duration.ofSeconds(-2));
        FrameioOutcomeUnknownException e = createThatNeverHappened(request);
        assertTrue(e.getMessage().contains("no share named 'Dailies' appeared"), e.getMessage());
        assertEquals(1, sim.shareCount());
    }

    @Test
    void aShareOfTheSameNameMadeWellWithinASecondBeforeIsNotClaimed() {
        // within the second of Frame.io's Date header: only probing the clocks tells it was made before the attempt
        CreateShareRequest request = CreateShareRequest.of("Dailies", ShareAccess.PUBLIC);
        madeInTheWebApp(request, Duration.ofMillis(-300));
        FrameioOutcomeUnknownException e = createThatNeverHappened(request);
        assertTrue(e.getMessage().contains("no share named 'Dailies' appeared"), e.getMessage());
    }

    @Test
    void aShareThatDiffersInASettingIsNotClaimed() {
        // made "after" the attempt, but not with what was asked
        madeInTheWebApp(CreateShareRequest.of("Dailies", ShareAccess.PUBLIC).description("Someone else's"),
                Duration.ofSeconds(2));
        FrameioOutcomeUnknownException e = createThatNeverHappened(CreateShareRequest.of("Dailies", ShareAccess.PUBLIC)
                .description("Ours"));
        assertTrue(e.getMessage().contains("no share named 'Dailies' appeared"), e.getMessage());
    }

    @Test
    void twoEqualCandidatesAreInDoubt() {
        CreateShareRequest request = CreateShareRequest.of("Dailies", ShareAccess.SECURE);
        madeInTheWebApp(request, Duration.ofSeconds(2));
        sim.faults(new FaultRule("shares.create", 502, 1, 1.0, 0, false, false, true)); // made, then a 502
        FrameioOutcomeUnknownException e = assertThrows(FrameioOutcomeUnknownException.class,
                () -> client.blocking().createShare(f.accountId(), f.projectId(), request));
        assertTrue(e.getMessage().contains("2 shares named 'Dailies'"), e.getMessage());
        assertEquals(2, sim.shareCount(), "never created a third");
    }

    @Test
    void theShareTheAttemptMadeIsFoundAndReturnedOnce() {
        Set<String> before = Set.copyOf(sim.shareIds());
        sim.faults(new FaultRule("shares.create", 502, 1, 1.0, 0, false, false, true));
        Share share = client.blocking().createShare(f.accountId(), f.projectId(),
                CreateShareRequest.of("Ours", ShareAccess.PUBLIC).description("made behind a 502"));
        assertEquals("Ours", share.getName());
        assertTrue(!before.contains(share.getId()) && sim.hasShare(share.getId()));
        assertEquals(1, sim.shareCount() - before.size(), "created once");
    }
}
