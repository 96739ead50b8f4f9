package io.github.camelframeio.camel.component.frameio.shares.consumer;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesEventType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HexFormat;
import java.util.TreeSet;

/**
 * The CamelFrameioSharesEventId of each event: made only of what Frame.io sent about the change (never of the poll's
 * time or a random number), so that two replicas, or one replica before and after a restart, give the same change
 * the same id, and an idempotent step downstream drops the second. Short enough for camel-sql's default message id
 * column (100 characters).
 */
final class EventIds {

    private EventIds() {
    }

    /** created, updated, viewed: share id, type, and the timestamp the change moved. */
    static String change(String shareId, FrameioSharesEventType type, ObjectNode share) {
        String field = switch (type) {
            case created -> "created_at";
            case viewed -> "last_viewed_at";
            default -> "updated_at";
        };
        return shareId + ":" + type.name() + ":" + micros(share, field);
    }

    /** A share is deleted once: its id never comes back. */
    static String deleted(String shareId) {
        return shareId + ":" + FrameioSharesEventType.deleted.name();
    }

    /**
     * Reviewers or assets added or removed: share id, type, the share's updated_at (such changes need not move it)
     * and a digest of the item keys.
     */
    static String items(String shareId, FrameioSharesEventType type, ObjectNode share, Collection<String> keys) {
        return shareId + ":" + type.name() + ":" + micros(share, "updated_at") + ":" + digest(new TreeSet<>(keys));
    }

    /** An activity item has an id of its own in Frame.io: that is the identity. */
    static String activity(String activityId) {
        return activityId;
    }

    /** The timestamp in epoch microseconds, or as sent if it does not parse, or "-" when absent. */
    static String micros(ObjectNode share, String field) {
        String text = share == null ? null : share.path(field).asText(null);
        if (text == null || text.isEmpty()) {
            return "-";
        }
        try {
            return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, OffsetDateTime.parse(text).toInstant()));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String digest(Collection<String> keys) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String key : keys) {
                sha.update(key.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
