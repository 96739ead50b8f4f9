package io.github.camelframeio.frameio.simulator.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.simulator.api.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Holds the active fault rules. Rules are tried in order; the first one that matches the operation, has times left
 * and wins its probability roll applies, and only that one.
 */
public final class FaultInjector {

    /** The operation name of the Adobe IMS token endpoint in logs and fault rules. */
    public static final String IMS_TOKEN = "ims.token";

    private static final class Active {
        final FaultRule rule;
        int remaining;
        int toSkip;
        long fired;

        Active(FaultRule rule) {
            this.rule = rule;
            this.toSkip = rule.skip();
            this.remaining = rule.times() == null ? -1 : rule.times();
        }
    }

    private final Random random;
    private final long seed;
    private List<Active> rules = new ArrayList<>();

    public FaultInjector(long seed) {
        this.seed = seed;
        this.random = new Random(seed ^ 0x4641554cL);
    }

    public synchronized void set(List<FaultRule> newRules) {
        List<Active> list = new ArrayList<>();
        for (FaultRule rule : newRules) {
            list.add(new Active(rule));
        }
        rules = list;
        random.setSeed(seed ^ 0x4641554cL);
    }

    public synchronized void clear() {
        rules = new ArrayList<>();
    }

    /** The rule to apply to a request of {@code operationId}, or null. */
    public synchronized FaultRule next(String operationId) {
        if (rules.isEmpty()) {
            return null;
        }
        SharesOperation known = SharesOperation.byOperationId(operationId);
        // "*" means the Shares calls, as documented; a webhook operation is named to be faulted
        boolean shares = known != null && known.isShareCall();
        for (Active active : rules) {
            String op = active.rule.operation();
            boolean matches = op.equals(operationId) || (op.equals("*") && shares);
            if (!matches || active.remaining == 0) {
                continue;
            }
            if (active.toSkip > 0) {
                active.toSkip--;
                continue;
            }
            if (active.rule.probability() < 1.0 && random.nextDouble() >= active.rule.probability()) {
                continue;
            }
            if (active.remaining > 0) {
                active.remaining--;
            }
            active.fired++;
            return active.rule;
        }
        return null;
    }

    public synchronized ObjectNode toJson() {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("rules");
        for (Active active : rules) {
            ObjectNode n = active.rule.toJson();
            if (active.remaining >= 0) {
                n.put("remaining", active.remaining);
            }
            n.put("fired", active.fired);
            list.add(n);
        }
        return body;
    }
}
