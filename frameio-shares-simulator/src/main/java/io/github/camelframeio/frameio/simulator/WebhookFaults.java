package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.api.Json;

import java.util.Iterator;
import java.util.Set;

/**
 * What goes wrong with webhook deliveries, each decided once per delivery (one event to one webhook) from a random
 * sequence of the seed, so that the same seed and the same changes give the same faults.
 *
 * @param drop         probability that the delivery is never sent (no attempt at all)
 * @param duplicate    probability that it is sent twice (a second delivery of the same body right after the first)
 * @param reorder      probability that it is held back and sent after the next delivery to the same webhook (or,
 *                     if none comes, after the first retry interval)
 * @param delayMillis  every delivery's first attempt waits this long
 * @param badSignature probability that every attempt of the delivery carries a wrong HMAC
 * @param seed         seed of the decisions
 */
public record WebhookFaults(double drop, double duplicate, double reorder, long delayMillis, double badSignature,
                            long seed) {

    /** No faults. */
    public static final WebhookFaults NONE = new WebhookFaults(0, 0, 0, 0, 0, 1);

    private static final Set<String> FIELDS = Set.of("drop", "duplicate", "reorder", "delay_ms", "bad_signature",
            "seed");

    public WebhookFaults {
        probability("drop", drop);
        probability("duplicate", duplicate);
        probability("reorder", reorder);
        probability("bad_signature", badSignature);
        if (delayMillis < 0 || delayMillis > 600_000) {
            throw new IllegalArgumentException("delay_ms must be between 0 and 600000, was " + delayMillis);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether any fault is on. */
    public boolean any() {
        return drop > 0 || duplicate > 0 || reorder > 0 || delayMillis > 0 || badSignature > 0;
    }

    /** Reads the admin API's JSON: every field optional (0, seed 1), unknown fields refused. */
    public static WebhookFaults fromJson(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new IllegalArgumentException("body must be a JSON object like {\"drop\":0.3,\"seed\":42}");
        }
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new IllegalArgumentException("unknown field " + name + "; known: " + FIELDS);
            }
        }
        return new WebhookFaults(number(body, "drop"), number(body, "duplicate"), number(body, "reorder"),
                (long) number(body, "delay_ms"), number(body, "bad_signature"),
                body.has("seed") ? (long) number(body, "seed") : 1);
    }

    public ObjectNode toJson() {
        ObjectNode n = Json.object();
        n.put("drop", drop);
        n.put("duplicate", duplicate);
        n.put("reorder", reorder);
        n.put("delay_ms", delayMillis);
        n.put("bad_signature", badSignature);
        n.put("seed", seed);
        return n;
    }

    private static double number(JsonNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (!value.isNumber()) {
            throw new IllegalArgumentException(name + " must be a number");
        }
        return value.asDouble();
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be a probability between 0 and 1, was " + p);
        }
    }

    /** Builds {@link WebhookFaults}; everything starts at 0, the seed at 1. */
    public static final class Builder {
        private double drop;
        private double duplicate;
        private double reorder;
        private long delayMillis;
        private double badSignature;
        private long seed = 1;

        private Builder() {
        }

        public Builder drop(double probability) {
            this.drop = probability;
            return this;
        }

        public Builder duplicate(double probability) {
            this.duplicate = probability;
            return this;
        }

        public Builder reorder(double probability) {
            this.reorder = probability;
            return this;
        }

        public Builder delayMillis(long millis) {
            this.delayMillis = millis;
            return this;
        }

        public Builder badSignature(double probability) {
            this.badSignature = probability;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public WebhookFaults build() {
            return new WebhookFaults(drop, duplicate, reorder, delayMillis, badSignature, seed);
        }
    }
}
