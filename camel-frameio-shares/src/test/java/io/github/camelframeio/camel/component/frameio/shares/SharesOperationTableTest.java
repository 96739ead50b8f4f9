package io.github.camelframeio.camel.component.frameio.shares;

import io.github.camelframeio.frameio.contract.SharesOperation;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every Shares call of the contract's one operation table (which {@code SharesOperationTest} of the contract module
 * holds to the official document) has exactly one producer operation of the endpoint.
 */
class SharesOperationTableTest {

    @Test
    void everyApiOperationHasAnEndpointOperation() {
        for (SharesOperation op : SharesOperation.shareCalls()) {
            long mapped = Arrays.stream(FrameioSharesOperation.values()).filter(o -> o.apiOperation() == op).count();
            assertEquals(1, mapped, op.operationId());
        }
    }
}
