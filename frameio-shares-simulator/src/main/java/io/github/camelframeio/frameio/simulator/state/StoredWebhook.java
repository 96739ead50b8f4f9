package io.github.camelframeio.frameio.simulator.state;

import java.util.List;

/**
 * A webhook as the simulator keeps it. The {@code secret} signs every delivery; the API shows it only in the answer
 * to the create call.
 *
 * @param id          the webhook id
 * @param accountId   the account it was created in
 * @param workspaceId the workspace whose events it receives
 * @param name        1 to 255 characters
 * @param url         where deliveries are POSTed
 * @param events      the event types it is subscribed to, in the order given
 * @param active      whether deliveries are sent
 * @param secret      the signing secret
 * @param creatorId   the user who created it
 * @param createdAt   epoch microseconds
 * @param updatedAt   epoch microseconds
 */
public record StoredWebhook(String id, String accountId, String workspaceId, String name, String url,
                            List<String> events, boolean active, String secret, String creatorId, long createdAt,
                            long updatedAt) {

    public StoredWebhook {
        events = List.copyOf(events);
    }

    /** Whether deliveries of {@code eventType} are sent to it now. */
    public boolean receives(String eventType) {
        return active && events.contains(eventType);
    }

    /** The same webhook with the given changes (null: unchanged) and {@code updated_at} moved. */
    public StoredWebhook with(String newName, String newUrl, List<String> newEvents, Boolean newActive, long now) {
        return new StoredWebhook(id, accountId, workspaceId, newName != null ? newName : name,
                newUrl != null ? newUrl : url, newEvents != null ? newEvents : events,
                newActive != null ? newActive : active, secret, creatorId, createdAt, Math.max(now, updatedAt));
    }
}
