package io.github.camelframeio.camel.component.frameio.shares;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.camelframeio.frameio.client.model.Share;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** A share body becomes Frame.io's JSON wherever a route needs text or bytes, never with its passphrase. */
class FrameioSharesConvertersTest extends FrameioSharesTestSupport {

    @Test
    void aShareConvertsToFrameiosJsonWithoutItsPassphrase() throws Exception {
        Share share = call("frameio-shares:createShare", Map.of("name", "Secret cut", "access", "secure",
                "passphrase", "hunter2", "asset_ids", List.of(fx.fileIds().get(0)))).getMessage().getBody(Share.class);
        assertEquals("hunter2", share.getPassphrase(), "the typed body keeps it");

        String json = context.getTypeConverter().mandatoryConvertTo(String.class, share);
        JsonNode node = new ObjectMapper().readTree(json);
        assertEquals(share.getId(), node.path("id").asText());
        assertEquals("Secret cut", node.path("name").asText());
        assertEquals(simulator.share(share.getId()).path("short_url"), node.path("short_url"));
        assertFalse(json.contains("hunter2"), json);

        byte[] bytes = context.getTypeConverter().mandatoryConvertTo(byte[].class, share);
        assertEquals(json, new String(bytes, StandardCharsets.UTF_8));
        try (InputStream in = context.getTypeConverter().mandatoryConvertTo(InputStream.class, share)) {
            assertEquals(json, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
