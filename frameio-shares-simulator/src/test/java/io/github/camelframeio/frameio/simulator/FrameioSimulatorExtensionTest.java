package io.github.camelframeio.frameio.simulator;

import io.github.camelframeio.frameio.simulator.contract.ContractClient;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The JUnit 5 extension: one simulator per class, reset before each test, injectable as a parameter.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FrameioSimulatorExtensionTest {

    @RegisterExtension
    static FrameioSimulatorExtension frameio = FrameioSimulatorExtension.create(b -> b.rateLimits(false).seed(7));

    @Test
    @Order(1)
    void startsOnceAndInjects(FrameioSimulator sim, SimulatorFixtures fixtures) {
        assertSame(frameio.simulator(), sim);
        assertEquals(frameio.fixtures(), fixtures);
        createShare(new ContractClient(frameio.baseUrl(), fixtures.token()), fixtures, "left behind", "public");
        assertEquals(1, sim.shareCount());
    }

    @Test
    @Order(2)
    void resetsBeforeEachTest() {
        assertEquals(0, frameio.simulator().shareCount());
        try (FrameioSimulator sameSeed = FrameioSimulator.builder().seed(7).start()) {
            assertEquals(sameSeed.fixtures().accountId(), frameio.fixtures().accountId());
        }
    }
}
