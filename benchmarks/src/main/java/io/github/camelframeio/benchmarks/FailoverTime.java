package io.github.camelframeio.benchmarks;

import io.github.camelframeio.examples.replicas.FailoverReport;
import io.github.camelframeio.examples.replicas.FailoverScenario;
import io.github.camelframeio.examples.replicas.FileLockCluster;
import io.github.camelframeio.examples.replicas.ReplicaDatabase;
import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark 8: how long the share feed stops when its leader goes, with the replicas example's launcher
 * (examples/replicas): three replica JVMs on one embedded PostgreSQL and the simulator, electing their leader with
 * Camel's file lock at the example's settings (acquireLockInterval 1 s, heartbeatTimeoutMultiplier 3); the web app
 * changes shares while the leader is killed ({@code kill -9}) and then the next one stopped ({@code SIGTERM}). Each
 * run is a fresh set of JVMs; the takeover is the time from the signal to the new leader's consumer start, and to its
 * first poll. Every run must also pass the example's check (nothing lost, nothing repeated after the idempotent step).
 */
final class FailoverTime extends Benchmark {

    private static final Duration INTERVAL = Duration.ofSeconds(1);
    private static final int MULTIPLIER = 3;

    FailoverTime(Settings settings) {
        super(settings);
    }

    private int runs() {
        return Math.max(1, settings.startupRuns());
    }

    @Override
    String run(Path out) throws Exception {
        List<Double> killLeader = new ArrayList<>();
        List<Double> killPoll = new ArrayList<>();
        List<Double> termLeader = new ArrayList<>();
        List<Double> termPoll = new ArrayList<>();
        int events = 0;
        Path work = Files.createTempDirectory("frameio-failover-bench");
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        try (ReplicaDatabase database = ReplicaDatabase.start();
             FrameioSimulator sim = FrameioSimulator.builder().rateLimits(false).recentRequests(10).start()) {
            for (int run = 1; run <= runs(); run++) {
                sim.reset();
                Path dir = work.resolve("run-" + run);
                FailoverScenario.Settings scenario = FailoverScenario.Settings.of(dir)
                        .withSteps(FailoverScenario.Step.KILL, FailoverScenario.Step.TERMINATE);
                FailoverReport report = new FailoverScenario(scenario,
                        new FileLockCluster(dir.resolve("cluster"), INTERVAL, MULTIPLIER), sim,
                        database.createDatabase("failover_bench_" + run), quiet).run();
                if (!report.passed()) {
                    report.print(System.out);
                    throw new IllegalStateException("failover run " + run + " failed its check: " + report.failures());
                }
                for (FailoverReport.Action action : report.disruptions()) {
                    List<Double> leader = action.kind().equals("KILL") ? killLeader : termLeader;
                    List<Double> poll = action.kind().equals("KILL") ? killPoll : termPoll;
                    leader.add(action.takeover() / 1000.0);
                    poll.add(action.firstPoll() / 1000.0);
                }
                events += report.expected().size();
                Harness.log("failover run %d: kill -9 %d ms, SIGTERM %d ms", run, report.disruptions().get(0).takeover(),
                        report.disruptions().get(1).takeover());
            }
        }
        Stats.Spread kl = Stats.Spread.of(killLeader);
        Stats.Spread kp = Stats.Spread.of(killPoll);
        Stats.Spread tl = Stats.Spread.of(termLeader);
        Stats.Spread tp = Stats.Spread.of(termPoll);
        figures.put("killTakeoverSeconds", kl.median());
        figures.put("killTakeoverMaxSeconds", kl.max());
        figures.put("terminateTakeoverSeconds", tl.median());
        figures.put("terminateTakeoverMaxSeconds", tl.max());
        figures.put("killFirstPollSeconds", kp.median());
        figures.put("terminateFirstPollSeconds", tp.median());
        return "## 8. Failover time\n\n"
               + "How long the change feed stops when its leader goes: the replicas example's launcher"
               + " ([examples/replicas](../examples/replicas/README.md)) with three replica JVMs on one embedded"
               + " PostgreSQL, the file lock at the example's settings (`acquireLockInterval` 1 s,"
               + " `heartbeatTimeoutMultiplier` 3) and a poll every 500 ms, while the web app changes shares; in each of "
               + runs() + " runs (fresh JVMs) the leader is killed, then the next leader stopped. Seconds from the"
               + " signal to the next leader's consumer start, and to its first poll (the consumer reads its state"
               + " from PostgreSQL in between); every run also passed the example's check (" + events
               + " changes in all, none lost, none repeated after the idempotent step):\n\n"
               + "| Leader | Takeover s, median (min–max) | First poll s, median (min–max) |\n|---|---|---|\n"
               + "| `kill -9` | " + kl.format(1) + " | " + kp.format(1) + " |\n"
               + "| `SIGTERM` (graceful) | " + tl.format(1) + " | " + tp.format(1) + " |\n\n"
               + "A killed leader's lock is free at once, but its followers wait until its heartbeat is"
               + " `heartbeatTimeoutMultiplier` intervals old; a stopping leader gives the lock up, and the next"
               + " follower to try takes it. The Kubernetes Lease service does not give its lease up on a graceful stop;"
               + " see [Deployment](deployment.md#what-a-failover-costs) for both services.\n\n";
    }
}
