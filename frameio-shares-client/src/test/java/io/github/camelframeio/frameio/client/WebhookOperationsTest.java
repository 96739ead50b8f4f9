package io.github.camelframeio.frameio.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.github.camelframeio.frameio.client.model.Webhook;
import io.github.camelframeio.frameio.contract.SharesOperation;
import io.github.camelframeio.frameio.simulator.FrameioSimulatorExtension;
import io.github.camelframeio.frameio.simulator.SimulatorFixtures;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.List;

import static io.github.camelframeio.frameio.client.FrameioSharesClient.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The five webhook calls against the simulator over HTTP: typed, paged, the secret only at creation and never shown. */
class WebhookOperationsTest {

    @RegisterExtension
    static FrameioSimulatorExtension frameio = FrameioSimulatorExtension.create(b -> b.rateLimits(false));

    private static final List<String> SHARE_EVENTS = List.of("share.created", "share.updated", "share.deleted",
            "share.viewed");
    private SimulatorFixtures f;
    private FrameioSharesClient client;

    @BeforeEach
    void connect() {
        f = frameio.fixtures();
        client = FrameioSharesClient.builder().baseUrl(f.baseUrl()).imsUrl(f.imsUrl())
                .clientCredentials(f.clientId(), f.clientSecret(), null).build();
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void createShowUpdateListAndDeleteAWebhook() {
        FrameioResponse<Webhook> created = await(client.createWebhook(f.accountId(), f.workspaceId(), "receiver",
                "https://hooks.example.com/frameio", SHARE_EVENTS));
        assertEquals(201, created.statusCode());
        assertEquals(SharesOperation.CREATE_WEBHOOK, created.operation());
        Webhook webhook = created.body();
        assertNotNull(webhook.getSecret(), "the signing secret comes with the creation");
        assertFalse(webhook.getSecret().isEmpty());
        assertEquals(SHARE_EVENTS, webhook.getEvents());
        assertEquals(f.workspaceId(), webhook.getWorkspaceId());

        Webhook shown = await(client.getWebhook(f.accountId(), webhook.getId())).body();
        assertEquals("https://hooks.example.com/frameio", shown.getUrl());
        assertNull(shown.getSecret(), "Frame.io sends the secret only once");

        ObjectNode data = JsonNodeFactory.instance.objectNode().put("active", false).put("name", "paused");
        Webhook updated = await(client.updateWebhook(f.accountId(), webhook.getId(), data)).body();
        assertEquals(Boolean.FALSE, updated.getActive());
        assertEquals("paused", updated.getName());

        assertEquals(204, await(client.deleteWebhook(f.accountId(), webhook.getId())).statusCode());
        assertThrows(FrameioNotFoundException.class,
                () -> await(client.getWebhook(f.accountId(), webhook.getId())));
    }

    @Test
    void everyWebhookOfAWorkspaceIsListedAcrossPages() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(await(client.createWebhook(f.accountId(), f.workspaceId(), "hook " + i,
                    "https://hooks.example.com/" + i, SHARE_EVENTS)).body().getId());
        }
        List<String> listed = new ArrayList<>();
        for (Webhook w : client.webhooks(f.accountId(), f.workspaceId(), ListOptions.pageSize(2))) {
            listed.add(w.getId());
            assertNull(w.getSecret());
        }
        assertTrue(listed.containsAll(ids), listed + " should hold " + ids);
        assertEquals(2, client.blocking().listWebhooks(f.accountId(), f.workspaceId(), ListOptions.pageSize(2)).data()
                .size(), "the blocking client's page");
        assertEquals(listed.size(), listed.stream().distinct().count(), "each webhook once");
    }

    @Test
    void theSecretIsNeitherInToStringNorInJson() throws Exception {
        Webhook webhook = await(client.createWebhook(f.accountId(), f.workspaceId(), "receiver",
                "https://hooks.example.com/secret", SHARE_EVENTS)).body();
        String secret = webhook.getSecret();
        assertFalse(webhook.toString().contains(secret), webhook.toString());
        assertTrue(webhook.toString().contains("secret=******"));
        assertFalse(new ObjectMapper().writeValueAsString(webhook).contains(secret));
    }

    @Test
    void badInputIsRefusedBeforeAnyRequestNamingTheField() {
        long before = frameio.simulator().requests().count("webhooks.create");
        FrameioInvalidRequestException e = assertThrows(FrameioInvalidRequestException.class,
                () -> client.createWebhook(f.accountId(), f.workspaceId(), "no events", "https://x.example.com",
                        List.of()));
        assertTrue(e.getMessage().contains("events"), e.getMessage());
        assertEquals(before, frameio.simulator().requests().count("webhooks.create"));
    }
}
