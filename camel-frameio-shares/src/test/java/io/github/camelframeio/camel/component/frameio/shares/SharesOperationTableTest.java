package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.camel.component.frameio.shares.client.SharesOperation;
import io.github.camelframeio.frameio.simulator.contract.ContractValidator;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The client's operation table agrees with Frame.io's OpenAPI document: method, path, success status and rate
 * limit of every Shares operation, and no operation of the document is missing.
 */
class SharesOperationTableTest {

    private static final Pattern RATE = Pattern.compile("Rate Limits: (\\d+) calls per 1\\.00 minute");

    @Test
    void everyOperationMatchesTheContract() throws Exception {
        JsonNode paths = new ObjectMapper().readTree(ContractValidator.spec()).get("paths");
        Map<String, String[]> contract = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> items = paths.fields();
        while (items.hasNext()) {
            Map.Entry<String, JsonNode> item = items.next();
            item.getValue().fields().forEachRemaining(op -> {
                String success = null;
                Iterator<String> statuses = op.getValue().get("responses").fieldNames();
                while (statuses.hasNext()) {
                    String status = statuses.next();
                    if (status.startsWith("2")) {
                        success = status;
                    }
                }
                Matcher rate = RATE.matcher(op.getValue().get("description").asText());
                contract.put(op.getValue().get("operationId").asText(), new String[] { op.getKey().toUpperCase(),
                        item.getKey(), success, rate.find() ? rate.group(1) : null });
            });
        }
        assertEquals(contract.size(), SharesOperation.values().length, "every operation of the contract is in the table");
        for (SharesOperation op : SharesOperation.values()) {
            String[] expected = contract.get(op.operationId());
            assertNotNull(expected, op.operationId());
            assertEquals(expected[0], op.method(), op + " method");
            assertEquals(expected[1], op.pathTemplate(), op + " path");
            assertEquals(expected[2], Integer.toString(op.successStatus()), op + " status");
            assertEquals(expected[3], Integer.toString(op.rateLimitPerMinute()), op + " rate limit");
        }
    }

    @Test
    void everyApiOperationHasAnEndpointOperation() {
        for (SharesOperation op : SharesOperation.values()) {
            long mapped = java.util.Arrays.stream(FrameioSharesOperation.values()).filter(o -> o.apiOperation() == op).count();
            assertEquals(1, mapped, op.operationId());
        }
    }
}
