package io.github.camelframeio.examples.replicas;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The example in one command: an embedded PostgreSQL, the simulator and three replica JVMs electing their leader
 * with Camel's file lock; the web app changes shares while the leader is killed, the next one paused past its lease
 * and resumed, and the third stopped gracefully. Prints who led when, every event each replica emitted and the check,
 * and exits 1 when the check fails.
 */
public final class ReplicasDemo {

    private ReplicasDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("replicas.work-dir", "target/replicas"));
        Files.createDirectories(work);
        Path lock = Files.createTempDirectory(work, "cluster-");
        System.out.println("Starting PostgreSQL (embedded) and the Frame.io simulator");
        FailoverReport report;
        try (ReplicaDatabase database = ReplicaDatabase.start();
             FrameioSimulator simulator = FrameioSimulator.builder().rateLimits(false).start()) {
            String jdbcUrl = database.createDatabase("frameio_replicas");
            ClusterSetup cluster = new FileLockCluster(lock, Duration.ofSeconds(1), 3);
            System.out.println("Replicas elect their leader with " + cluster.describe() + "; output in " + work);
            report = new FailoverScenario(FailoverScenario.Settings.of(work), cluster, simulator, jdbcUrl, System.out)
                    .run();
        }
        report.print(System.out);
        System.exit(report.passed() ? 0 : 1);
    }
}
