package io.github.camelframeio.examples.replicas;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three replica JVMs on one PostgreSQL and one simulator, while the web app changes shares: the leader is killed
 * ({@code kill -9}), the next leader is frozen ({@code SIGSTOP}) past its lease and resumed, and the third is stopped
 * gracefully ({@code SIGTERM}). Nothing may be lost or emitted twice after the idempotent step, at most one batch
 * repeated before it per crash, and every takeover must come within the lease plus one poll.
 */
@EnabledOnOs(OS.LINUX) // SIGSTOP and SIGCONT through kill(1)
class FailoverTest {

    private static ReplicaDatabase database;
    private static FrameioSimulator simulator;
    private static int databases;

    /** Kept after the run: each replica's output, for when a check fails. */
    private Path work;

    @BeforeAll
    static void start() {
        database = ReplicaDatabase.start();
        simulator = FrameioSimulator.builder().rateLimits(false).start();
    }

    @AfterAll
    static void stop() {
        simulator.close();
        database.close();
    }

    @BeforeEach
    void reset(TestInfo test) throws IOException {
        simulator.reset();
        work = Path.of("target", "failover", test.getTestMethod().orElseThrow().getName());
        if (Files.exists(work)) {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(work);
    }

    @Test
    void fileLockFailoverLosesAndRepeatsNothing() {
        FailoverReport report = run(new FileLockCluster(work.resolve("cluster"), Duration.ofMillis(500), 3));

        assertNothingLostOrRepeated(report);
        // the frozen leader keeps the OS lock: nobody takes over, and it carries on when resumed
        FailoverReport.Action pause = action(report, "PAUSE");
        assertEquals(null, pause.takeoverBy(), () -> "a replica took over from a frozen file-lock holder\n" + text(report));
    }

    @Test
    void kubernetesLeaseFailoverLosesAndRepeatsNothing() {
        try (KubernetesLeaseCluster cluster = new KubernetesLeaseCluster(Duration.ofMillis(4000),
                Duration.ofMillis(3000), Duration.ofMillis(500))) {
            FailoverReport report = run(cluster);

            assertNothingLostOrRepeated(report);
            // the frozen leader's lease ran out: another replica led while it was frozen
            FailoverReport.Action pause = action(report, "PAUSE");
            assertTrue(pause.takeoverBy() != null && !pause.takeoverBy().equals(pause.replica()),
                    () -> "nobody took over from the frozen leader\n" + text(report));
        }
    }

    private FailoverReport run(ClusterSetup cluster) {
        FailoverScenario.Settings settings = new FailoverScenario.Settings(3, 6, Duration.ofMillis(150),
                Duration.ofMillis(500), Duration.ofSeconds(1),
                List.of(FailoverScenario.Step.KILL, FailoverScenario.Step.PAUSE, FailoverScenario.Step.TERMINATE),
                Duration.ofSeconds(40), work);
        String jdbcUrl = database.createDatabase("failover_" + (++databases));
        FailoverReport report = new FailoverScenario(settings, cluster, simulator, jdbcUrl, System.out).run();
        report.print(System.out);
        return report;
    }

    private static void assertNothingLostOrRepeated(FailoverReport report) {
        assertEquals(List.of(), report.failures(), () -> text(report));
        assertTrue(report.expected().size() > 6, () -> "the web app changed nothing while replicas failed\n" + text(report));
        assertEquals(List.of(), report.lost(), () -> text(report));
        assertEquals(0, report.duplicatesAfterIdempotent(), () -> text(report));
        assertTrue(report.duplicatesBeforeIdempotent() <= report.allowedDuplicatesBeforeIdempotent(), () -> text(report));
        for (FailoverReport.Action action : report.disruptions()) {
            if (action.takeoverBy() != null) {
                assertTrue(action.takeover() <= report.takeoverBound().toMillis(), () -> text(report));
            }
        }
        assertTrue(action(report, "KILL").takeoverBy() != null, () -> text(report));
        assertTrue(action(report, "TERMINATE").takeoverBy() != null, () -> text(report));
    }

    private static FailoverReport.Action action(FailoverReport report, String kind) {
        return report.disruptions().stream().filter(a -> a.kind().equals(kind)).findFirst().orElseThrow();
    }

    private static String text(FailoverReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
