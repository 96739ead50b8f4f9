package io.github.camelframeio.examples.replicas;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Camel's {@code FileLockClusterService} (camel-file): the replicas share a directory on one host. The leader holds a
 * lock file and writes a heartbeat every {@code acquireLockInterval}; a follower, trying every
 * {@code acquireLockInterval}, takes over once the heartbeat is {@code heartbeatTimeoutMultiplier} intervals old.
 *
 * @param root       the shared directory
 * @param interval   {@code acquireLockInterval} (and the initial {@code acquireLockDelay})
 * @param multiplier {@code heartbeatTimeoutMultiplier}
 */
public record FileLockCluster(Path root, Duration interval, int multiplier) implements ClusterSetup {

    @Override
    public String name() {
        return "file";
    }

    @Override
    public Map<String, String> replicaProperties(String replica) {
        return Map.of("replica.cluster-root", root.toAbsolutePath().toString(),
                "replica.lock-interval-ms", Long.toString(interval.toMillis()),
                "replica.heartbeat-multiplier", Integer.toString(multiplier));
    }

    /** The heartbeat timeout, plus one interval for the follower's next attempt. */
    @Override
    public Duration lease() {
        return interval.multipliedBy(multiplier + 1L);
    }

    /** The frozen JVM still holds the OS lock: nobody takes over, and the leader carries on when it resumes. */
    @Override
    public boolean takeoverOnPause() {
        return false;
    }

    @Override
    public String describe() {
        return "FileLockClusterService, acquireLockInterval " + interval.toMillis() + " ms, heartbeatTimeoutMultiplier "
               + multiplier + " (lease " + lease().toMillis() + " ms)";
    }
}
