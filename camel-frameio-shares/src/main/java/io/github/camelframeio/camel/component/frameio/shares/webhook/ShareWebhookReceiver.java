package io.github.camelframeio.camel.component.frameio.shares.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.camel.component.frameio.shares.consumer.ShareChangesConsumer;

import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.support.AsyncProcessorSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The handler of webhook:frameio-shares:shareChanges that platform-http calls for each delivery: verifies it
 * ({@link DeliveryCheck}) before anything else, answers a refused one 401 and emits nothing, and answers a genuine
 * one 204 at once, having only queued its share for the consumer's own thread (Frame.io gives up on an answer
 * slower than 5 s), or 503 when the consumer cannot take it now (Frame.io retries). The route's exchanges come from that thread, never from the HTTP request. Starting it starts the
 * shareChanges consumer that reconciles by polling.
 */
public final class ShareWebhookReceiver extends AsyncProcessorSupport {

    private static final Logger LOG = LoggerFactory.getLogger(ShareWebhookReceiver.class);
    static final Set<String> SHARE_EVENTS = Set.of("share.created", "share.updated", "share.deleted", "share.viewed");

    private final ShareChangesConsumer consumer;
    private final Supplier<byte[]> secret;
    private final String projectId;
    private final DeliveryCheck check;
    private final ObjectMapper mapper = new ObjectMapper();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    public ShareWebhookReceiver(ShareChangesConsumer consumer, Supplier<byte[]> secret, String projectId,
                                int maxBodySize, Clock clock) {
        this.consumer = consumer;
        this.secret = secret;
        this.projectId = projectId;
        this.check = new DeliveryCheck(clock, maxBodySize);
    }

    @Override
    public boolean process(Exchange exchange, AsyncCallback callback) {
        try {
            receive(exchange);
        } catch (RuntimeException e) {
            exchange.setException(e);
        }
        callback.done(true);
        return true;
    }

    private void receive(Exchange exchange) {
        Message in = exchange.getMessage();
        String timestamp = in.getHeader(DeliveryCheck.TIMESTAMP, String.class);
        String signature = in.getHeader(DeliveryCheck.SIGNATURE, String.class);
        Long length = in.getHeader(Exchange.CONTENT_LENGTH, Long.class);
        byte[] body = length != null && length > Integer.MAX_VALUE ? null : in.getBody(byte[].class);
        String refusal = check.refusal(secret.get(), timestamp, signature, body, length == null ? -1 : length);
        // nothing of the request goes back: platform-http would echo its headers
        in.removeHeaders("*");
        in.setBody(null);
        if (refusal != null) {
            refused.incrementAndGet();
            LOG.warn("Refused a webhook delivery (401): {}", refusal);
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 401);
            return;
        }
        accepted.incrementAndGet();
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        JsonNode event;
        try {
            event = mapper.readTree(body == null ? new byte[0] : body);
        } catch (IOException e) {
            LOG.warn("A signed webhook delivery is not JSON; answered and ignored");
            return;
        }
        String type = event.path("type").asText("");
        String shareId = event.path("resource").path("id").asText(null);
        String project = event.path("project").path("id").asText(null);
        if (!SHARE_EVENTS.contains(type) || shareId == null) {
            LOG.debug("Webhook delivery of type {} ignored: not a share event", type);
            return;
        }
        if (project != null && !project.equals(projectId)) {
            LOG.debug("Webhook delivery for share {} of project {} ignored: this route watches {}", shareId, project,
                    projectId);
            return;
        }
        if (!consumer.pushed(shareId)) {
            // not running (stopping, suspended) or too much queued: Frame.io retries a 503 later, and the next
            // reconciling poll finds the change anyway
            in.setHeader(Exchange.HTTP_RESPONSE_CODE, 503);
            LOG.debug("Pushed share {} not queued (answered 503); Frame.io retries it", shareId);
        }
    }

    /** Deliveries verified and answered 204. */
    public long accepted() {
        return accepted.get();
    }

    /** Deliveries refused (401): too large, no or old timestamp, wrong signature. */
    public long refused() {
        return refused.get();
    }

    /** The shareChanges consumer that compares pushed shares and reconciles by polling. */
    public ShareChangesConsumer consumer() {
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        ServiceHelper.startService(consumer);
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(consumer);
    }

    @Override
    public String toString() {
        return "ShareWebhookReceiver[" + projectId + "]";
    }
}
