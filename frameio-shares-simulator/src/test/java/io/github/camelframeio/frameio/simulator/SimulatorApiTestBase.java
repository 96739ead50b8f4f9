package io.github.camelframeio.frameio.simulator;

import io.github.camelframeio.frameio.simulator.contract.ContractClient;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One simulator per test class, without rate limits, reset before each test; {@code client} talks to it with the
 * static fixture token and records every exchange for contract checks.
 */
abstract class SimulatorApiTestBase {

    @RegisterExtension
    static final FrameioSimulatorExtension FRAMEIO = FrameioSimulatorExtension.create(b -> b.rateLimits(false));

    protected FrameioSimulator sim;
    protected SimulatorFixtures f;
    protected ContractClient client;

    @BeforeEach
    void connect() {
        sim = FRAMEIO.simulator();
        f = sim.fixtures();
        client = new ContractClient(sim.baseUrl(), f.token());
    }
}
