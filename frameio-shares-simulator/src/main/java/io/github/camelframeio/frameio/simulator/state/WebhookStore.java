package io.github.camelframeio.frameio.simulator.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The webhooks of the simulated account, in creation order. Ids and secrets come from the state's id sequence,
 * which never restarts, so a webhook created after a reset never reuses an id from before it.
 */
public final class WebhookStore {

    private final Ids ids;
    private final SimClock clock;
    private final Map<String, StoredWebhook> webhooks = new LinkedHashMap<>();

    public WebhookStore(Ids ids, SimClock clock) {
        this.ids = ids;
        this.clock = clock;
    }

    public synchronized StoredWebhook create(String accountId, String workspaceId, String name, String url,
                                             List<String> events, String creatorId) {
        long now = clock.nowMicros();
        StoredWebhook webhook = new StoredWebhook(ids.uuid(), accountId, workspaceId, name, url, events, true,
                ids.alphanumeric(40), creatorId, now, now);
        webhooks.put(webhook.id(), webhook);
        return webhook;
    }

    public synchronized StoredWebhook get(String id) {
        return id == null ? null : webhooks.get(id);
    }

    /** Applies the changes (null: unchanged); returns null for an unknown id. */
    public synchronized StoredWebhook update(String id, String name, String url, List<String> events, Boolean active) {
        StoredWebhook current = webhooks.get(id);
        if (current == null) {
            return null;
        }
        StoredWebhook updated = current.with(name, url, events, active, clock.nowMicros());
        webhooks.put(id, updated);
        return updated;
    }

    public synchronized StoredWebhook delete(String id) {
        return webhooks.remove(id);
    }

    /** The workspace's webhooks, in creation order. */
    public synchronized List<StoredWebhook> of(String workspaceId) {
        List<StoredWebhook> result = new ArrayList<>();
        for (StoredWebhook w : webhooks.values()) {
            if (w.workspaceId().equals(workspaceId)) {
                result.add(w);
            }
        }
        return result;
    }

    /** Every webhook, in creation order. */
    public synchronized List<StoredWebhook> all() {
        return new ArrayList<>(webhooks.values());
    }

    public synchronized void clear() {
        webhooks.clear();
    }
}
