package io.github.camelframeio.frameio.simulator;

import com.fasterxml.jackson.databind.JsonNode;

import io.github.camelframeio.frameio.simulator.contract.Exchange;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five webhook operations against the official document: answers the strict response check accepts, the secret
 * in the create answer only, {@code active} switched by update, 204 on delete, 404, 403 and 422 as for the Shares
 * operations, pages and sorts of the list.
 */
class WebhookContractTest extends SimulatorApiTestBase {

    private static final String EVENTS = "[\"share.created\",\"share.updated\",\"share.deleted\",\"share.viewed\"]";

    private String webhooksPath() {
        return "/v4/accounts/" + f.accountId() + "/workspaces/" + f.workspaceId() + "/webhooks";
    }

    private String webhookPath(String id) {
        return "/v4/accounts/" + f.accountId() + "/webhooks/" + id;
    }

    private static String createBody(String name, String url) {
        return "{\"data\":{\"name\":\"" + name + "\",\"url\":\"" + url + "\",\"events\":" + EVENTS + "}}";
    }

    private JsonNode create(String name) {
        return client.post(webhooksPath(), createBody(name, "https://hooks.example.com/" + name)).assertValid()
                .assertStatus(201).data();
    }

    @Test
    void theFixtureWorkspaceIsPublished() throws Exception {
        JsonNode fixtures = SimulatorTestSupport.admin(sim, "GET", "/_sim/fixtures", null, 200);
        assertEquals(f.workspaceId(), fixtures.get("workspace_id").asText());
        assertTrue(f.workspaceId().matches("[0-9a-f-]{36}"), f.workspaceId());
    }

    @Test
    void createAnswers201WithTheSecretAndNothingElseShowsIt() {
        JsonNode created = create("first");
        String secret = created.get("secret").asText();
        assertTrue(secret.length() >= 32, secret);
        assertTrue(created.get("active").asBoolean());
        assertEquals(f.workspaceId(), created.get("workspace_id").asText());
        assertEquals(4, created.get("events").size());
        String id = created.get("id").asText();

        JsonNode shown = client.get(webhookPath(id)).assertValid().assertStatus(200).data();
        assertFalse(shown.has("secret"), shown.toString());
        assertFalse(shown.has("creator"), "creator only on request");
        JsonNode withCreator = client.get(webhookPath(id) + "?include=creator").assertValid().assertStatus(200).data();
        assertEquals(f.userIds().get(0), withCreator.get("creator").get("id").asText());
        assertFalse(withCreator.has("secret"));

        JsonNode listed = client.get(webhooksPath() + "?include=creator").assertValid().assertStatus(200).json();
        assertEquals(1, listed.get("data").size());
        assertFalse(listed.get("data").get(0).has("secret"));
        JsonNode updated = client.patch(webhookPath(id), "{\"data\":{\"name\":\"renamed\"}}").assertValid()
                .assertStatus(200).data();
        assertFalse(updated.has("secret"));
        assertFalse(sim.requests().toJson().toString().contains(secret), "the request log never holds the secret");
        assertEquals(List.of(id), sim.webhookIds());
        assertEquals("renamed", sim.webhook(id).get("name").asText());
        assertFalse(sim.webhook(id).has("secret"));
    }

    @Test
    void updateChangesEveryFieldIncludingActive() {
        JsonNode created = create("switch");
        String id = created.get("id").asText();
        JsonNode off = client.patch(webhookPath(id), "{\"data\":{\"active\":false,\"name\":\"Off\",\"url\":"
                + "\"https://other.example.com/x\",\"events\":[\"share.deleted\"]}}").assertValid().assertStatus(200)
                .data();
        assertFalse(off.get("active").asBoolean());
        assertEquals("Off", off.get("name").asText());
        assertEquals("https://other.example.com/x", off.get("url").asText());
        assertEquals("[\"share.deleted\"]", off.get("events").toString());
        assertEquals(created.get("created_at"), off.get("created_at"));
        assertNotEquals(created.get("updated_at"), off.get("updated_at"));
        assertFalse(client.get(webhookPath(id)).assertValid().data().get("active").asBoolean());
        assertTrue(client.patch(webhookPath(id), "{\"data\":{\"active\":true}}").assertValid().data()
                .get("active").asBoolean());
    }

    @Test
    void deleteAnswers204AndTheWebhookIsGone() {
        String id = create("gone").get("id").asText();
        client.delete(webhookPath(id)).assertValid().assertStatus(204);
        client.get(webhookPath(id)).assertValid().assertError(404, null, "Webhook not found");
        client.delete(webhookPath(id)).assertValid().assertError(404, null, "Webhook not found");
        client.patch(webhookPath(id), "{\"data\":{\"active\":false}}").assertValid()
                .assertError(404, null, "Webhook not found");
    }

    @Test
    void unknownAccountWorkspaceOrWebhookIs404AndAForbiddenAccount403() {
        client.get("/v4/accounts/" + f.accountId() + "/workspaces/" + f.projectId() + "/webhooks").assertValid()
                .assertError(404, null, "Workspace not found");
        client.post("/v4/accounts/" + f.accountId() + "/workspaces/" + f.projectId() + "/webhooks",
                createBody("x", "https://x.example.com")).assertValid().assertError(404, null, "Workspace not found");
        client.get("/v4/accounts/" + f.projectId() + "/workspaces/" + f.workspaceId() + "/webhooks").assertValid()
                .assertError(404, null, "Account not found");
        client.get("/v4/accounts/" + f.forbiddenAccountId() + "/workspaces/" + f.workspaceId() + "/webhooks")
                .assertValid().assertError(403, null, "Forbidden");
        client.get(webhookPath(f.projectId())).assertValid().assertError(404, null, "Webhook not found");
        client.withToken(null).get(webhooksPath()).assertResponseValid().assertError(401, null, "Unauthorized");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":{\"url\":\"https://x.example.com\",\"events\":[\"share.created\"]}}|/data/name",
        "{\"data\":{\"name\":\"x\",\"events\":[\"share.created\"]}}|/data/url",
        "{\"data\":{\"name\":\"x\",\"url\":\"https://x.example.com\"}}|/data/events",
        "{\"data\":{\"name\":\"x\",\"url\":\"https://x.example.com\",\"events\":[]}}|/data/events",
        "{\"data\":{\"name\":\"x\",\"url\":\"https://x.example.com\",\"events\":[\"share.created\",\"share.created\"]}}|/data/events",
        "{\"data\":{\"name\":\"\",\"url\":\"https://x.example.com\",\"events\":[\"share.created\"]}}|/data/name",
        "{\"data\":{\"name\":\"x\",\"url\":\"https://x.example.com\",\"events\":[\"share.created\"],\"active\":true}}|/data/active",
        "{\"data\":{\"name\":\"x\",\"url\":\"https://x.example.com\",\"events\":[\"share.created\"]},\"meta\":1}|/meta",
    })
    void createRejectsWhatTheContractRejects(String row) {
        String[] parts = row.split("\\|");
        client.post(webhooksPath(), parts[0]).assertRequestRejectedByContract().assertError(422, parts[1], null);
        assertEquals(0, client.get(webhooksPath()).data().size(), "nothing was created");
    }

    @Test
    void createAndUpdateRefuseAUrlTheSimulatorCannotDeliverTo() {
        client.post(webhooksPath(), createBody("x", "not a url")).assertResponseValid()
                .assertError(422, "/data/url", "Invalid URL");
        String id = create("fine").get("id").asText();
        client.patch(webhookPath(id), "{\"data\":{\"url\":\"ftp://x.example.com\"}}").assertResponseValid()
                .assertError(422, "/data/url", "Invalid URL");
        client.patch(webhookPath(id), "{\"data\":{\"active\":\"yes\"}}").assertRequestRejectedByContract()
                .assertError(422, "/data/active", null);
    }

    @Test
    void listPagesAndSorts() {
        List<String> names = List.of("delta", "alpha", "charlie", "bravo", "echo");
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            ids.add(create(name).get("id").asText());
        }
        Exchange first = client.get(webhooksPath() + "?page_size=2&include_total_count=true").assertValid()
                .assertStatus(200);
        assertEquals(5, first.json().get("total_count").asInt());
        Set<String> seen = new HashSet<>();
        first.data().forEach(w -> seen.add(w.get("id").asText()));
        String next = first.json().get("links").get("next").asText();
        while (!next.equals("null")) {
            Exchange page = client.get(next + "&page_size=2").assertValid().assertStatus(200);
            page.data().forEach(w -> seen.add(w.get("id").asText()));
            next = page.json().get("links").get("next").asText();
        }
        assertEquals(new HashSet<>(ids), seen);
        JsonNode byName = client.get(webhooksPath() + "?sort=name_asc").assertValid().data();
        assertEquals("alpha", byName.get(0).get("name").asText());
        assertEquals("echo", byName.get(4).get("name").asText());
        JsonNode newest = client.get(webhooksPath() + "?sort=created_at_desc").assertValid().data();
        assertEquals(ids.get(4), newest.get(0).get("id").asText());
        client.get(webhooksPath() + "?sort=newest").assertRequestRejectedByContract().assertError(422, "/sort", null);
        client.get(webhooksPath() + "?include=owner").assertRequestRejectedByContract()
                .assertError(422, "/include", null);
    }

    @Test
    void resetForgetsWebhooksButNotTheirIds() {
        String before = create("before").get("id").asText();
        sim.reset();
        client.get(webhookPath(before)).assertValid().assertError(404, null, "Webhook not found");
        assertEquals(0, client.get(webhooksPath()).data().size());
        assertNotEquals(before, create("after").get("id").asText());
    }
}
