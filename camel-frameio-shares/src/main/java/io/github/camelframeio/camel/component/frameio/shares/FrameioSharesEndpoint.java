package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioInvalidRequestException;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.RequestCheck;
import io.github.camelframeio.camel.component.frameio.shares.consumer.ShareActivityConsumer;
import io.github.camelframeio.camel.component.frameio.shares.consumer.ShareChangesConsumer;
import io.github.camelframeio.camel.component.frameio.shares.consumer.SharesPollingConsumer;
import io.github.camelframeio.frameio.contract.SharesOperation;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Automate Frame.io shares (V4 Shares API): create, read, update, delete and list shares, add and remove their
 * assets and reviewers, and read their activity; consume share changes and share activity.
 * <p>
 * With camel-webhook on the classpath, shareChanges endpoints are {@link FrameioSharesWebhookEndpoint}s:
 * {@code webhook:frameio-shares:shareChanges?...} receives the changes a Frame.io webhook pushes.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "frameio-shares", title = "Frame.io Shares",
             syntax = "frameio-shares:operation",
             category = { Category.CLOUD, Category.SAAS, Category.API }, headersClass = FrameioSharesConstants.class)
public class FrameioSharesEndpoint extends ScheduledPollEndpoint implements EndpointServiceLocation {

    /** The consumers' default delay between polls: two full scans a minute, see the docs for the arithmetic. */
    public static final long DEFAULT_DELAY = 30_000;

    @UriParam
    private FrameioSharesConfiguration configuration;

    @UriParam(label = "consumer,scheduler", defaultValue = "30000", javaType = "java.time.Duration",
              description = "Milliseconds between the end of one poll and the start of the next. A poll of n shares"
                            + " costs ceil(n / 100) list calls.")
    private long delay = DEFAULT_DELAY;

    /** The consumers' state when no stateRepository is set: kept as long as the endpoint, across route restarts. */
    private final Map<String, Object> retainedStates = new ConcurrentHashMap<>();

    public FrameioSharesEndpoint(String uri, FrameioSharesComponent component, FrameioSharesConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
        super.setDelay(DEFAULT_DELAY);
    }

    @Override
    public long getDelay() {
        return delay;
    }

    @Override
    public void setDelay(long delay) {
        this.delay = delay;
        super.setDelay(delay);
    }

    @Override
    public FrameioSharesComponent getComponent() {
        return (FrameioSharesComponent) super.getComponent();
    }

    public FrameioSharesConfiguration getConfiguration() {
        return configuration;
    }

    @Override
    public Producer createProducer() {
        if (configuration.getOperation().isConsumer()) {
            throw new IllegalArgumentException("frameio-shares:" + configuration.getOperation()
                                               + " is a consumer operation: use it in from(), not to()");
        }
        return new FrameioSharesProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        FrameioSharesOperation operation = configuration.getOperation();
        if (!operation.isConsumer()) {
            throw new IllegalArgumentException("frameio-shares:" + operation + " is a producer operation: use it in"
                                               + " to(); from() takes " + Arrays.toString(consumerOperations()));
        }
        checkConsumerOptions();
        SharesPollingConsumer consumer = operation == FrameioSharesOperation.shareChanges
                ? new ShareChangesConsumer(this, processor) : new ShareActivityConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    private static FrameioSharesOperation[] consumerOperations() {
        return Arrays.stream(FrameioSharesOperation.values()).filter(FrameioSharesOperation::isConsumer)
                .toArray(FrameioSharesOperation[]::new);
    }

    /** Refuses a consumer whose options cannot work, naming the option, before anything is sent. */
    void checkConsumerOptions() {
        FrameioSharesConfiguration c = configuration;
        RequestCheck.requireId(SharesOperation.LIST_SHARES, "account_id", c.getAccountId(), "accountId");
        if (c.getOperation() == FrameioSharesOperation.shareChanges || blank(c.getShareId())) {
            if (blank(c.getProjectId())) {
                throw new FrameioInvalidRequestException("frameio-shares:" + c.getOperation() + " needs the projectId"
                                                         + " option" + (c.getOperation() == FrameioSharesOperation.shareActivity
                                                                 ? " (every share of a project) or shareId (one share)" : ""));
            }
            RequestCheck.requireId(SharesOperation.LIST_SHARES, "project_id", c.getProjectId(), "projectId");
        } else {
            RequestCheck.requireId(SharesOperation.SHOW_SHARE, "share_id", c.getShareId(), "shareId");
        }
        if (!"now".equals(c.getStartFrom()) && !"beginning".equals(c.getStartFrom())) {
            throw new FrameioInvalidRequestException("startFrom must be now or beginning, not '" + c.getStartFrom() + "'");
        }
        if (c.getConsumerCallsPerMinute() < 1) {
            throw new FrameioInvalidRequestException("consumerCallsPerMinute must be at least 1");
        }
        if (c.getReviewerCallsPerMinute() < 1) {
            throw new FrameioInvalidRequestException("reviewerCallsPerMinute must be at least 1");
        }
        if (c.getMaxMessagesPerPoll() < 0) {
            throw new FrameioInvalidRequestException("maxMessagesPerPoll must not be negative");
        }
        if (!"fail".equals(c.getStateRecovery()) && !"rebaseline".equals(c.getStateRecovery())) {
            throw new FrameioInvalidRequestException("stateRecovery must be fail or rebaseline, not '"
                                                     + c.getStateRecovery() + "'");
        }
        if (c.getStateRepository() != null && !blank(c.getStateDirectory())) {
            throw new FrameioInvalidRequestException("Set stateRepository or stateDirectory, not both");
        }
        String key = c.getStateKey();
        if (key != null && (key.contains("=") || key.contains("\n") || key.contains("\r"))) {
            throw new FrameioInvalidRequestException("stateKey must not contain '=' or line breaks (state repositories"
                                                     + " such as FileStateRepository cannot store them)");
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * A consumer's state when no stateRepository is set: the endpoint keeps it in memory (once, not also serialised)
     * for as long as it lives, so that a route restart resumes where the route stopped.
     */
    @SuppressWarnings("unchecked")
    public <T> T retainedState(String key, Supplier<T> create) {
        return (T) retainedStates.computeIfAbsent(key, k -> create.get());
    }

    /** The client of this endpoint's options (shared with endpoints of the same connection and credential). */
    public FrameioSharesClient getClient() {
        return getComponent().client(configuration);
    }

    @Override
    public String getServiceUrl() {
        return configuration.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "rest";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return configuration.getAccountId() == null ? null : Map.of("accountId", configuration.getAccountId());
    }
}
