package io.github.camelframeio.examples.quarkus;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Starts a Frame.io simulator before Quarkus starts, points the component at it, and hands it to the test's
 * {@link InjectFrameioSimulator} field so the test can act as a person in the web app and read what Frame.io holds.
 */
public class FrameioSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private FrameioSimulator simulator;

    @Override
    public Map<String, String> start() {
        // rate limits off: the test checks the routes, not the pacing (the component's own tests cover that)
        simulator = FrameioSimulator.builder().rateLimits(false).start();
        SimulatorFixtures fixtures = simulator.fixtures();
        return Map.of(
                "camel.component.frameio-shares.base-url", simulator.baseUrl(),
                "camel.component.frameio-shares.access-token", fixtures.token(),
                "camel.component.frameio-shares.account-id", fixtures.accountId(),
                "camel.component.frameio-shares.project-id", fixtures.projectId());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(simulator,
                new TestInjector.AnnotatedAndMatchesType(InjectFrameioSimulator.class, FrameioSimulator.class));
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
