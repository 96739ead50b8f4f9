package io.github.camelframeio.examples.replicas;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a {@link FailoverScenario} saw, and the check: every change the web app made emitted once after the
 * idempotent step (none lost, none repeated), at most one poll's batch repeated before it per crash, every takeover
 * within the lease plus one poll, and followers ready while not leading.
 *
 * @param cluster   the cluster service, described
 * @param start     when the scenario started (epoch ms)
 * @param lease     the cluster service's lease
 * @param pollDelay the consumer's delay
 * @param actions   what the launcher did, in order
 * @param lines     every fact the replicas printed, by time
 * @param expected  the events the web app's changes promise, {@code shareId eventType}
 * @param problems  what went wrong while running (a replica that never started, a wait that timed out)
 */
public record FailoverReport(String cluster, long start, Duration lease, Duration pollDelay, List<Action> actions,
                             List<ReplicaLine> lines, List<String> expected, List<String> problems) {

    /**
     * One thing the launcher did.
     *
     * @param time       when (epoch ms)
     * @param kind       {@code START}, {@code KILL}, {@code PAUSE}, {@code RESUME} or {@code TERMINATE}
     * @param replica    to which replica
     * @param takeoverBy for KILL, PAUSE and TERMINATE: the replica that led next, or null
     * @param takeover   milliseconds from the action to that replica's leadership (its consumer starts), or -1
     * @param firstPoll  milliseconds from the action to that replica's first poll, or -1
     * @param takeoverExpected whether the cluster service must hand the leadership over after this action
     */
    public record Action(long time, String kind, String replica, String takeoverBy, long takeover, long firstPoll,
                         boolean takeoverExpected) {

        boolean disruptive() {
            return kind.equals("KILL") || kind.equals("PAUSE") || kind.equals("TERMINATE");
        }

        boolean crash() {
            return kind.equals("KILL") || kind.equals("PAUSE");
        }
    }

    /** How many times each change was emitted after the idempotent step. */
    public Map<String, Long> emitted() {
        return count(ReplicaLine.Kind.EMITTED, ReplicaLine::change);
    }

    /** Changes promised and never emitted. */
    public List<String> lost() {
        Map<String, Long> emitted = emitted();
        return expected.stream().filter(e -> !emitted.containsKey(e)).toList();
    }

    /** Changes emitted that no web-app change promised. */
    public List<String> unexpected() {
        Set<String> promised = new LinkedHashSet<>(expected);
        return emitted().keySet().stream().filter(e -> !promised.contains(e)).toList();
    }

    /** Emissions beyond the first of each change, after the idempotent step. */
    public long duplicatesAfterIdempotent() {
        return emitted().values().stream().mapToLong(n -> n - 1).sum();
    }

    /** Events the route saw more than once (by event id), before the idempotent step. */
    public long duplicatesBeforeIdempotent() {
        return count(ReplicaLine.Kind.SEEN, ReplicaLine::eventId).values().stream().mapToLong(n -> n - 1).sum();
    }

    /**
     * How many repeats before the idempotent step the crashes allow: for each kill or pause, the batch its leader was
     * emitting then (the size of the last batch it had started), since a successor emits again what the state had
     * not recorded yet, and nothing older.
     */
    public long allowedDuplicatesBeforeIdempotent() {
        long allowed = 0;
        // a frozen leader that nobody replaced repeats nothing: it carries on where it was
        for (Action crash : actions.stream().filter(a -> a.crash() && a.takeoverBy() != null).toList()) {
            allowed += lines.stream()
                    .filter(l -> l.kind() == ReplicaLine.Kind.SEEN && l.replica().equals(crash.replica())
                                 && l.time() <= crash.time())
                    .reduce((first, second) -> second).map(ReplicaLine::batchSize).orElse(0);
        }
        return allowed;
    }

    /** Kills and pauses that someone took over from: each may repeat the batch its leader was in the middle of. */
    public long crashes() {
        return actions.stream().filter(a -> a.crash() && a.takeoverBy() != null).count();
    }

    /** The bound every takeover must meet: the lease plus one poll. */
    public Duration takeoverBound() {
        return lease.plus(pollDelay);
    }

    /** The takeover time of each disruption, in order, -1 where nobody took over. */
    public List<Action> disruptions() {
        return actions.stream().filter(Action::disruptive).toList();
    }

    /** READINESS lines of replicas that were not leading then. */
    public List<ReplicaLine> followerReadiness() {
        return lines.stream().filter(l -> l.kind() == ReplicaLine.Kind.READINESS && l.detail().contains("leading=false"))
                .toList();
    }

    /** Everything the check found wrong; empty when it passed. */
    public List<String> failures() {
        List<String> failures = new ArrayList<>(problems);
        if (!lost().isEmpty()) {
            failures.add(lost().size() + " change(s) lost: " + lost());
        }
        if (!unexpected().isEmpty()) {
            failures.add(unexpected().size() + " event(s) no change promised: " + unexpected());
        }
        if (duplicatesAfterIdempotent() > 0) {
            failures.add(duplicatesAfterIdempotent() + " duplicate(s) after the idempotent step");
        }
        if (duplicatesBeforeIdempotent() > allowedDuplicatesBeforeIdempotent()) {
            failures.add(duplicatesBeforeIdempotent() + " duplicate(s) before the idempotent step, more than the "
                         + allowedDuplicatesBeforeIdempotent() + " of the batches in flight at the " + crashes()
                         + " crash(es)");
        }
        for (Action action : disruptions()) {
            if (action.takeover() < 0) {
                if (action.takeoverExpected()) {
                    failures.add("nobody took over after " + action.kind() + " of " + action.replica());
                }
            } else if (action.takeover() > takeoverBound().toMillis()) {
                failures.add("takeover after " + action.kind() + " of " + action.replica() + " took "
                             + action.takeover() + " ms, more than the lease plus one poll ("
                             + takeoverBound().toMillis() + " ms)");
            }
        }
        for (ReplicaLine readiness : followerReadiness()) {
            if (!readiness.detail().startsWith("UP")) {
                failures.add(readiness.replica() + " reported not ready while following: " + readiness.detail());
            }
        }
        if (followerReadiness().isEmpty()) {
            failures.add("no follower reported its readiness");
        }
        return failures;
    }

    public boolean passed() {
        return failures().isEmpty();
    }

    /** Who led when, every event each replica emitted, and the check. */
    public void print(PrintStream out) {
        out.println();
        out.println("Cluster: " + cluster + "; poll delay " + pollDelay.toMillis() + " ms");
        out.println();
        out.println("Who led when (seconds since the start):");
        Set<ReplicaLine.Kind> timeline = EnumSet.of(ReplicaLine.Kind.STARTED, ReplicaLine.Kind.READINESS,
                ReplicaLine.Kind.LEADERSHIP_TAKEN, ReplicaLine.Kind.LEADERSHIP_LOST, ReplicaLine.Kind.FIRST_POLL,
                ReplicaLine.Kind.POLL_FAILED, ReplicaLine.Kind.STOPPING);
        TreeMap<Long, List<String>> rows = new TreeMap<>();
        for (Action action : actions) {
            String takeover = action.takeoverBy() == null ? ""
                    : "  -> " + action.takeoverBy() + " leads " + action.takeover() + " ms later, polls after "
                      + action.firstPoll() + " ms";
            rows.computeIfAbsent(action.time(), t -> new ArrayList<>())
                    .add(String.format("%-10s %s%s", "launcher", verb(action.kind()) + " " + action.replica(), takeover));
        }
        for (ReplicaLine line : lines) {
            if (timeline.contains(line.kind())) {
                rows.computeIfAbsent(line.time(), t -> new ArrayList<>())
                        .add(String.format("%-10s %s %s", line.replica(), line.kind(), line.detail()).stripTrailing());
            }
        }
        rows.forEach((time, texts) -> texts.forEach(text -> out.printf("  %7.2f  %s%n", (time - start) / 1000.0, text)));
        out.println();
        out.println("Events each replica emitted after the idempotent step (seconds, share, type):");
        Map<String, List<ReplicaLine>> byReplica = lines.stream().filter(l -> l.kind() == ReplicaLine.Kind.EMITTED)
                .collect(Collectors.groupingBy(ReplicaLine::replica, TreeMap::new, Collectors.toList()));
        byReplica.forEach((replica, events) -> {
            out.println("  " + replica + ": " + events.size());
            events.forEach(e -> out.printf("    %7.2f  %s  %s%n", (e.time() - start) / 1000.0, e.shareId(), e.eventType()));
        });
        out.println();
        out.printf("Check: %d changes made, %d emitted, %d lost, %d duplicate(s) after the idempotent step;%n",
                expected.size(), emitted().size(), lost().size(), duplicatesAfterIdempotent());
        out.printf("       %d duplicate(s) before it (allowed: the batches in flight at the %d crash(es), %d);%n",
                duplicatesBeforeIdempotent(), crashes(), allowedDuplicatesBeforeIdempotent());
        out.printf("       takeovers %s (allowed: lease + one poll = %d ms); followers ready: %s%n",
                disruptions().stream().map(a -> a.kind() + " " + (a.takeover() < 0 ? "none" : a.takeover() + " ms (first poll "
                        + a.firstPoll() + " ms)"))
                        .collect(Collectors.joining(", ")),
                takeoverBound().toMillis(),
                followerReadiness().stream().map(l -> l.replica() + " " + l.detail().split(" ")[0])
                        .collect(Collectors.joining(", ")));
        List<String> failures = failures();
        out.println(failures.isEmpty() ? "PASSED" : "FAILED:");
        failures.forEach(f -> out.println("  - " + f));
    }

    private static String verb(String kind) {
        return switch (kind) {
            case "START" -> "started";
            case "KILL" -> "kill -9";
            case "PAUSE" -> "kill -STOP";
            case "RESUME" -> "kill -CONT";
            case "TERMINATE" -> "kill -TERM";
            default -> kind;
        };
    }

    private Map<String, Long> count(ReplicaLine.Kind kind, Function<ReplicaLine, String> key) {
        return lines.stream().filter(l -> l.kind() == kind)
                .collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    }
}
