package io.github.camelframeio.frameio.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One step of the way every call goes: {@link RetryStep} (repeat, reconcile or give up, as the operation table
 * says), {@link PacingStep} (wait for rate-limit budget), {@link AuthenticationStep} (a bearer token, renewed once
 * on 401) and {@link TransportStep} (the HTTP exchange and the typed answer), in that order. Cross-cutting policy
 * lives here, once, instead of in each call; each step can be tested alone with a chain of its own.
 */
interface CallStep {

    /** Does this step's part and hands the attempt on with {@code chain.proceed(...)} (the last step does not). */
    <T> CompletableFuture<FrameioResponse<T>> execute(Attempt<T> attempt, Chain chain);

    /** The steps after this one. */
    interface Chain {
        <T> CompletableFuture<FrameioResponse<T>> proceed(Attempt<T> attempt);
    }

    /**
     * One attempt of a call as the steps see it.
     *
     * @param call     the call
     * @param number   1 for the first attempt, 2 for the first repeat, ...
     * @param token    the bearer token, once {@link AuthenticationStep} has set it
     * @param progress what the steps of the call share (when it was sent, how to abort it)
     */
    record Attempt<T>(SharesCall<T> call, int number, String token, CallProgress progress) {

        static <T> Attempt<T> first(SharesCall<T> call) {
            return new Attempt<>(call, 1, null, CallProgress.untracked());
        }

        Attempt<T> withNumber(int n) {
            return new Attempt<>(call, n, token, progress);
        }

        Attempt<T> withToken(String bearer) {
            return new Attempt<>(call, number, bearer, progress);
        }

        @Override
        public String toString() {
            return "Attempt[" + call.operation() + " #" + number + "]"; // never the token
        }
    }

    /** Steps run in order: {@code of(retry, pacing, auth, transport).proceed(attempt)}. */
    static Chain of(List<CallStep> steps) {
        return of(List.copyOf(steps), 0);
    }

    private static Chain of(List<CallStep> steps, int index) {
        return new Chain() {
            @Override
            public <T> CompletableFuture<FrameioResponse<T>> proceed(Attempt<T> attempt) {
                if (index >= steps.size()) {
                    throw new IllegalStateException("The last step of a call chain handed the attempt on");
                }
                return steps.get(index).execute(attempt, of(steps, index + 1));
            }
        };
    }
}
