package io.github.camelframeio.frameio.simulator.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.api.Json;

/**
 * One fault to inject into matching requests ({@code PUT /_sim/faults}).
 *
 * @param operation   an operationId ({@code shares.create}), {@code ims.token}, or {@code *} for every Shares operation
 * @param status      answer with this status instead of processing the request (null: no status fault)
 * @param times       how many matching requests get the fault (null: unlimited)
 * @param probability chance that a matching request gets the fault, 0..1 (default 1)
 * @param delayMillis wait this long before answering (0: no delay)
 * @param reset       reset the TCP connection instead of answering
 * @param malformed   send a truncated, unparseable JSON body
 * @param processed   apply the request before the fault takes effect, so the client cannot know it succeeded
 * @param skip        let this many matching requests through untouched first (e.g. fail the second page of a
 *                    listing)
 */
public record FaultRule(String operation, Integer status, Integer times, double probability, long delayMillis,
        boolean reset, boolean malformed, boolean processed, int skip) {

    public FaultRule(String operation, Integer status, Integer times, double probability, long delayMillis,
                     boolean reset, boolean malformed, boolean processed) {
        this(operation, status, times, probability, delayMillis, reset, malformed, processed, 0);
    }

    public FaultRule {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("operation is required (an operationId, ims.token or *)");
        }
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("probability must be between 0 and 1");
        }
        if (status != null && (status < 100 || status > 599)) {
            throw new IllegalArgumentException("status must be an HTTP status code");
        }
        if (times != null && times < 0) {
            throw new IllegalArgumentException("times must not be negative");
        }
        if (skip < 0) {
            throw new IllegalArgumentException("skip must not be negative");
        }
        if (delayMillis < 0) {
            throw new IllegalArgumentException("delay_ms must not be negative");
        }
        if (status == null && !reset && !malformed && delayMillis == 0) {
            throw new IllegalArgumentException("a rule needs at least one of status, reset, malformed or delay_ms");
        }
    }

    /** Answers {@code status} on {@code operation}, every time. */
    public static FaultRule status(String operation, int status) {
        return new FaultRule(operation, status, null, 1.0, 0, false, false, false);
    }

    public FaultRule times(int n) {
        return new FaultRule(operation, status, n, probability, delayMillis, reset, malformed, processed, skip);
    }

    /** Lets the first {@code n} matching requests through before the rule starts to fire. */
    public FaultRule skip(int n) {
        return new FaultRule(operation, status, times, probability, delayMillis, reset, malformed, processed, n);
    }

    public FaultRule probability(double p) {
        return new FaultRule(operation, status, times, p, delayMillis, reset, malformed, processed, skip);
    }

    public static FaultRule fromJson(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("each rule must be a JSON object");
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!java.util.Set.of("operation", "status", "times", "probability", "delay_ms", "reset", "malformed",
                    "processed", "skip").contains(name)) {
                throw new IllegalArgumentException("unknown rule field: " + name);
            }
        });
        return new FaultRule(
                node.path("operation").asText(null),
                node.hasNonNull("status") ? node.get("status").asInt() : null,
                node.hasNonNull("times") ? node.get("times").asInt() : null,
                node.hasNonNull("probability") ? node.get("probability").asDouble() : 1.0,
                node.path("delay_ms").asLong(0),
                node.path("reset").asBoolean(false),
                node.path("malformed").asBoolean(false),
                node.path("processed").asBoolean(false),
                node.path("skip").asInt(0));
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("operation", operation);
        if (status != null) {
            n.put("status", status);
        }
        if (times != null) {
            n.put("times", times);
        }
        n.put("probability", probability);
        n.put("delay_ms", delayMillis);
        n.put("reset", reset);
        n.put("malformed", malformed);
        n.put("processed", processed);
        n.put("skip", skip);
        return n;
    }

    /** The label used in the request log. */
    public String label() {
        if (reset) {
            return "reset";
        }
        if (status != null) {
            return malformed ? "status+malformed" : "status";
        }
        return malformed ? "malformed" : "delay";
    }
}
