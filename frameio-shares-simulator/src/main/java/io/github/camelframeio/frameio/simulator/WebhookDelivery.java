package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.api.Json;

import java.time.Instant;

/**
 * One attempt of a webhook delivery, as the simulator sent it, or a delivery a fault dropped (attempt 0, never
 * sent).
 *
 * @param webhookId    the webhook
 * @param eventType    e.g. {@code share.updated}
 * @param resourceId   the share
 * @param attempt      1 to 5; 0 for a dropped delivery
 * @param status       the receiver's HTTP status, or 0 when there was none (connection failure, timeout, dropped)
 * @param failure      null for a 2xx answered in time; otherwise what went wrong, e.g. {@code "status 500"},
 *                     {@code "timeout"}, {@code "dropped"}
 * @param sentAt       when the attempt was sent (when it was dropped)
 * @param fault        the fault applied to the delivery: null, {@code drop}, {@code duplicate} (the copy),
 *                     {@code reorder}, {@code delay} or {@code bad_signature}
 * @param deliveryId   the same for every attempt of one delivery; the copy of a duplicate has its own
 */
public record WebhookDelivery(String webhookId, String eventType, String resourceId, int attempt, int status,
                              String failure, Instant sentAt, String fault, long deliveryId) {

    /** Whether the receiver answered 2xx in time. */
    public boolean delivered() {
        return failure == null;
    }

    /** Whether the attempt was sent at all (false for a dropped delivery). */
    public boolean sent() {
        return attempt > 0;
    }

    ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("webhook_id", webhookId);
        n.put("event_type", eventType);
        n.put("resource_id", resourceId);
        n.put("attempt", attempt);
        if (status == 0) {
            n.putNull("status");
        } else {
            n.put("status", status);
        }
        n.put("failure", failure);
        n.put("sent_at", sentAt.toString());
        n.put("fault", fault);
        n.put("delivery_id", deliveryId);
        return n;
    }
}
