package io.github.camelframeio.examples.replicas;

import java.time.Duration;
import java.util.Map;

/**
 * The cluster service the replicas elect their leader with, seen from the launcher: what each replica is told, what
 * the platform does when a replica comes and goes, and how long a leader that stopped renewing keeps its role.
 */
public interface ClusterSetup {

    /** The replica's {@code replica.cluster} ({@code replica/cluster-NAME.yaml}). */
    String name();

    /** The system properties ({@code replica.*}) of one replica. */
    Map<String, String> replicaProperties(String replica);

    /** Called before a replica JVM starts (e.g. to create its Pod). */
    default void replicaStarting(String replica) {
    }

    /** Called when a replica was killed or stopped (e.g. to delete its Pod, as Kubernetes does). */
    default void replicaGone(String replica) {
    }

    /** Called when a replica was frozen (e.g. its Pod fails its readiness probe, as a frozen JVM's would). */
    default void replicaPaused(String replica) {
    }

    /** Called when a frozen replica was resumed (its readiness probe passes again). */
    default void replicaResumed(String replica) {
    }

    /**
     * The longest a leader that stopped renewing (killed, paused) keeps its role before a follower takes over: a
     * takeover must come within this plus one poll.
     */
    Duration lease();

    /**
     * Whether a follower takes over from a leader that is frozen ({@code SIGSTOP}) but alive: a Lease expires, an OS
     * file lock held by a frozen process does not.
     */
    boolean takeoverOnPause();

    /** One line for the report. */
    String describe();
}
