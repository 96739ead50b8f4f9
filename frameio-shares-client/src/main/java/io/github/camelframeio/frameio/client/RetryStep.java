package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.contract.Reconciliation;
import io.github.camelframeio.frameio.contract.SharesOperation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
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
    private final ServerClock clock;

    RetryStep(RetryPolicy policy, ScheduledExecutorService scheduler, Reconciler reconciler, FrameioSharesClient client,
              ServerClock clock) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.reconciler = reconciler;
        this.client = client;
        this.clock = clock;
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
        private final CallProgress progress;
        private volatile int attempts;
        private volatile long firstSentNanos;
        private boolean maybeProcessedEarlier;
        private volatile FrameioException lastFailure;

        Execution(SharesCall<T> call, Chain chain) {
            this.call = call;
            this.op = call.operation();
            this.chain = chain;
            this.progress = new CallProgress(clock, this::armDeadline);
        }

        CompletableFuture<FrameioResponse<T>> start() {
            send();
            return result;
        }

        /** The overall timeout runs from the first request on the wire (waiting for budget before it is not counted). */
        private void armDeadline() {
            firstSentNanos = System.nanoTime();
            Duration overall = policy.overallTimeout();
            if (!overall.isZero()) {
                ScheduledFuture<?> timer = scheduler.schedule(this::expired, overall.toNanos(), TimeUnit.NANOSECONDS);
                result.whenComplete((r, e) -> timer.cancel(false));
            }
        }

        /** The deadline passed with the call unsettled: end it, abort what is in flight. */
        private void expired() {
            // after a failed attempt, the timeout only stops the retries: the failure is the news
            FrameioException failure = lastFailure != null ? lastFailure
                    : new FrameioTimeoutException(op, policy.overallTimeout(), attempts, progress.anySent());
            boolean done = op.reconciliation().isRepeatSafe() || !progress.anySent()
                    ? result.completeExceptionally(failure)
                    : result.completeExceptionally(new FrameioOutcomeUnknownException(op, failure,
                            "the overallTimeout of " + policy.overallTimeout().toMillis() + " ms ended it before its"
                            + " outcome could be settled"));
            if (done) {
                LOG.debug("{}: overallTimeout of {} ms passed after {} attempts; aborting the request in flight", op,
                        policy.overallTimeout().toMillis(), attempts);
                progress.abort();
            }
        }

        private void send() {
            if (result.isDone()) {
                return; // the deadline ended the call while a retry waited
            }
            attempts++;
            CompletableFuture<FrameioResponse<T>> sent;
            try {
                sent = chain.proceed(new Attempt<>(call, attempts, null, progress));
            } catch (RuntimeException e) {
                sent = CompletableFuture.failedFuture(e);
            }
            long sentMicros = clock.nowMicros();
            sent.whenComplete((response, error) -> {
                if (result.isDone()) {
                    return;
                }
                if (error == null) {
                    if (op.reconciliation() == Reconciliation.LOOK_UP_CREATED && response.body() instanceof Share share) {
                        reconciler.created(share.getId(), share.getCreatedAt() == null ? null
                                : share.getCreatedAt().toInstant(), Math.max(sentMicros, progress.sentMicros()),
                                clock.nowMicros());
                    }
                    result.complete(response);
                } else {
                    failed(FrameioSharesClient.unwrap(error));
                }
            });
        }

        private void failed(Throwable error) {
            if (error instanceof FrameioException failure) {
                lastFailure = failure;
            }
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
                if (!transport.isRetryable()) {
                    // repeating would meet the same answer (an answer over the limits, a TLS failure)
                    result.completeExceptionally(transport.isMaybeProcessed() && !op.reconciliation().isRepeatSafe()
                            ? new FrameioOutcomeUnknownException(op, transport, null) : transport);
                } else if (transport.isMaybeProcessed()) {
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
            } else if (reconciliation == Reconciliation.LOOK_UP_CREATED && op == SharesOperation.CREATE_WEBHOOK) {
                // a webhook found by URL comes without its secret, sent only in the lost answer: the caller must
                // delete it and create another
                result.completeExceptionally(new FrameioOutcomeUnknownException(op, failure, "the webhook may exist"
                        + " (look it up by URL) but its signing secret was in the lost answer: delete it and create"
                        + " it again"));
            } else if (reconciliation == Reconciliation.LOOK_UP_CREATED) {
                reconciler.findCreated(call, progress.sentMicros()).whenComplete((lookup, error) -> {
                    if (error == null && lookup.share() != null) {
                        try {
                            @SuppressWarnings("unchecked")
                            T body = (T) client.objectMapper().treeToValue(lookup.share(), Share.class);
                            result.complete(new FrameioResponse<>(op, op.successStatus(), body, null, null));
                        } catch (IOException | RuntimeException e) {
                            result.completeExceptionally(new FrameioOutcomeUnknownException(op, failure,
                                    "the share found could not be read: " + e.getMessage()));
                        }
                    } else {
                        result.completeExceptionally(new FrameioOutcomeUnknownException(op, failure, error != null
                                ? "looking it up failed too: " + FrameioSharesClient.unwrap(error).getMessage()
                                : lookup.doubt()));
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
            long elapsedMillis = firstSentNanos == 0 ? 0 : (System.nanoTime() - firstSentNanos) / 1_000_000;
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
