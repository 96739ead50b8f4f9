package io.github.camelframeio.camel.component.frameio.shares.consumer;

import io.github.camelframeio.frameio.contract.FrameioContract;

import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The state's compact share encoding knows every field of the contract's Share schema. Its own list stays (the order
 * of the fields is part of what is stored, so it cannot follow the document's order), and this test keeps the two
 * from drifting: a field the document adds fails here until the codec has a tag for it (until then it would be kept
 * as unknown JSON, losslessly but larger).
 */
class ShareCodecFieldsTest {

    @Test
    void theCodecKnowsEveryFieldOfTheContractsShare() {
        Set<String> contract = new TreeSet<>();
        FrameioContract.schema("Share").get("properties").fieldNames().forEachRemaining(contract::add);
        contract.remove("id"); // the snapshot's key, not encoded
        assertEquals(contract, new TreeSet<>(ShareCodec.FIELDS));
    }
}
