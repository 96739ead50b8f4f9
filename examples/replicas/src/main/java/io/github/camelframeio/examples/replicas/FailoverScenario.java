package io.github.camelframeio.examples.replicas;

import io.github.camelframeio.frameio.simulator.FrameioSimulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Runs replicas of the share feed against one simulator and one database and fails them while the web app changes
 * shares: {@code kill -9} the leader, pause the next leader past its lease and resume it, stop the third leader with
 * {@code SIGTERM}. Returns what happened as a {@link FailoverReport}.
 * <p>
 * Waits are for conditions the replicas print (started, first poll, events emitted), each with a deadline; the only
 * timed wait is the pause itself, which must outlast the lease.
 */
public final class FailoverScenario {

    /**
     * How the scenario runs.
     *
     * @param replicas          how many replica JVMs (two are enough for kill and pause; the third is stopped)
     * @param initialShares     shares that exist before the replicas start (emitted as created, changed later)
     * @param changeInterval    how often the web app changes something
     * @param pollDelay         the consumer's {@code delay}
     * @param pauseBeyondLease  how much longer than the lease the paused replica stays frozen
     * @param steps             the disruptions, in order
     * @param deadline          the longest any one wait may take
     * @param workDir           replica output files and the file lock's directory
     */
    public record Settings(int replicas, int initialShares, Duration changeInterval, Duration pollDelay,
                           Duration pauseBeyondLease, List<Step> steps, Duration deadline, Path workDir) {

        /** The example's: three replicas; kill, pause and stop the leader in turn. */
        public static Settings of(Path workDir) {
            return new Settings(3, 12, Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(2),
                    List.of(Step.KILL, Step.PAUSE, Step.TERMINATE), Duration.ofSeconds(60), workDir);
        }

        public Settings withSteps(Step... newSteps) {
            return new Settings(replicas, initialShares, changeInterval, pollDelay, pauseBeyondLease, List.of(newSteps),
                    deadline, workDir);
        }

        public Settings withReplicas(int count) {
            return new Settings(count, initialShares, changeInterval, pollDelay, pauseBeyondLease, steps, deadline,
                    workDir);
        }
    }

    /** What the launcher does to the current leader. */
    public enum Step {
        /** {@code kill -9}. */
        KILL,
        /** {@code kill -STOP}, then {@code kill -CONT} once the lease has passed. */
        PAUSE,
        /** {@code kill -TERM}: a graceful stop. */
        TERMINATE
    }

    private final Settings settings;
    private final ClusterSetup cluster;
    private final FrameioSimulator simulator;
    private final String jdbcUrl;
    private final PrintStream progress;
    private final Map<String, ReplicaProcess> replicas = new LinkedHashMap<>();
    private final List<FailoverReport.Action> actions = new ArrayList<>();
    private final Set<String> gone = new HashSet<>();

    public FailoverScenario(Settings settings, ClusterSetup cluster, FrameioSimulator simulator, String jdbcUrl,
                            PrintStream progress) {
        this.settings = settings;
        this.cluster = cluster;
        this.simulator = simulator;
        this.jdbcUrl = jdbcUrl;
        this.progress = progress;
    }

    public FailoverReport run() {
        long start = System.currentTimeMillis();
        WebAppChanges changes = new WebAppChanges(simulator, simulator.fixtures().projectId());
        changes.createInitial(settings.initialShares());
        ScheduledExecutorService webApp = Executors.newSingleThreadScheduledExecutor();
        List<String> failures = new ArrayList<>();
        try {
            for (int i = 1; i <= settings.replicas(); i++) {
                startReplica("replica-" + i);
            }
            await("every replica started", () -> replicas.values().stream()
                    .allMatch(r -> has(r, ReplicaLine.Kind.STARTED)));
            ReplicaProcess leader = awaitFirstPoll(start, null, settings.deadline())
                    .orElseThrow(() -> new IllegalStateException("No replica polled within " + settings.deadline()));
            await("the " + settings.initialShares() + " shares made before the start emitted",
                    () -> emittedChanges().containsAll(changes.expected()));
            progress.println("Leader " + leader.name() + "; the web app starts changing shares");
            webApp.scheduleWithFixedDelay(() -> change(changes), 0, settings.changeInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
            for (Step step : settings.steps()) {
                awaitEventsSince(lastActionOr(start), 2);
                // a busy machine can move the leadership on its own: disrupt whoever leads now
                leader = currentLeader().orElse(leader);
                Optional<ReplicaProcess> next = disrupt(step, leader);
                if (next.isEmpty()) {
                    failures.add("no replica took over after " + step + " of " + leader.name());
                    break;
                }
                leader = next.get();
            }
            awaitEventsSince(lastActionOr(start), 2);
        } catch (IllegalStateException e) {
            failures.add(e.getMessage());
        } finally {
            webApp.shutdownNow();
            awaitQuietly(webApp);
        }
        List<String> expected = changes.expected();
        if (failures.isEmpty()) {
            try {
                await("every change emitted", () -> emittedChanges().containsAll(expected));
                // one more full poll, so that a late duplicate would show
                long lists = simulator.requests().count("shares.index");
                await("two more polls", () -> simulator.requests().count("shares.index") >= lists + 2);
            } catch (IllegalStateException e) {
                // the report names what is missing
            }
        }
        stopAll();
        List<ReplicaLine> lines = replicas.values().stream().flatMap(r -> r.lines().stream())
                .sorted(Comparator.comparingLong(ReplicaLine::time)).toList();
        return new FailoverReport(cluster.describe(), start, cluster.lease(), settings.pollDelay(), List.copyOf(actions),
                lines, expected, failures);
    }

    private Optional<ReplicaProcess> disrupt(Step step, ReplicaProcess victim) {
        long at = System.currentTimeMillis();
        Duration takeoverDeadline = cluster.lease().plus(settings.pollDelay()).plusSeconds(10);
        boolean takeoverExpected = step != Step.PAUSE || cluster.takeoverOnPause();
        Optional<ReplicaProcess> next;
        switch (step) {
            case KILL -> {
                progress.println("kill -9 " + victim);
                victim.kill();
                gone(victim);
                next = awaitFirstPoll(at, victim, takeoverDeadline);
            }
            case TERMINATE -> {
                progress.println("kill -TERM " + victim);
                victim.terminate();
                gone(victim);
                next = awaitFirstPoll(at, victim, takeoverDeadline);
                if (!victim.awaitExit(settings.deadline().toSeconds())) {
                    throw new IllegalStateException(victim + " did not stop within " + settings.deadline());
                }
            }
            default -> {
                progress.println("kill -STOP " + victim + " for the lease and " + settings.pauseBeyondLease().toMillis()
                                 + " ms");
                victim.pause();
                cluster.replicaPaused(victim.name());
                next = takeoverExpected ? awaitFirstPoll(at, victim, takeoverDeadline) : Optional.empty();
                // the one timed wait: a pause is a duration, and it must outlast the lease
                sleepUntil(at + cluster.lease().plus(settings.pauseBeyondLease()).toMillis());
                if (next.isEmpty()) {
                    next = firstPollAfter(at, victim);
                }
                progress.println("kill -CONT " + victim);
                long resumed = System.currentTimeMillis();
                victim.resume();
                cluster.replicaResumed(victim.name());
                actions.add(new FailoverReport.Action(resumed, "RESUME", victim.name(), null, -1, -1, false));
            }
        }
        long leadership = next.flatMap(r -> timeOf(r, ReplicaLine.Kind.LEADERSHIP_TAKEN, at)).map(t -> t - at)
                .orElse(-1L);
        long firstPoll = next.flatMap(r -> timeOf(r, ReplicaLine.Kind.FIRST_POLL, at)).map(t -> t - at).orElse(-1L);
        actions.add(new FailoverReport.Action(at, step.name(), victim.name(), next.map(ReplicaProcess::name).orElse(null),
                leadership, firstPoll, takeoverExpected));
        if (next.isEmpty() && !takeoverExpected) {
            progress.println("Nobody took over from the frozen " + victim.name() + " (" + cluster.name()
                             + " keeps its lock); it carries on");
            return Optional.of(victim);
        }
        next.ifPresent(r -> progress.println(r.name() + " leads"));
        return next;
    }

    private void change(WebAppChanges changes) {
        try {
            changes.change();
        } catch (RuntimeException e) {
            progress.println("A web-app change failed: " + e);
        }
    }

    private void startReplica(String name) {
        cluster.replicaStarting(name);
        Map<String, String> properties = new LinkedHashMap<>(cluster.replicaProperties(name));
        properties.put("replica.cluster", cluster.name());
        properties.put("replica.jdbc-url", jdbcUrl);
        properties.put("replica.frameio-base-url", simulator.baseUrl());
        properties.put("replica.account-id", simulator.fixtures().accountId());
        properties.put("replica.project-id", simulator.fixtures().projectId());
        properties.put("replica.poll-delay", Long.toString(settings.pollDelay().toMillis()));
        ReplicaProcess replica = ReplicaProcess.start(name, properties,
                Map.of("FRAMEIO_ACCESS_TOKEN", simulator.fixtures().token()),
                settings.workDir().resolve(name + ".out"));
        replicas.put(name, replica);
        actions.add(new FailoverReport.Action(System.currentTimeMillis(), "START", name, null, -1, -1, false));
        progress.println("Started " + replica);
    }

    private void gone(ReplicaProcess replica) {
        gone.add(replica.name());
        cluster.replicaGone(replica.name());
    }

    private void stopAll() {
        for (ReplicaProcess replica : replicas.values()) {
            if (replica.alive()) {
                replica.resume(); // harmless when it runs; a paused JVM would not see SIGTERM
                replica.terminate();
            }
        }
        for (ReplicaProcess replica : replicas.values()) {
            if (!replica.awaitExit(20)) {
                replica.kill();
            }
        }
    }

    private Optional<ReplicaProcess> awaitFirstPoll(long after, ReplicaProcess victim, Duration deadline) {
        long until = System.currentTimeMillis() + deadline.toMillis();
        while (System.currentTimeMillis() < until) {
            Optional<ReplicaProcess> next = firstPollAfter(after, victim);
            if (next.isPresent()) {
                return next;
            }
            pollPause();
        }
        return Optional.empty();
    }

    /** The replica (other than {@code victim}) whose first poll of a leadership came first after {@code after}. */
    private Optional<ReplicaProcess> firstPollAfter(long after, ReplicaProcess victim) {
        ReplicaProcess best = null;
        long bestTime = Long.MAX_VALUE;
        for (ReplicaProcess replica : replicas.values()) {
            Optional<Long> time = replica == victim ? Optional.empty() : timeOf(replica, ReplicaLine.Kind.FIRST_POLL, after);
            if (time.isPresent() && time.get() < bestTime) {
                best = replica;
                bestTime = time.get();
            }
        }
        return Optional.ofNullable(best);
    }

    /** The running replica whose latest leadership it has not lost since, the most recent one if several say so. */
    private Optional<ReplicaProcess> currentLeader() {
        ReplicaProcess best = null;
        long bestTaken = -1;
        for (ReplicaProcess replica : replicas.values()) {
            if (gone.contains(replica.name()) || !replica.alive()) {
                continue;
            }
            long taken = -1;
            long lost = -1;
            for (ReplicaLine line : replica.lines()) {
                if (line.kind() == ReplicaLine.Kind.LEADERSHIP_TAKEN) {
                    taken = line.time();
                } else if (line.kind() == ReplicaLine.Kind.LEADERSHIP_LOST) {
                    lost = line.time();
                }
            }
            if (taken > lost && taken > bestTaken) {
                best = replica;
                bestTaken = taken;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Optional<Long> timeOf(ReplicaProcess replica, ReplicaLine.Kind kind, long after) {
        return replica.lines().stream().filter(l -> l.kind() == kind && l.time() >= after).map(ReplicaLine::time)
                .findFirst();
    }

    private void awaitEventsSince(long since, int count) {
        await(count + " events emitted since the last step", () -> replicas.values().stream()
                .flatMap(r -> r.lines().stream())
                .filter(l -> l.kind() == ReplicaLine.Kind.EMITTED && l.time() >= since).count() >= count);
    }

    private Set<String> emittedChanges() {
        Set<String> emitted = new HashSet<>();
        for (ReplicaProcess replica : replicas.values()) {
            for (ReplicaLine line : replica.lines()) {
                if (line.kind() == ReplicaLine.Kind.EMITTED) {
                    emitted.add(line.change());
                }
            }
        }
        return emitted;
    }

    private long lastActionOr(long start) {
        return actions.stream().mapToLong(FailoverReport.Action::time).max().orElse(start);
    }

    private static boolean has(ReplicaProcess replica, ReplicaLine.Kind kind) {
        return replica.lines().stream().anyMatch(l -> l.kind() == kind);
    }

    private void await(String what, BooleanSupplier condition) {
        long until = System.currentTimeMillis() + settings.deadline().toMillis();
        while (!condition.getAsBoolean()) {
            for (ReplicaProcess replica : replicas.values()) {
                if (!replica.alive() && !gone.contains(replica.name())) {
                    throw new IllegalStateException(replica + " exited while waiting for " + what + "; see "
                                                    + replica.output());
                }
            }
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("Gave up waiting for " + what + " after " + settings.deadline());
            }
            pollPause();
        }
    }

    private static void pollPause() {
        sleepUntil(System.currentTimeMillis() + 50);
    }

    private static void sleepUntil(long epochMillis) {
        long left;
        while ((left = epochMillis - System.currentTimeMillis()) > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted", e);
            }
        }
    }

    private static void awaitQuietly(ScheduledExecutorService executor) {
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
