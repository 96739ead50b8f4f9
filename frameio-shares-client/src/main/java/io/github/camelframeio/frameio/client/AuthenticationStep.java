package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;

/**
 * Sets the attempt's bearer token; when Frame.io answers 401 and the provider can obtain another token (it forgot
 * the refused one), the attempt is made once more with the new token, within the same rate-limit budget.
 */
final class AuthenticationStep implements CallStep {

    private static final Logger LOG = LoggerFactory.getLogger(FrameioSharesClient.class);

    private final AccessTokenProvider tokens;

    AuthenticationStep(AccessTokenProvider tokens) {
        this.tokens = tokens;
    }

    @Override
    public <T> CompletableFuture<FrameioResponse<T>> execute(Attempt<T> attempt, Chain chain) {
        return withToken(attempt, chain, true);
    }

    private <T> CompletableFuture<FrameioResponse<T>> withToken(Attempt<T> attempt, Chain chain, boolean mayRenew) {
        return tokens.accessToken().thenCompose(token -> chain.proceed(attempt.withToken(token))
                .handle((response, error) -> {
                    Throwable cause = error == null ? null : FrameioSharesClient.unwrap(error);
                    if (mayRenew && cause instanceof FrameioUnauthorizedException && tokens.invalidate(token)) {
                        LOG.debug("{}: 401, repeating once with a new token", attempt.call().operation());
                        return withToken(attempt, chain, false);
                    }
                    return error == null ? CompletableFuture.completedFuture(response)
                            : CompletableFuture.<FrameioResponse<T>>failedFuture(cause);
                })
                .thenCompose(f -> f));
    }
}
