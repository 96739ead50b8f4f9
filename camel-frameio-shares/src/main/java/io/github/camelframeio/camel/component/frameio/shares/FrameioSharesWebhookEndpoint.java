package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.camel.component.frameio.shares.consumer.ShareChangesConsumer;
import io.github.camelframeio.camel.component.frameio.shares.consumer.SharesPollingConsumer;
import io.github.camelframeio.camel.component.frameio.shares.webhook.ShareWebhookReceiver;
import io.github.camelframeio.camel.component.frameio.shares.webhook.WebhookRegistration;

import org.apache.camel.Processor;
import org.apache.camel.component.webhook.WebhookCapableEndpoint;
import org.apache.camel.component.webhook.WebhookConfiguration;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.service.ServiceHelper;

import java.time.Clock;
import java.util.List;

/**
 * A frameio-shares endpoint that camel-webhook can drive: {@code webhook:frameio-shares:shareChanges?...} registers
 * a Frame.io webhook for the share events, verifies each delivery, and reconciles by polling at reconcileDelay. The
 * component creates it instead of a plain {@link FrameioSharesEndpoint} when camel-webhook is on the classpath (an
 * optional dependency: polling needs none of it).
 */
public class FrameioSharesWebhookEndpoint extends FrameioSharesEndpoint implements WebhookCapableEndpoint {

    private WebhookConfiguration webhookConfiguration;
    private WebhookRegistration webhookRegistration;
    private ShareWebhookReceiver webhookReceiver;

    public FrameioSharesWebhookEndpoint(String uri, FrameioSharesComponent component,
                                        FrameioSharesConfiguration configuration) {
        super(uri, component, configuration);
    }

    /**
     * The handler platform-http calls for each delivery: it verifies it, answers at once and queues the share for a
     * shareChanges consumer in push mode, started with the handler, which emits to {@code next} and reconciles by
     * polling at reconcileDelay.
     */
    @Override
    public Processor createWebhookHandler(Processor next) {
        FrameioSharesOperation operation = getConfiguration().getOperation();
        if (operation != FrameioSharesOperation.shareChanges) {
            throw new IllegalArgumentException("webhook:frameio-shares:" + operation + " is not supported: only"
                                               + " shareChanges receives webhooks"
                                               + " (webhook:frameio-shares:shareChanges?projectId=...&workspaceId=...)");
        }
        webhookRegistration(); // checks the options, before any request
        ShareChangesConsumer consumer = new ShareChangesConsumer(this, next);
        try {
            configureConsumer(consumer);
        } catch (Exception e) {
            throw new IllegalArgumentException("The consumer options of frameio-shares:shareChanges do not apply: "
                                               + e.getMessage(), e);
        }
        consumer.setDelay(getConfiguration().getReconcileDelay());
        consumer.enablePush();
        webhookReceiver = new ShareWebhookReceiver(consumer, () -> webhookRegistration().secret(),
                getConfiguration().getProjectId(), getConfiguration().getWebhookMaxBodySize(), Clock.systemUTC());
        return webhookReceiver;
    }

    /** Registers the webhook (or reuses it, by URL), unless webhookSecret says it was registered by hand. */
    @Override
    public void registerWebhook() throws Exception {
        if (webhookConfiguration == null) {
            throw new IllegalStateException("frameio-shares:" + getConfiguration().getOperation() + " registers webhooks"
                                            + " only as webhook:frameio-shares:shareChanges");
        }
        WebhookRegistration registration = webhookRegistration();
        registration.register(webhookConfiguration.computeFullExternalUrl());
    }

    /** Deletes the webhook when deleteWebhookOnStop asks; by default it is kept, with its secret, for the restart. */
    @Override
    public void unregisterWebhook() throws Exception {
        if (webhookRegistration != null) {
            webhookRegistration.unregister();
        }
    }

    @Override
    public void setWebhookConfiguration(WebhookConfiguration webhookConfiguration) {
        this.webhookConfiguration = webhookConfiguration;
    }

    public WebhookConfiguration getWebhookConfiguration() {
        return webhookConfiguration;
    }

    @Override
    public List<String> getWebhookMethods() {
        return List.of("POST");
    }

    /** The receiver of the webhook deliveries (counts, the consumer behind it), or null outside webhook mode. */
    public ShareWebhookReceiver getWebhookReceiver() {
        return webhookReceiver;
    }

    private synchronized WebhookRegistration webhookRegistration() {
        if (webhookRegistration == null) {
            if (getConfiguration().getOperation() != FrameioSharesOperation.shareChanges) {
                throw new IllegalArgumentException("webhook:frameio-shares:" + getConfiguration().getOperation()
                                                   + " is not supported: only shareChanges receives webhooks");
            }
            checkConsumerOptions();
            StateRepository<String, String> store = SharesPollingConsumer.configuredRepository(getConfiguration());
            WebhookRegistration.checkOptions(getConfiguration(), store != null);
            if (store != null) {
                ServiceHelper.startService(store);
            }
            String key = (blank(getConfiguration().getStateKey()) ? "frameio-shares.shareChanges."
                                                               + getConfiguration().getAccountId() + "."
                                                               + getConfiguration().getProjectId()
                    : getConfiguration().getStateKey()) + "-webhook";
            webhookRegistration = new WebhookRegistration(getConfiguration(), getClient(), store, key,
                    retainedState(key, WebhookRegistration.Memory::new));
        }
        return webhookRegistration;
    }

}
