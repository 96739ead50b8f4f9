package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.contract.RequestValidator;
import io.github.camelframeio.frameio.simulator.ExchangeObserver;
import io.github.camelframeio.frameio.simulator.contract.ContractReport;
import io.github.camelframeio.frameio.simulator.contract.ContractValidator;
import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.http.HttpResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks every request the component sends to the simulator against Frame.io's official document and the project's
 * rules ({@link RequestValidator#SERVER}), as the simulator receives it. A test that ends with violations fails
 * ({@link FrameioSharesTestSupport}).
 */
public final class ClientContractCheck implements ExchangeObserver {

    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> checked = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onExchange(String operationId, HttpRequest request, HttpResponse response) {
        if (operationId == null || operationId.equals("ims.token")) {
            return; // unknown routes answer 404 on purpose; the IMS endpoint is not part of the Shares contract
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : List.of("Authorization", "Content-Type", "Accept")) {
            if (request.header(name) != null) {
                headers.put(name, List.of(request.header(name)));
            }
        }
        String body = request.body().length == 0 ? null : request.bodyAsString();
        ContractReport report = ContractValidator.validateRequest(RequestValidator.SERVER, request.method(),
                request.rawPath(), request.query(), headers, body);
        checked.add(operationId);
        if (report.hasErrors()) {
            violations.add(request + " " + (body == null ? "" : body) + "\n" + ContractValidator.format(report));
        }
    }

    public List<String> violations() {
        return new ArrayList<>(violations);
    }

    List<String> checked() {
        return new ArrayList<>(checked);
    }

    public void clear() {
        violations.clear();
        checked.clear();
    }
}
