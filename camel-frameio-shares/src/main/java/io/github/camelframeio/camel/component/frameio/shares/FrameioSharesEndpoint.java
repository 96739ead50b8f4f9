package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.camel.component.frameio.shares.client.FrameioSharesClient;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.DefaultEndpoint;

import java.util.Map;

/**
 * Automate Frame.io shares (V4 Shares API): create, read, update, delete and list shares, add and remove their
 * assets and reviewers, and read their activity.
 */
@UriEndpoint(firstVersion = "1.0.0", scheme = "frameio-shares", title = "Frame.io Shares",
             syntax = "frameio-shares:operation", producerOnly = true,
             category = { Category.CLOUD, Category.SAAS, Category.API }, headersClass = FrameioSharesConstants.class)
public class FrameioSharesEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    @UriParam
    private FrameioSharesConfiguration configuration;

    public FrameioSharesEndpoint(String uri, FrameioSharesComponent component, FrameioSharesConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
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
        return new FrameioSharesProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("frameio-shares:" + configuration.getOperation()
                                                + " is a producer operation; it cannot be used in from()");
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
