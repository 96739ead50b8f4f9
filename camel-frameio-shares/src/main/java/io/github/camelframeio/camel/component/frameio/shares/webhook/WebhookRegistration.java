package io.github.camelframeio.camel.component.frameio.shares.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.camel.component.frameio.shares.FrameioSharesConfiguration;
import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import io.github.camelframeio.frameio.client.FrameioNotFoundException;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.ListOptions;
import io.github.camelframeio.frameio.client.model.Webhook;

import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The webhook a webhook:frameio-shares:shareChanges route receives from, and its signing secret.
 * <p>
 * {@link #register} reuses the workspace's webhook with the route's URL when the secret stored for it opens, and
 * otherwise deletes every webhook with that URL (their secrets are lost: their deliveries could never be verified)
 * and creates one for the four share events. The secret is kept in the consumer's state store under a key of its
 * own, encrypted ({@link SealedSecret}); without a store it is kept in memory, for as long as the endpoint, and a new
 * process registers again. With the webhookSecret option nothing is registered: the secret is the one given.
 */
public final class WebhookRegistration {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistration.class);
    static final List<String> EVENTS = List.of("share.created", "share.updated", "share.deleted", "share.viewed");

    private final FrameioSharesConfiguration config;
    private final FrameioSharesClient client;
    /** Where the sealed secret is kept; null without a state store. */
    private final StateRepository<String, String> store;
    private final String key;
    private volatile byte[] secret;
    private volatile String webhookId;
    /** Without a store: the last registration of this endpoint, in memory. */
    private Memory memory;

    /** A registration kept in memory by the endpoint (no state store): the webhook and its secret. */
    public static final class Memory {
        String webhookId;
        String secret;
        String url;
    }

    public WebhookRegistration(FrameioSharesConfiguration config, FrameioSharesClient client,
                               StateRepository<String, String> store, String key, Memory memory) {
        this.config = config;
        this.client = client;
        this.store = store;
        this.key = key;
        this.memory = memory;
        if (config.getWebhookSecret() != null && !config.getWebhookSecret().isEmpty()) {
            this.secret = config.getWebhookSecret().getBytes(StandardCharsets.UTF_8);
        }
    }

    /**
     * Refuses options that cannot work, naming them, before any request: in push mode the workspace is needed, and
     * a secret kept in a state store needs a key to encrypt it with.
     */
    public static void checkOptions(FrameioSharesConfiguration config, boolean persistentStore) {
        if (blank(config.getWorkspaceId())) {
            throw new FrameioInvalidRequestException("webhook:frameio-shares:shareChanges needs the workspaceId option"
                                                     + " (Frame.io webhooks belong to a workspace)");
        }
        if (config.getWebhookSecret() != null && config.getWebhookSecret().isBlank()) {
            throw new FrameioInvalidRequestException("webhookSecret must not be empty");
        }
        if (config.getWebhookMaxBodySize() < 1024) {
            throw new FrameioInvalidRequestException("webhookMaxBodySize must be at least 1024 bytes");
        }
        if (config.getReconcileDelay() < 1) {
            throw new FrameioInvalidRequestException("reconcileDelay must be at least 1 ms");
        }
        String key = sealingKey(config);
        if (!blank(config.getWebhookSecretKey()) && config.getWebhookSecretKey().length() < 16) {
            throw new FrameioInvalidRequestException("webhookSecretKey must be at least 16 characters");
        }
        if (persistentStore && key == null && blank(config.getWebhookSecret())) {
            throw new FrameioInvalidRequestException("webhook:frameio-shares:shareChanges keeps the webhook's signing"
                                                     + " secret in the state store (stateRepository or stateDirectory)"
                                                     + " encrypted: set webhookSecretKey (or clientSecret) to the key to"
                                                     + " encrypt it with, or webhookSecret for a webhook registered by"
                                                     + " hand");
        }
    }

    private static String sealingKey(FrameioSharesConfiguration config) {
        if (!blank(config.getWebhookSecretKey())) {
            return config.getWebhookSecretKey();
        }
        return blank(config.getClientSecret()) ? null : config.getClientSecret();
    }

    /** The signing secret deliveries are verified with; null until registered. */
    public byte[] secret() {
        return secret;
    }

    /** The id of the webhook registered, or null (not registered, or webhookSecret given). */
    public String webhookId() {
        return webhookId;
    }

    /** Registers (or reuses) the webhook posting to {@code url}; see the class comment. */
    public synchronized void register(String url) {
        if (!blank(config.getWebhookSecret())) {
            LOG.info("webhookSecret is set: the webhook to {} is taken as registered by hand; nothing is registered",
                    url);
            return;
        }
        String accountId = config.getAccountId();
        String workspaceId = config.getWorkspaceId();
        Known known = known(url);
        List<Webhook> same = new ArrayList<>();
        for (Webhook w : client.webhooks(accountId, workspaceId, ListOptions.pageSize(100))) {
            if (url.equals(w.getUrl())) {
                same.add(w);
            }
        }
        Webhook reused = null;
        for (Webhook w : same) {
            if (known != null && w.getId().equals(known.webhookId)) {
                reused = w;
            }
        }
        for (Webhook w : same) {
            if (w != reused) {
                LOG.warn("Deleting webhook {} to {}: its signing secret is not known here (lost state, or created"
                         + " elsewhere), so its deliveries could not be verified", w.getId(), url);
                delete(w.getId());
            }
        }
        if (reused != null) {
            ensureEvents(reused);
            secret = known.secret.getBytes(StandardCharsets.UTF_8);
            webhookId = reused.getId();
            LOG.info("Reusing webhook {} of workspace {} to {}", reused.getId(), workspaceId, url);
            return;
        }
        if (known != null && same.stream().noneMatch(w -> w.getId().equals(known.webhookId))) {
            // ours, registered to another URL before (webhookExternalUrl or the path changed): it would post in vain
            LOG.info("Deleting webhook {}, registered by this route before to another URL", known.webhookId);
            delete(known.webhookId);
        }
        Webhook created = FrameioSharesClient.await(client.createWebhook(accountId, workspaceId,
                "camel-frameio-shares " + config.getProjectId(), url, EVENTS)).body();
        if (created.getSecret() == null || created.getSecret().isEmpty()) {
            throw new IllegalStateException("Frame.io created webhook " + created.getId() + " without a signing secret");
        }
        keep(created.getId(), created.getSecret(), url);
        secret = created.getSecret().getBytes(StandardCharsets.UTF_8);
        webhookId = created.getId();
        LOG.info("Registered webhook {} of workspace {} to {} for {}", created.getId(), workspaceId, url, EVENTS);
    }

    /** Deletes the registered webhook (deleteWebhookOnStop) and forgets its secret. */
    public synchronized void unregister() {
        String id = webhookId;
        if (id == null || !config.isDeleteWebhookOnStop()) {
            return;
        }
        delete(id);
        forget();
        webhookId = null;
        secret = null;
        LOG.info("Deleted webhook {} (deleteWebhookOnStop)", id);
    }

    private void delete(String id) {
        try {
            FrameioSharesClient.await(client.deleteWebhook(config.getAccountId(), id));
        } catch (FrameioNotFoundException e) {
            // already gone
        }
    }

    /** A webhook that lost share events (edited by hand) or was deactivated gets them back. */
    private void ensureEvents(Webhook webhook) {
        Set<String> events = new LinkedHashSet<>(webhook.getEvents());
        boolean inactive = Boolean.FALSE.equals(webhook.getActive());
        if (events.containsAll(EVENTS) && !inactive) {
            return;
        }
        events.addAll(EVENTS);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put("active", true);
        events.forEach(data.putArray("events")::add);
        FrameioSharesClient.await(client.updateWebhook(config.getAccountId(), webhook.getId(), data));
        LOG.info("Webhook {} is active again and posts {}", webhook.getId(), events);
    }

    private record Known(String webhookId, String secret) {
        @Override
        public String toString() {
            return "Known[" + webhookId + ", secret=******]";
        }
    }

    /** The webhook and secret this route registered before, or null. */
    private Known known(String url) {
        if (store == null) {
            synchronized (memory) {
                return memory.webhookId != null && url.equals(memory.url) ? new Known(memory.webhookId, memory.secret)
                        : null;
            }
        }
        String stored = store.getState(key);
        if (stored == null || stored.isEmpty()) {
            return null;
        }
        try {
            SealedSecret.Opened opened = SealedSecret.open(stored, sealingKey(config));
            return new Known(opened.webhookId(), opened.secret());
        } catch (SealedSecret.Unreadable e) {
            LOG.warn("The webhook secret stored under key '{}' {}: webhook {} is replaced by a new one", key,
                    e.getMessage(), SealedSecret.webhookId(stored));
            return null;
        }
    }

    private void keep(String id, String plain, String url) {
        if (store == null) {
            synchronized (memory) {
                memory.webhookId = id;
                memory.secret = plain;
                memory.url = url;
            }
            return;
        }
        store.setState(key, SealedSecret.seal(id, plain, sealingKey(config)));
    }

    private void forget() {
        if (store == null) {
            synchronized (memory) {
                memory.webhookId = null;
                memory.secret = null;
            }
        } else {
            store.setState(key, "");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
