package io.github.camelframeio.examples.replicas;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConstants;

import java.time.Instant;
import java.util.Optional;

/**
 * One fact a replica printed, as {@code FRAMEIO-REPLICA|epoch millis|replica|KIND|detail}; the launcher reads them
 * back from each replica's output to tell who led when and who emitted what.
 *
 * @param time    when, in epoch milliseconds of the replica's clock (the same host's clock as the launcher's)
 * @param replica the replica's name
 * @param kind    what happened
 * @param detail  for events: {@code shareId eventType eventId batchSize}; otherwise free text
 */
public record ReplicaLine(long time, String replica, Kind kind, String detail) {

    /** The component's event id header (share id, event type and the timestamp the event carries). */
    public static final String EVENT_ID_HEADER = FrameioSharesConstants.EVENT_ID;

    static final String PREFIX = "FRAMEIO-REPLICA|";

    /** What a line says. */
    public enum Kind {
        /** The replica's Camel context has started (leader or not). */
        STARTED,
        /** The readiness checks' overall state, and whether the replica was leading then. */
        READINESS,
        /** The cluster view made this replica the leader. */
        LEADERSHIP_TAKEN,
        /** The cluster view made another replica (or none) the leader. */
        LEADERSHIP_LOST,
        /** The first poll of the feed's consumer since this replica became leader. */
        FIRST_POLL,
        /** A poll failed (e.g. its state write was refused because another replica leads now). */
        POLL_FAILED,
        /** An event reached the route, before the idempotent step. */
        SEEN,
        /** An event passed the idempotent step. */
        EMITTED,
        /** The replica is shutting down gracefully. */
        STOPPING
    }

    String format() {
        return PREFIX + time + "|" + replica + "|" + kind + "|" + detail.replace('\n', ' ');
    }

    /** The line as a fact, or empty for any other output (log lines, stack traces). */
    public static Optional<ReplicaLine> parse(String line) {
        if (!line.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = line.split("\\|", 5);
        if (parts.length < 5) {
            return Optional.empty(); // cut short by a kill
        }
        try {
            return Optional.of(new ReplicaLine(Long.parseLong(parts[1]), parts[2], Kind.valueOf(parts[3]), parts[4]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** For events: the share id. */
    public String shareId() {
        return field(0);
    }

    /** For events: the event type ({@code created}, {@code updated}...). */
    public String eventType() {
        return field(1);
    }

    /** For events: the {@link #EVENT_ID_HEADER} value. */
    public String eventId() {
        return field(2);
    }

    /** For events: how many events the poll that emitted this one emitted. */
    public int batchSize() {
        return Integer.parseInt(field(3));
    }

    /** For events: share id and event type, what the web app's change promises. */
    public String change() {
        return shareId() + " " + eventType();
    }

    public Instant instant() {
        return Instant.ofEpochMilli(time);
    }

    private String field(int index) {
        String[] fields = detail.split(" ");
        return index < fields.length ? fields[index] : "";
    }
}
