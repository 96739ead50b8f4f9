package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.simulator.contract.ContractClient;
import io.github.camelframeio.frameio.simulator.contract.Exchange;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.createShare;
import static io.github.camelframeio.frameio.simulator.SimulatorTestSupport.sharePath;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract check can fail: real simulator answers, altered in one detail each, must be rejected. Without this,
 * a lenient validator would let the contract test pass whatever the simulator sends.
 */
class ContractValidatorSelfTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static FrameioSimulator sim;
    private static Exchange show;
    private static Exchange addAsset;

    @BeforeAll
    static void capture() {
        sim = FrameioSimulator.builder().rateLimits(false).start();
        SimulatorFixtures f = sim.fixtures();
        ContractClient client = new ContractClient(sim.baseUrl(), f.token());
        JsonNode share = createShare(client, f, "Self test", "public");
        show = client.get(sharePath(f, share.get("id").asText())).assertValid();
        addAsset = client.post(sharePath(f, share.get("id").asText()) + "/assets",
                "{\"data\":{\"asset_id\":\"" + f.assetIds().get(0) + "\"}}").assertValid();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void unalteredAnswersPass() {
        assertFalse(show.responseReport().hasErrors());
        assertFalse(addAsset.responseReport().hasErrors());
    }

    @Test
    void missingRequiredShareFieldFails() {
        assertRejected(show, data -> data.remove("collection_id"));
    }

    @Test
    void fieldOutsideTheContractFails() {
        assertRejected(show, data -> data.put("colour", "red"));
    }

    @Test
    void wrongFieldTypeFails() {
        assertRejected(show, data -> data.put("enabled", "yes"));
    }

    @Test
    void wrongEnumValueFails() {
        assertRejected(show, data -> data.put("access", "restricted"));
    }

    @Test
    void badTimestampFails() {
        assertRejected(show, data -> data.put("created_at", "yesterday"));
    }

    @Test
    void extraFieldBesideAssetAddedFails() {
        assertRejected(addAsset, data -> data.put("asset_removed", data.get("asset_added").asText()));
    }

    @Test
    void missingAssetAddedFails() {
        assertRejected(addAsset, data -> data.remove("asset_added"));
    }

    @Test
    void undeclaredStatusFails() {
        Exchange altered = new Exchange(show.method(), show.path(), show.query(), show.requestHeaders(),
                show.requestBody(), 202, show.responseHeaders(), show.responseBody());
        assertTrue(altered.responseReport().hasErrors());
    }

    @Test
    void missingRateLimitHeaderFails() {
        Map<String, List<String>> headers = new HashMap<>(show.responseHeaders());
        headers.remove("x-ratelimit-remaining");
        Exchange altered = new Exchange(show.method(), show.path(), show.query(), show.requestHeaders(),
                show.requestBody(), show.status(), headers, show.responseBody());
        assertTrue(altered.responseReport().hasErrors());
    }

    private static void assertRejected(Exchange original, Consumer<ObjectNode> change) {
        try {
            ObjectNode body = (ObjectNode) MAPPER.readTree(original.responseBody());
            change.accept((ObjectNode) body.get("data"));
            Exchange altered = new Exchange(original.method(), original.path(), original.query(),
                    original.requestHeaders(), original.requestBody(), original.status(), original.responseHeaders(),
                    MAPPER.writeValueAsString(body));
            assertTrue(altered.responseReport().hasErrors(), "the contract check accepted " + altered.responseBody());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
