package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.contract.Reconciliation;
import io.github.camelframeio.frameio.contract.SharesOperation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Decides, after each failed attempt, whether the call is sent again, settled, looked up or given up, from the
 * {@link RetryPolicy} and the operation's {@link Reconciliation} in the operation table (never from the operation's
 * name):
 * <ul>
 * <li>429: waited for (back-off, or a {@code Retry-After} up to {@code maxRetryAfter}) and repeated;</li>
 * <li>no connection (the request was not sent): repeated after the initial back-off;</li>
 * <li>5xx, a reset or a timeout (the outcome is unknown): repeated when the operation is repeat-safe, its created
 * share looked up when it is {@link Reconciliation#LOOK_UP_CREATED}, else reported as
 * {@link FrameioOutcomeUnknownException};</li>
 * <li>the operation's {@code doneStatus} answered to a repeat after an unknown outcome (404 to a delete, 409 to an
 * add asset): the first attempt did it, and the call's settlement is the answer.</li>
 * </ul>
 * Waits are scheduled; no thread waits between attempts.
 */
final class RetryStep implements CallStep {

    private static final Logger LOG = LoggerFactory.getLogger(FrameioSharesClient.class);

    private final RetryPolicy policy;
    private final ScheduledExecutorService scheduler;
    private final Reconciler reconciler;
    private final FrameioSharesClient client;

    RetryStep(RetryPolicy policy, ScheduledExecutorService scheduler, Reconciler reconciler, FrameioSharesClient client) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.reconciler = reconciler;
        this.client = client;
    }

    @Override
    public <T> CompletableFuture<FrameioResponse<T>> execute(Attempt<T> attempt, Chain chain) {
        return new Execution<>(attempt.call(), chain).start();
    }

    /** One call from its first attempt to its outcome. */
    private final class Execution<T> {
        private final SharesCall<T> call;
        private final SharesOperation op;
        private final Chain chain;
        private final CompletableFuture<FrameioResponse<T>> result = new CompletableFuture<>();
        private int attempts;
        private long firstAttemptNanos;
        private Instant attemptStarted;
        private boolean maybeProcessedEarlier;

        Execution(SharesCall<T> call, Chain chain) {
            this.call = call;
            this.op = call.operation();
            this.chain = chain;
        }

        CompletableFuture<FrameioResponse<T>> start() {
            send();
            return result;
        }

        private void send() {
            attempts++;
            if (attempts == 1) {
                firstAttemptNanos = System.nanoTime();
            }
            attemptStarted = Instant.now();
            CompletableFuture<FrameioResponse<T>> sent;
            try {
                sent = chain.proceed(new Attempt<>(call, attempts, null));
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            sent.whenComplete((response, error) -> {
                if (error == null) {
                    if (op.reconciliation() == Reconciliation.LOOK_UP_CREATED && response.body() instanceof Share share) {
                        reconciler.created(share.getId());
                    }
                    result.complete(response);
                } else {
                    failed(FrameioSharesClient.unwrap(error));
                }
            });
        }

        private void failed(Throwable error) {
            if (error instanceof FrameioApiException api) {
                int status = api.getStatusCode();
                if (status == 429) {
                    Long retryAfter = api.getRetryAfterMillis();
                    if (retryAfter != null && retryAfter > policy.maxRetryAfter().toMillis()) {
                        result.completeExceptionally(api); // waiting that long would stall the caller
                        return;
                    }
                    long backoff = policy.backoffMillis(policy.initialBackoff(), attempts);
                    retryLater(Math.max(backoff, retryAfter == null ? 0 : retryAfter), api);
                } else if (maybeProcessedEarlier && status == op.reconciliation().doneStatus()) {
                    settle(status, api);
                } else if (status >= 500) {
                    maybeProcessed(api, policy.serverErrorBackoff());
                } else {
                    result.completeExceptionally(api);
                }
            } else if (error instanceof FrameioTransportException transport) {
                if (transport.isMaybeProcessed()) {
                    maybeProcessed(transport, policy.initialBackoff());
                } else if (transport.isRetryable()) {
                    retryLater(policy.backoffMillis(policy.initialBackoff(), attempts), transport);
                } else {
                    result.completeExceptionally(transport);
                }
            } else {
                result.completeExceptionally(error);
            }
        }

        /** A failure after which Frame.io may have carried the call out. */
        private void maybeProcessed(FrameioException failure, Duration firstBackoff) {
            maybeProcessedEarlier = true;
            Reconciliation reconciliation = op.reconciliation();
            if (reconciliation.isRepeatSafe()) {
                retryLater(policy.backoffMillis(firstBackoff, attempts), failure);
            } else if (reconciliation == Reconciliation.LOOK_UP_CREATED) {
                reconciler.findCreated(call, attemptStarted).whenComplete((share, error) -> {
                    if (share != null) {
                        @SuppressWarnings("unchecked")
                        T body = (T) share;
                        result.complete(new FrameioResponse<>(op, op.successStatus(), body, null, null));
                    } else {
                        result.completeExceptionally(new FrameioOutcomeUnknownException(op, failure, error != null
                                ? "looking it up failed too: " + FrameioSharesClient.unwrap(error).getMessage()
                                : "no share named '" + call.body().path("data").path("name").asText() + "' appeared"));
                    }
                });
            } else {
                result.completeExceptionally(new FrameioOutcomeUnknownException(op, failure, null));
            }
        }

        /** A repeat met the state the first attempt was to produce: the call's settlement is the answer. */
        private void settle(int status, FrameioApiException answer) {
            LOG.debug("{}: {} on attempt {} after an attempt whose outcome was unknown: it was done", op, status,
                    attempts);
            CompletableFuture<FrameioResponse<T>> settled = call.settle(client);
            if (settled == null) {
                result.completeExceptionally(answer); // the table and the call disagree: report what Frame.io said
                return;
            }
            settled.whenComplete((response, error) -> {
                if (error != null) {
                    result.completeExceptionally(FrameioSharesClient.unwrap(error));
                } else {
                    result.complete(response);
                }
            });
        }

        private void retryLater(long delayMillis, FrameioException failure) {
            long elapsedMillis = (System.nanoTime() - firstAttemptNanos) / 1_000_000;
            Duration overall = policy.overallTimeout();
            if (attempts > policy.maxRetries()
                || (!overall.isZero() && elapsedMillis + delayMillis > overall.toMillis())) {
                LOG.debug("{}: giving up after {} attempts in {} ms: {}", op, attempts, elapsedMillis,
                        failure.getDetail());
                result.completeExceptionally(failure);
                return;
            }
            LOG.debug("{}: attempt {} failed ({} {}); retrying in {} ms", op, attempts, failure.getStatusCode(),
                    failure.getDetail(), delayMillis);
            scheduler.schedule(this::send, delayMillis, TimeUnit.MILLISECONDS);
        }
    }
}
