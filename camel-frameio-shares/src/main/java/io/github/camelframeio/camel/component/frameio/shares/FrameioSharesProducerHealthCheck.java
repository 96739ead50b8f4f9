package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.client.FrameioApiException;
import io.github.camelframeio.frameio.client.FrameioException;
import io.github.camelframeio.frameio.client.FrameioSharesClient;
import io.github.camelframeio.frameio.client.ListOptions;
import io.github.camelframeio.frameio.client.SharesCall;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness of a frameio-shares producer: one cheap authenticated call with its credential. With a projectId it
 * lists one share of the project; with a shareId it reads the share; otherwise it obtains an access token. A 401
 * or 403 is DOWN (the credential does not work); a 429 is UP (the credential works, the budget is spent).
 */
public class FrameioSharesProducerHealthCheck extends AbstractHealthCheck {

    /** How long a check waits for its call. */
    static final long TIMEOUT_MILLIS = 10_000;

    private final FrameioSharesEndpoint endpoint;

    public FrameioSharesProducerHealthCheck(FrameioSharesEndpoint endpoint, String clientId) {
        super("camel", "producer:frameio-shares-" + clientId);
        this.endpoint = endpoint;
    }

    @Override
    public boolean isLiveness() {
        return false; // Frame.io being unreachable is no reason to restart the application
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        FrameioSharesConfiguration config = endpoint.getConfiguration();
        try {
            FrameioSharesClient client = endpoint.getClient();
            CompletableFuture<?> call;
            if (present(config.getAccountId()) && present(config.getProjectId())) {
                builder.detail("check", "listShares page_size=1");
                call = client.listShares(config.getAccountId(), config.getProjectId(),
                        ListOptions.pageSize(1));
            } else if (present(config.getAccountId()) && present(config.getShareId())) {
                builder.detail("check", "getShare");
                call = client.getShare(config.getAccountId(), config.getShareId());
            } else {
                builder.detail("check", "access token");
                call = client.tokenProvider().accessToken();
            }
            call.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            builder.up();
        } catch (TimeoutException e) {
            builder.message("No answer from Frame.io within " + TIMEOUT_MILLIS + " ms").down();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            builder.message("Interrupted").down();
        } catch (Exception e) {
            Throwable cause = FrameioSharesClient.unwrap(e);
            if (cause instanceof FrameioApiException api) {
                builder.detail(SERVICE_STATUS_CODE, api.getStatusCode());
                if (api.getStatusCode() == 429) {
                    builder.message("Rate limited: the credential works").up();
                    return;
                }
            }
            if (cause instanceof FrameioException frameio) {
                builder.detail(SERVICE_ERROR_CODE, frameio.getStatusCode());
            }
            builder.message(cause.getMessage()).error(cause).down();
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
