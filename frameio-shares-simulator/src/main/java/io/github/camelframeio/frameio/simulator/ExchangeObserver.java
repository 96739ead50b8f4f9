package io.github.camelframeio.frameio.simulator;

import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.http.HttpResponse;

/**
 * Sees every request that reaches the API or the IMS endpoint together with the simulator's answer, e.g. to check
 * a client's requests against the OpenAPI contract in tests. Called on a server thread; must not block.
 */
@FunctionalInterface
public interface ExchangeObserver {

    /**
     * @param operationId the operationId ({@code shares.create}, {@code ims.token}), null for an unknown route
     * @param request     the request as received
     * @param response    the answer; {@link HttpResponse#abort()} is set when a fault dropped the connection
     */
    void onExchange(String operationId, HttpRequest request, HttpResponse response);
}
