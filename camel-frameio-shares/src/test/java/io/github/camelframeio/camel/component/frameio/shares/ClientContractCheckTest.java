package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.simulator.http.HttpRequest;
import io.github.camelframeio.frameio.simulator.http.HttpResponse;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract check of the component's requests can fail: requests that break the contract are reported.
 */
class ClientContractCheckTest {

    private static final String SHARES = "/v4/accounts/6f70f1bd-7d94-4d1b-9d4c-5d2a0a0e4c11/projects/"
                                         + "0d83c26a-b1ff-4aa0-812d-68007067b070/shares";

    @Test
    void validRequestPasses() {
        ClientContractCheck check = new ClientContractCheck();
        check.onExchange("shares.create", post("{\"data\":{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\"}}"),
                HttpResponse.noContent());
        assertEquals(1, check.checked().size());
        assertEquals(0, check.violations().size(), check.violations().toString());
    }

    @Test
    void bodyWithoutEnvelopeIsReported() {
        ClientContractCheck check = new ClientContractCheck();
        check.onExchange("shares.create", post("{\"type\":\"asset\",\"name\":\"x\",\"access\":\"public\"}"),
                HttpResponse.noContent());
        assertEquals(1, check.violations().size());
    }

    @Test
    void pageSizeBeyondTheLimitIsReported() {
        ClientContractCheck check = new ClientContractCheck();
        check.onExchange("shares.index", HttpRequest.of("GET", SHARES + "?page_size=500",
                Map.of("Authorization", "Bearer t"), null), HttpResponse.noContent());
        assertTrue(check.violations().get(0).contains("page_size"), check.violations().toString());
    }

    private static HttpRequest post(String body) {
        return HttpRequest.of("POST", SHARES, Map.of("Authorization", "Bearer t", "Content-Type", "application/json"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
