package io.github.camelframeio.frameio.simulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.util.function.UnaryOperator;

/**
 * JUnit 5 extension that runs one simulator per test class and resets it before each test.
 * <p>
 * Either {@code @ExtendWith(FrameioSimulatorExtension.class)} and take a {@link FrameioSimulator} or
 * {@link SimulatorFixtures} parameter, or configure it in a static field:
 *
 * <pre>{@code
 * @RegisterExtension
 * static FrameioSimulatorExtension frameio = FrameioSimulatorExtension.create(b -> b.rateLimits(false));
 *
 * @Test
 * void createsShare() {
 *     String url = frameio.baseUrl();
 *     String token = frameio.fixtures().token();
 * }
 * }</pre>
 */
public final class FrameioSimulatorExtension
        implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

    private final UnaryOperator<FrameioSimulator.Builder> settings;
    private final boolean resetBeforeEach;
    private FrameioSimulator simulator;

    /** Defaults: free port, rate limits on, reset before each test. */
    public FrameioSimulatorExtension() {
        this(UnaryOperator.identity(), true);
    }

    private FrameioSimulatorExtension(UnaryOperator<FrameioSimulator.Builder> settings, boolean resetBeforeEach) {
        this.settings = settings;
        this.resetBeforeEach = resetBeforeEach;
    }

    /** An extension whose simulator is configured by {@code settings}. */
    public static FrameioSimulatorExtension create(UnaryOperator<FrameioSimulator.Builder> settings) {
        return new FrameioSimulatorExtension(settings, true);
    }

    /** The same extension, keeping state between the tests of a class. */
    public FrameioSimulatorExtension keepStateBetweenTests() {
        return new FrameioSimulatorExtension(settings, false);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (simulator == null) {
            simulator = settings.apply(FrameioSimulator.builder()).start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        beforeAll(context);
        if (resetBeforeEach) {
            simulator.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (simulator != null) {
            simulator.close();
            simulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FrameioSimulator.class || type == SimulatorFixtures.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        beforeAll(context);
        return parameter.getParameter().getType() == FrameioSimulator.class ? simulator : simulator.fixtures();
    }

    /** The running simulator (started on first use). */
    public FrameioSimulator simulator() {
        if (simulator == null) {
            throw new IllegalStateException("The simulator starts before the first test of the class");
        }
        return simulator;
    }

    public String baseUrl() {
        return simulator().baseUrl();
    }

    public SimulatorFixtures fixtures() {
        return simulator().fixtures();
    }
}
