package io.github.camelframeio.benchmarks;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesComponent;
import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;

import java.lang.management.ManagementFactory;
import java.util.function.Consumer;

/** What the benchmarks share: a Camel context pointed at a simulator, and heap readings. */
final class Harness {

    private Harness() {
    }

    /** A Camel context (not started) whose frameio-shares component talks to {@code sim} with its static token. */
    static CamelContext context(FrameioSimulator sim, Consumer<FrameioSharesConfiguration> settings) {
        CamelContext context = new DefaultCamelContext();
        context.getShutdownStrategy().setTimeout(5);
        FrameioSharesConfiguration config = context.getComponent("frameio-shares", FrameioSharesComponent.class)
                .getConfiguration();
        SimulatorFixtures f = sim.fixtures();
        config.setBaseUrl(f.baseUrl());
        config.setImsUrl(f.imsUrl());
        config.setAccessToken(f.token());
        config.setAccountId(f.accountId());
        config.setProjectId(f.projectId());
        settings.accept(config);
        return context;
    }

    /** Used heap after a few collections, in bytes: what is retained, not what is garbage. */
    static long retainedHeap() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench] " + format + "%n", args);
    }
}
