package io.github.camelframeio.frameio.client;

import java.util.List;

/**
 * The answers of a multi-call request (several assets, reviewers in batches of 10), every call of which succeeded.
 *
 * @param <T>       the body type of each answer
 * @param responses the answers, in the order the calls were made (at least one)
 */
public record BatchResult<T>(List<FrameioResponse<T>> responses) {

    public BatchResult {
        responses = List.copyOf(responses);
    }

    /** The last answer (e.g. the share after the last asset change). */
    public FrameioResponse<T> last() {
        return responses.get(responses.size() - 1);
    }
}
