package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Camel tests against a real simulator on loopback: the component is configured with the simulator's URL, the
 * static fixture token and the fixture account and project; every request it sends is checked against the
 * contract, and a test fails if one breaks it.
 */
public abstract class FrameioSharesTestSupport extends CamelTestSupport {

    protected static FrameioSimulator simulator;
    protected static SimulatorFixtures fx;
    private static final ClientContractCheck CONTRACT = new ClientContractCheck();

    @BeforeAll
    static void startSimulator() {
        simulator = FrameioSimulator.builder().rateLimits(false).webhookRetryScale(0.001)
                .observe(CONTRACT).start();
        fx = simulator.fixtures();
    }

    @AfterAll
    static void stopSimulator() {
        simulator.close();
    }

    @BeforeEach
    void resetSimulator() {
        simulator.reset();
        CONTRACT.clear();
    }

    @AfterEach
    void requestsFollowedTheContract() {
        assertEquals(java.util.List.of(), CONTRACT.violations(), "requests that break Frame.io's contract");
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        FrameioSharesComponent component = context.getComponent("frameio-shares", FrameioSharesComponent.class);
        configure(component.getConfiguration());
        return context;
    }

    /**
     * Points the component at the simulator with the static token, with back-offs of milliseconds instead of seconds
     * so that retries do not slow the tests; override to authenticate otherwise.
     */
    protected void configure(FrameioSharesConfiguration config) {
        pointAt(simulator, config);
    }

    /** The component's options for a simulator: its URLs, static token, account and project, fast back-offs. */
    public static void pointAt(FrameioSimulator sim, FrameioSharesConfiguration config) {
        SimulatorFixtures f = sim.fixtures();
        config.setBaseUrl(f.baseUrl());
        config.setImsUrl(f.imsUrl());
        config.setAccessToken(f.token());
        config.setAccountId(f.accountId());
        config.setProjectId(f.projectId());
        config.setInitialBackoff(10);
        config.setServerErrorBackoff(10);
        config.setMaxBackoff(100);
        config.setReconcileWindow(500);
    }

    /** A started context of its own, pointed at {@code sim} and then adjusted by {@code settings}. */
    public static CamelContext startContext(FrameioSimulator sim, java.util.function.Consumer<FrameioSharesConfiguration> settings) {
        CamelContext context = new org.apache.camel.impl.DefaultCamelContext();
        FrameioSharesConfiguration config = context.getComponent("frameio-shares", FrameioSharesComponent.class)
                .getConfiguration();
        pointAt(sim, config);
        settings.accept(config);
        context.start();
        return context;
    }

    /** Sends to an endpoint and returns the exchange (with its exception, if any). */
    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getMessage().setBody(body);
            if (headers != null) {
                e.getMessage().setHeaders(new java.util.HashMap<>(headers));
            }
        });
    }

    protected Exchange send(String uri, Object body) {
        return send(uri, body, null);
    }

    /** Sends and fails the test if the exchange failed. */
    protected Exchange call(String uri, Object body, Map<String, Object> headers) {
        Exchange exchange = send(uri, body, headers);
        if (exchange.getException() != null) {
            throw new AssertionError("exchange failed: " + exchange.getException(), exchange.getException());
        }
        return exchange;
    }

    protected Exchange call(String uri, Object body) {
        return call(uri, body, null);
    }

    protected static long apiCalls(String operationId) {
        return simulator.requests().count(operationId);
    }
}
