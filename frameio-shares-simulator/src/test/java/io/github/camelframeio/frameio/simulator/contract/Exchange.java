package io.github.camelframeio.frameio.simulator.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * One request and its response, as sent and received on the wire, with checks against the contract.
 */
public record Exchange(String method, String path, Map<String, List<String>> query,
        Map<String, List<String>> requestHeaders, String requestBody, int status,
        Map<String, List<String>> responseHeaders, String responseBody) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Exchange {
        responseHeaders = caseInsensitive(responseHeaders);
        requestHeaders = caseInsensitive(requestHeaders);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        map.putAll(headers);
        return map;
    }

    public JsonNode json() {
        try {
            return MAPPER.readTree(responseBody);
        } catch (IOException e) {
            throw new UncheckedIOException("Response is not JSON: " + responseBody, e);
        }
    }

    public JsonNode data() {
        return json().get("data");
    }

    public String header(String name) {
        List<String> values = responseHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public ContractReport requestReport() {
        return ContractValidator.validateRequest(method, path, query, requestHeaders, requestBody);
    }

    public ContractReport responseReport() {
        return ContractValidator.validateResponse(method, path, status, responseHeaders, responseBody);
    }

    /** Both the request and the response conform to the contract. */
    public Exchange assertValid() {
        assertRequestValid();
        return assertResponseValid();
    }

    public Exchange assertRequestValid() {
        ContractReport report = requestReport();
        if (report.hasErrors()) {
            fail("Request " + this + " breaks the contract:\n" + ContractValidator.format(report));
        }
        return this;
    }

    public Exchange assertResponseValid() {
        ContractReport report = responseReport();
        if (report.hasErrors()) {
            fail("Response " + status + " " + responseBody + " to " + this + " breaks the contract:\n"
                 + ContractValidator.format(report));
        }
        return this;
    }

    /** The contract itself rejects this request, and the simulator answers it in a contract-conforming way. */
    public Exchange assertRequestRejectedByContract() {
        assertTrue(requestReport().hasErrors(), () -> "The contract accepts " + this + " " + requestBody);
        return assertResponseValid();
    }

    public Exchange assertStatus(int expected) {
        assertEquals(expected, status, () -> this + " answered " + status + " " + responseBody);
        return this;
    }

    /** A 4xx error body naming this pointer (when not null) and containing this text in a detail. */
    public Exchange assertError(int expectedStatus, String pointer, String detailContains) {
        assertStatus(expectedStatus);
        JsonNode errors = json().get("errors");
        assertTrue(errors != null && errors.isArray() && errors.size() > 0, "errors array in " + responseBody);
        for (JsonNode error : errors) {
            boolean pointerMatches = pointer == null || pointer.equals(error.path("source").path("pointer").asText(null));
            boolean detailMatches = detailContains == null || error.path("detail").asText("").contains(detailContains);
            if (pointerMatches && detailMatches) {
                return this;
            }
        }
        fail("No error with pointer " + pointer + " and detail containing '" + detailContains + "' in " + responseBody);
        return this;
    }

    public Exchange assertNoRateLimitHeaders() {
        assertFalse(responseHeaders.containsKey("x-ratelimit-limit"), "no rate-limit headers expected");
        return this;
    }

    @Override
    public String toString() {
        return method + " " + path + (query.isEmpty() ? "" : " " + query);
    }
}
