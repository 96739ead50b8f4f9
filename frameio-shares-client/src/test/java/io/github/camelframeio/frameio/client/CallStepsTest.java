package io.github.camelframeio.frameio.client;

import io.github.camelframeio.frameio.client.auth.AccessTokenProvider;
import io.github.camelframeio.frameio.client.model.Page;
import io.github.camelframeio.frameio.client.model.Share;
import io.github.camelframeio.frameio.contract.SharesOperation;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import static io.github.camelframeio.frameio.client.FrameioSharesClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each step of a call's chain alone, with a scripted next step in place of the rest of the chain: what it repeats,
 * settles or gives up (read from the operation table), when it renews a token, what it tells the rate-limit model.
 */
class CallStepsTest {

    private static final String ID = "3b5f6ff0-4a1e-4c5c-9c33-1d1f1d0f8e2a";
    private static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(1),
            Duration.ofMillis(5), Duration.ofSeconds(1), Duration.ofSeconds(10));

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** A next step that answers from a script, one outcome per attempt, and records the attempts it saw. */
    private static final class Script implements CallStep.Chain {
        final Deque<Supplier<Object>> outcomes = new ArrayDeque<>();
        final List<CallStep.Attempt<?>> seen = new ArrayList<>();

        Script then(Supplier<Object> outcome) {
            outcomes.add(outcome);
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> CompletableFuture<FrameioResponse<T>> proceed(CallStep.Attempt<T> attempt) {
            seen.add(attempt);
            Object outcome = outcomes.isEmpty() ? new IllegalStateException("no more outcomes") : outcomes.poll().get();
            return outcome instanceof Throwable t ? CompletableFuture.failedFuture(t)
                    : CompletableFuture.completedFuture((FrameioResponse<T>) outcome);
        }
    }

    private static FrameioApiException status(SharesOperation op, int status) {
        return FrameioApiException.of(op, status, List.of(), "req", null);
    }

    private static <T> FrameioResponse<T> ok(SharesOperation op, T body) {
        return new FrameioResponse<>(op, op.successStatus(), body, new RateLimitInfo(100, 99, 60_000), "req");
    }

    private RetryStep retry() {
        return new RetryStep(FAST, scheduler, null, null, new ServerClock());
    }

    @Test
    void aRepeatSafeCallIsRepeatedAfterA5xx() {
        SharesCall<Share> call = SharesCall.getShare(ID, ID);
        Script next = new Script().then(() -> status(SharesOperation.SHOW_SHARE, 503))
                .then(() -> status(SharesOperation.SHOW_SHARE, 502)).then(() -> ok(SharesOperation.SHOW_SHARE, null));
        FrameioResponse<Share> response = await(retry().execute(CallStep.Attempt.first(call), next));
        assertEquals(200, response.statusCode());
        assertEquals(List.of(1, 2, 3), next.seen.stream().map(CallStep.Attempt::number).toList());
    }

    @Test
    void addReviewersIsNeverRepeatedAndItsOutcomeIsUnknown() {
        SharesCall<Void> call = SharesCall.addReviewers(ID, ID, io.github.camelframeio.frameio.client.model.ReviewerType.EMAILS,
                List.of("a@example.org"), "Hi", null);
        Script next = new Script().then(() -> status(SharesOperation.ADD_REVIEWERS, 503));
        FrameioOutcomeUnknownException e = assertThrows(FrameioOutcomeUnknownException.class,
                () -> await(retry().execute(CallStep.Attempt.first(call), next)));
        assertEquals(1, next.seen.size(), "one attempt only");
        assertEquals(SharesOperation.ADD_REVIEWERS, e.getOperation());
    }

    @Test
    void aDeleteWhoseRepeatFindsTheShareGoneIsDone() {
        SharesCall<Void> call = SharesCall.deleteShare(ID, ID);
        Script next = new Script().then(() -> FrameioTransportException.classify(SharesOperation.DELETE_SHARE,
                new java.net.SocketException("Connection reset"))).then(() -> status(SharesOperation.DELETE_SHARE, 404));
        FrameioResponse<Void> response = await(retry().execute(CallStep.Attempt.first(call), next));
        assertEquals(204, response.statusCode());
        assertEquals(2, next.seen.size());
    }

    @Test
    void a404WithoutAnEarlierUnknownOutcomeIsA404() {
        Script next = new Script().then(() -> status(SharesOperation.DELETE_SHARE, 404));
        assertThrows(FrameioNotFoundException.class,
                () -> await(retry().execute(CallStep.Attempt.first(SharesCall.deleteShare(ID, ID)), next)));
    }

    @Test
    void a429IsWaitedForEvenForCallsThatAreNeverRepeatedOtherwise() {
        SharesCall<Void> call = SharesCall.addReviewers(ID, ID, io.github.camelframeio.frameio.client.model.ReviewerType.EMAILS,
                List.of("a@example.org"), "Hi", null);
        Script next = new Script().then(() -> status(SharesOperation.ADD_REVIEWERS, 429))
                .then(() -> ok(SharesOperation.ADD_REVIEWERS, null));
        assertEquals(204, await(retry().execute(CallStep.Attempt.first(call), next)).statusCode());
        assertEquals(2, next.seen.size(), "a 429 means Frame.io did nothing: repeating is safe");
    }

    @Test
    void retriesStopAtTheirLimit() {
        Script next = new Script();
        for (int i = 0; i < 10; i++) {
            next.then(() -> status(SharesOperation.SHOW_SHARE, 500));
        }
        assertInstanceOf(FrameioServerException.class, assertThrows(FrameioServerException.class,
                () -> await(retry().execute(CallStep.Attempt.first(SharesCall.getShare(ID, ID)), next))));
        assertEquals(4, next.seen.size(), "the first attempt and three repeats");
    }

    @Test
    void a401RenewsTheTokenOnceAndRepeats() {
        List<String> refused = new ArrayList<>();
        AccessTokenProvider tokens = new AccessTokenProvider() {
            int issued;

            @Override
            public CompletableFuture<String> accessToken() {
                return CompletableFuture.completedFuture("token-" + (++issued));
            }

            @Override
            public boolean invalidate(String token) {
                refused.add(token);
                return true;
            }

            @Override
            public String credentialId() {
                return "test";
            }
        };
        Script next = new Script().then(() -> status(SharesOperation.SHOW_SHARE, 401))
                .then(() -> status(SharesOperation.SHOW_SHARE, 401));
        assertThrows(FrameioUnauthorizedException.class, () -> await(new AuthenticationStep(tokens)
                .execute(CallStep.Attempt.first(SharesCall.getShare(ID, ID)), next)));
        assertEquals(List.of("token-1", "token-2"), next.seen.stream().map(CallStep.Attempt::token).toList());
        assertEquals(List.of("token-1"), refused, "renewed once, not twice");
    }

    @Test
    void aStaticTokenIsNotRenewed() {
        Script next = new Script().then(() -> status(SharesOperation.SHOW_SHARE, 401));
        assertThrows(FrameioUnauthorizedException.class, () -> await(new AuthenticationStep(
                new io.github.camelframeio.frameio.client.auth.StaticAccessTokenProvider("fixed"))
                .execute(CallStep.Attempt.first(SharesCall.getShare(ID, ID)), next)));
        assertEquals(1, next.seen.size());
    }

    @Test
    void pacingTakesBudgetBeforeTheAttemptAndA429FillsTheBucket() {
        RateLimitBudgets budgets = new RateLimitBudgets(scheduler);
        AccessTokenProvider tokens = new io.github.camelframeio.frameio.client.auth.StaticAccessTokenProvider("fixed");
        PacingStep pacing = new PacingStep(budgets, tokens);
        SharesCall<Page<Share>> list = SharesCall.listShares(ID, ID, ListOptions.defaults());
        Script next = new Script().then(() -> status(SharesOperation.LIST_SHARES, 429));
        assertThrows(FrameioRateLimitException.class, () -> await(pacing.execute(CallStep.Attempt.first(list), next)));
        CompletableFuture<FrameioResponse<Page<Share>>> waiting = pacing.execute(CallStep.Attempt.first(list),
                new Script().then(() -> ok(SharesOperation.LIST_SHARES, null)));
        assertFalse(waiting.isDone(), "after a 429 the next call waits for the bucket to drain");
        assertEquals(1, budgets.waiting());
        budgets.close();
        assertThrows(IllegalStateException.class, () -> await(waiting), "closing fails the waiting call");
    }

    @Test
    void theChainRunsItsStepsInOrder() {
        List<String> order = new ArrayList<>();
        CallStep first = new CallStep() {
            @Override
            public <T> CompletableFuture<FrameioResponse<T>> execute(Attempt<T> attempt, Chain chain) {
                order.add("first");
                return chain.proceed(attempt.withToken("t"));
            }
        };
        CallStep last = new CallStep() {
            @Override
            public <T> CompletableFuture<FrameioResponse<T>> execute(Attempt<T> attempt, Chain chain) {
                order.add("last " + attempt.token());
                return CompletableFuture.completedFuture(null);
            }
        };
        assertNull(await(CallStep.of(List.of(first, last)).proceed(CallStep.Attempt.first(SharesCall.getShare(ID, ID)))));
        assertEquals(List.of("first", "last t"), order);
        assertTrue(CallStep.Attempt.first(SharesCall.getShare(ID, ID)).withToken("secret").toString().indexOf("secret") < 0);
        assertSame(SharesOperation.SHOW_SHARE, CallStep.Attempt.first(SharesCall.getShare(ID, ID)).call().operation());
    }
}
