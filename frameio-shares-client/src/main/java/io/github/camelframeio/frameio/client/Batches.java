package io.github.camelframeio.frameio.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the calls of a multi-call request one after the other. Every call was checked when it was made, so a bad
 * input fails before the first is sent. When a call fails after others succeeded, the failure is a
 * {@link FrameioBatchException} naming what was done and what was not; a single call fails as itself.
 */
final class Batches {

    private Batches() {
    }

    static <T> CompletableFuture<BatchResult<T>> sequence(FrameioSharesClient client, List<SharesCall<T>> calls,
                                                          List<String> labels, String what) {
        if (calls.isEmpty()) {
            throw new FrameioInvalidRequestException(what + " has nothing to do");
        }
        List<FrameioResponse<T>> done = new ArrayList<>();
        CompletableFuture<BatchResult<T>> result = new CompletableFuture<>();
        next(client, calls, labels, what, done, result);
        return result;
    }

    private static <T> void next(FrameioSharesClient client, List<SharesCall<T>> calls, List<String> labels, String what,
                                 List<FrameioResponse<T>> done, CompletableFuture<BatchResult<T>> result) {
        if (done.size() == calls.size()) {
            result.complete(new BatchResult<>(done));
            return;
        }
        client.send(calls.get(done.size())).whenComplete((response, error) -> {
            if (error == null) {
                done.add(response);
                next(client, calls, labels, what, done, result);
                return;
            }
            Throwable cause = FrameioSharesClient.unwrap(error);
            if (calls.size() == 1) {
                result.completeExceptionally(cause);
                return;
            }
            List<String> notDone = new ArrayList<>(labels.subList(done.size(), labels.size()));
            String failed = notDone.remove(0);
            result.completeExceptionally(new FrameioBatchException(what, labels.subList(0, done.size()), failed, notDone,
                    done, cause));
        });
    }
}
