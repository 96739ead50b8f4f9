package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;

import java.util.concurrent.CompletableFuture;

/**
 * Waits for rate-limit budget before the attempt goes out, without holding a thread ({@link RateLimitBudgets}), and
 * reports the answer's rate-limit headers, or a 429, back to the model.
 */
final class PacingStep implements CallStep {

    private final RateLimitBudgets budgets;
    private final AccessTokenProvider tokens;

    PacingStep(RateLimitBudgets budgets, AccessTokenProvider tokens) {
        this.budgets = budgets;
        this.tokens = tokens;
    }

    @Override
    public <T> CompletableFuture<FrameioResponse<T>> execute(Attempt<T> attempt, Chain chain) {
        SharesCall<T> call = attempt.call();
        String accountId = call.pathParam("account_id");
        String credential = tokens.credentialId();
        return budgets.acquire(accountId, credential, call.operation()).thenCompose(ticket -> chain.proceed(attempt)
                .whenComplete((response, error) -> {
                    Throwable cause = error == null ? null : FrameioSharesClient.unwrap(error);
                    FrameioApiException api = cause instanceof FrameioApiException e ? e : null;
                    budgets.completed(accountId, credential, call.operation(), ticket,
                            response != null ? response.rateLimit() : api != null ? api.getRateLimit() : null,
                            api != null && api.getStatusCode() == 429);
                }));
    }
}
